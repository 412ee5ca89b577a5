package org.continuumcare.routes.prison;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.DomainResource;

/**
 * Where a stored handoff's Composition, referral ServiceRequests and Tasks are read (the gateway's
 * HAPI JPA).
 */
public interface HandoffRecords {

  /**
   * What each handoff referral is called in its identifiers ({@link
   * ReleaseHandoffTransactionMapper}).
   */
  List<String> REFERRAL_NAMES =
      List.of("treatment", "moud", "housing", "employment", "peer-support");

  /**
   * The handoff's Composition, ServiceRequests and Tasks as stored now (ids with their version);
   * empty when no handoff of this id is stored.
   */
  List<DomainResource> find(String handoffId);

  /**
   * The identifier values ({@link PrisonFhir#HANDOFF_IDENTIFIER_SYSTEM}) of the handoff's
   * referrals.
   */
  static List<String> referralIdentifiers(String handoffId) {
    List<String> values = new ArrayList<>();
    REFERRAL_NAMES.forEach(name -> values.add(handoffId + "-referral-" + name));
    return values;
  }

  /** The identifier values of the handoff's referral Tasks. */
  static List<String> taskIdentifiers(String handoffId) {
    List<String> values = new ArrayList<>();
    REFERRAL_NAMES.forEach(name -> values.add(handoffId + "-task-" + name));
    return values;
  }

  static String compositionIdentifier(String handoffId) {
    return handoffId + "-composition";
  }
}
