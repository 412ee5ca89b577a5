package org.continuumcare.routes.prison;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the prison release handoff, under {@code continuum.prison.*}.
 *
 * @param enabled               whether the handoff beans and routes exist at all (default false until the gateway
 *                              provides {@code direct:fhir-transaction})
 * @param mllpHost              address the MLLP listener binds to
 * @param mllpPort              MLLP listener port (default 2575)
 * @param transactionEndpoint   Camel endpoint that commits a FHIR transaction Bundle (body) and fails if it cannot
 * @param senderOrganizationId  Organization id of the releasing prison
 * @param gatewayOrganizationId Organization id of the gateway operator (Provenance assembler)
 * @param receivingProviderId   community treatment provider for HL7 v2 handoffs (JSON handoffs name theirs)
 * @param housingProviderId     receives housing referrals
 * @param employmentProviderId  receives employment referrals
 * @param peerSupportProviderId receives peer-support referrals
 * @param unacknowledgedAlert   flag a treatment referral Task not accepted this long before release (default 24h)
 * @param unacknowledgedCheckInterval how often the gateway looks for such Tasks (default 5m)
 * @param releaseZone           time zone of release dates; a release happens at the start of its day (default UTC)
 */
@ConfigurationProperties("continuum.prison")
public record PrisonProperties(Boolean enabled, String mllpHost, Integer mllpPort, String transactionEndpoint,
        String senderOrganizationId, String gatewayOrganizationId, String receivingProviderId,
        String housingProviderId, String employmentProviderId, String peerSupportProviderId,
        Duration unacknowledgedAlert, Duration unacknowledgedCheckInterval, ZoneId releaseZone) {

    public PrisonProperties {
        HandoffDefaults demo = HandoffDefaults.demo();
        enabled = enabled != null && enabled;
        mllpHost = mllpHost == null ? "0.0.0.0" : mllpHost;
        mllpPort = mllpPort == null ? 2575 : mllpPort;
        transactionEndpoint = transactionEndpoint == null ? "direct:fhir-transaction" : transactionEndpoint;
        senderOrganizationId = senderOrganizationId == null ? demo.senderOrganizationId() : senderOrganizationId;
        gatewayOrganizationId = gatewayOrganizationId == null ? demo.gatewayOrganizationId() : gatewayOrganizationId;
        receivingProviderId = receivingProviderId == null ? demo.receivingProviderId() : receivingProviderId;
        housingProviderId = housingProviderId == null ? demo.housingProviderId() : housingProviderId;
        employmentProviderId = employmentProviderId == null ? demo.employmentProviderId() : employmentProviderId;
        peerSupportProviderId = peerSupportProviderId == null ? demo.peerSupportProviderId() : peerSupportProviderId;
        unacknowledgedAlert = unacknowledgedAlert == null ? Duration.ofHours(24) : unacknowledgedAlert;
        unacknowledgedCheckInterval = unacknowledgedCheckInterval == null ? Duration.ofMinutes(5)
                : unacknowledgedCheckInterval;
        releaseZone = releaseZone == null ? ZoneId.of("UTC") : releaseZone;
    }

    public HandoffDefaults handoffDefaults() {
        return new HandoffDefaults(senderOrganizationId, gatewayOrganizationId, receivingProviderId, housingProviderId,
                employmentProviderId, peerSupportProviderId);
    }

    /** The policy of the "not acknowledged before release" flag. */
    public UnacknowledgedReleasePolicy unacknowledgedPolicy() {
        return new UnacknowledgedReleasePolicy(unacknowledgedAlert, releaseZone);
    }

    /** The netty TCP endpoint with camel-hl7's MLLP codec (bound by {@link PrisonHandoffRoute}). */
    public String mllpUri() {
        return "netty:tcp://" + mllpHost + ":" + mllpPort + "?sync=true&decoders=#" + PrisonHandoffRoute.MLLP_DECODER
                + "&encoders=#" + PrisonHandoffRoute.MLLP_ENCODER;
    }
}
