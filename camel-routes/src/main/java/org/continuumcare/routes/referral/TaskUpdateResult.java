package org.continuumcare.routes.referral;

import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.Task;

/**
 * The outcome of a partner's update: the verdict, and the updated Task when it was applied (to be
 * stored with the version the policy read, so that a concurrent update is detected by the server).
 */
public record TaskUpdateResult(StatusUpdateVerdict verdict, Task updatedTask) {

  public TaskUpdateResult {
    Objects.requireNonNull(verdict, "verdict");
    if (verdict.apply() != (updatedTask != null)) {
      throw new IllegalArgumentException(
          "an applied update comes with the updated Task, and only then");
    }
  }

  public Optional<Task> changed() {
    return Optional.ofNullable(updatedTask);
  }
}
