package org.continuumcare.routes.hmis;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A person referred to the housing partner, as the gateway knows them.
 *
 * @param patientId our Patient's logical id
 * @param serviceRequestId the Referral (ServiceRequest) logical id
 * @param taskId the ReferralTask logical id at this partner
 * @param referredOn date of the referral; HMIS records dated earlier are not imported (null: import
 *     all)
 */
public record ReferredPerson(
    String patientId, String serviceRequestId, String taskId, LocalDate referredOn) {

  public ReferredPerson {
    Objects.requireNonNull(patientId, "patientId");
    Objects.requireNonNull(serviceRequestId, "serviceRequestId");
    Objects.requireNonNull(taskId, "taskId");
  }
}
