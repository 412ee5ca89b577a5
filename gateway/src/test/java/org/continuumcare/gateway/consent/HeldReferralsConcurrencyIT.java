package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A referral's ServiceRequest and Task are held by the relay at the same moment, on different
 * threads, and both mark the same Task held for consent: it is marked once, and neither fails.
 */
class HeldReferralsConcurrencyIT extends GatewayIntegrationTest {

  private static final int THREADS = 8;

  @Autowired DaoRegistry daos;

  @Test
  void deliveriesOfOneReferralHeldAtOnceMarkItsTaskOnceWithoutConflicts() throws Exception {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(uniqueSystem()).setValue("held-at-once");
    String patientId = fhir().create().resource(patient).execute().getId().getIdPart();
    // No performer or owner: no routing rule sends these anywhere, only the gate's marking runs.
    ServiceRequest referral =
        new ServiceRequest()
            .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
            .setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
            .setSubject(new Reference("Patient/" + patientId));
    String referralId = fhir().create().resource(referral).execute().getId().getIdPart();
    referral.setId("ServiceRequest/" + referralId + "/_history/1");
    Task task =
        new Task()
            .setStatus(Task.TaskStatus.REQUESTED)
            .setIntent(Task.TaskIntent.ORDER)
            .setFocus(new Reference("ServiceRequest/" + referralId))
            .setFor(new Reference("Patient/" + patientId));
    String taskId = fhir().create().resource(task).execute().getId().getIdPart();
    task.setId("Task/" + taskId + "/_history/1");
    HeldReferrals referrals = new HeldReferrals(daos);

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> marks = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        // As the relay does: the held ServiceRequest's delivery and the held Task's delivery.
        IBaseResource held = i % 2 == 0 ? referral : task;
        marks.add(
            pool.submit(
                () -> {
                  start.await();
                  referrals.held(held);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> mark : marks) {
        mark.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    Task marked = fhir().read().resource(Task.class).withId(taskId).execute();
    assertThat(HeldReferrals.isHeld(marked)).isTrue();
    Bundle history =
        fhir().history().onInstance("Task/" + taskId).returnBundle(Bundle.class).execute();
    assertThat(history.getEntry()).as("created, then marked held once").hasSize(2);
  }
}
