package org.continuumcare.gateway.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class SamePersonLocksTest {

  private static Bundle transaction(String patientMatch) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    bundle
        .addEntry()
        .setResource(new Binary())
        .getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl("Binary/b1");
    bundle
        .addEntry()
        .setResource(new Patient())
        .getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl(patientMatch);
    return bundle;
  }

  @Test
  void theKeyIsTheFirstConditionalUpdateUrl() {
    assertThat(SamePersonLocks.key(transaction("Patient?identifier=s%7C1")))
        .hasValue("Patient?identifier=s%7C1");
    Bundle plain = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    plain
        .addEntry()
        .setResource(new Patient())
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Patient");
    assertThat(SamePersonLocks.key(plain)).isEmpty();
  }

  @Test
  void transactionsForTheSamePersonNeverOverlap() throws Exception {
    SamePersonLocks locks = new SamePersonLocks(16);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger mostInside = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> done = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  return locks.run(
                      transaction("Patient?identifier=s%7C1"),
                      () -> {
                        int now = inside.incrementAndGet();
                        mostInside.accumulateAndGet(now, Math::max);
                        for (int spin = 0; spin < 200_000; spin++) {
                          Thread.onSpinWait();
                        }
                        inside.decrementAndGet();
                        return now;
                      });
                }));
      }
      start.countDown();
      for (Future<Integer> future : done) {
        assertThat(future.get(30, TimeUnit.SECONDS)).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(mostInside).hasValue(1);
  }
}
