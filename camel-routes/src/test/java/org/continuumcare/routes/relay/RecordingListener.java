package org.continuumcare.routes.relay;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every attempt the relay reports, for assertions. */
final class RecordingListener implements DeliveryAttemptListener {

  private final List<DeliveryAttempt> attempts = new CopyOnWriteArrayList<>();

  @Override
  public void onAttempt(DeliveryAttempt attempt) {
    attempts.add(attempt);
  }

  List<DeliveryAttempt> attempts() {
    return List.copyOf(attempts);
  }
}
