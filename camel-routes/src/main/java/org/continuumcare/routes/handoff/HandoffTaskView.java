package org.continuumcare.routes.handoff;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What the unacknowledged-handoff check needs to know of one handoff referral Task, as read from
 * storage.
 *
 * @param taskId the Task's id (no type, no version)
 * @param version the Task version read (the flag is written against it)
 * @param status Task.status code, e.g. {@code requested}
 * @param businessStatus Task.businessStatus code of the referral-business-status CodeSystem (may be
 *     null)
 * @param referralCategories category codes of the referral the Task is about (its focus)
 * @param releaseDate the release date of the handoff (the referral's occurrence), may be null
 */
public record HandoffTaskView(
    String taskId,
    long version,
    String status,
    String businessStatus,
    Set<String> referralCategories,
    LocalDate releaseDate) {

  public HandoffTaskView {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(status, "status");
    referralCategories = referralCategories == null ? Set.of() : Set.copyOf(referralCategories);
  }
}
