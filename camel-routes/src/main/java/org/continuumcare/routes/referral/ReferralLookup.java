package org.continuumcare.routes.referral;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Where partner adapters find the rest of a referral: the application reads it from its FHIR store
 * (the gateway through HAPI's DAOs, as the system).
 */
public interface ReferralLookup {

  /**
   * The referral a ReferralTask belongs to: the Task as given, its focus Referral and Patient as
   * stored now.
   */
  Optional<ReferralParts> forTask(Task task);

  /**
   * The referrals of the ReferralTasks whose focus is {@code referral} and whose owner is the
   * partner.
   */
  List<ReferralParts> forReferral(ServiceRequest referral, String partnerId);
}
