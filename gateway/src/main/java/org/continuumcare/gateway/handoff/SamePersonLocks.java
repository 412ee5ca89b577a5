package org.continuumcare.gateway.handoff;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Runs transactions that write the same person one at a time in this gateway. The key is the URL of
 * the transaction's first conditional update (a handoff's {@code Patient?identifier=...}); the
 * locks are striped (a fixed array, so memory stays bounded; two persons sharing a stripe only wait
 * for each other). Without it, identical handoffs sent at once all find nothing, all insert, and
 * all but one lose on HAPI's unique match-URL and version constraints; with it, the second finds
 * what the first stored. Races across gateway instances remain possible and are left to {@link
 * ConflictRetry}.
 */
final class SamePersonLocks {

  private final ReentrantLock[] stripes;

  SamePersonLocks(int stripes) {
    if (stripes < 1) {
      throw new IllegalArgumentException("stripes must be at least 1");
    }
    this.stripes = new ReentrantLock[stripes];
    for (int i = 0; i < stripes; i++) {
      this.stripes[i] = new ReentrantLock();
    }
  }

  /** The first conditional update URL of the transaction, if it has one. */
  static Optional<String> key(Bundle transaction) {
    for (Bundle.BundleEntryComponent entry : transaction.getEntry()) {
      Bundle.BundleEntryRequestComponent request = entry.getRequest();
      if (request.getMethod() == Bundle.HTTPVerb.PUT
          && request.getUrl() != null
          && request.getUrl().contains("?")) {
        return Optional.of(request.getUrl());
      }
    }
    return Optional.empty();
  }

  <T> T run(Bundle transaction, Supplier<T> write) {
    Optional<String> key = key(transaction);
    if (key.isEmpty()) {
      return write.get();
    }
    ReentrantLock lock = stripes[Math.floorMod(key.get().hashCode(), stripes.length)];
    lock.lock();
    try {
      return write.get();
    } finally {
      lock.unlock();
    }
  }
}
