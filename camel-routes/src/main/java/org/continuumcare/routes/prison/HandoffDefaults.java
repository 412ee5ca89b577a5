package org.continuumcare.routes.prison;

import java.util.Objects;

/**
 * Organisations a handoff involves when the message does not name them.
 *
 * @param senderOrganizationId Organization id of the releasing prison (author, requester)
 * @param gatewayOrganizationId Organization id of the gateway operator (Provenance assembler)
 * @param receivingProviderId Organization id of the community treatment provider for HL7 v2
 *     handoffs
 * @param housingProviderId Organization id that receives housing referrals
 * @param employmentProviderId Organization id that receives employment referrals
 * @param peerSupportProviderId Organization id that receives peer-support referrals
 */
public record HandoffDefaults(
    String senderOrganizationId,
    String gatewayOrganizationId,
    String receivingProviderId,
    String housingProviderId,
    String employmentProviderId,
    String peerSupportProviderId) {

  public HandoffDefaults {
    Objects.requireNonNull(senderOrganizationId, "senderOrganizationId");
    Objects.requireNonNull(gatewayOrganizationId, "gatewayOrganizationId");
    Objects.requireNonNull(receivingProviderId, "receivingProviderId");
    Objects.requireNonNull(housingProviderId, "housingProviderId");
    Objects.requireNonNull(employmentProviderId, "employmentProviderId");
    Objects.requireNonNull(peerSupportProviderId, "peerSupportProviderId");
  }

  /** The demo partner organisations of the zero-setup run (DESIGN.md "Running"). */
  public static HandoffDefaults demo() {
    return new HandoffDefaults(
        "demo-prison",
        "continuum-gateway",
        "demo-treatment",
        "demo-housing",
        "demo-employment",
        "demo-treatment");
  }
}
