package org.continuumcare.routes.prison;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the prison release handoff, under {@code continuum.prison.*}.
 *
 * @param enabled whether the handoff beans and routes exist at all (default false until the gateway
 *     provides {@code direct:fhir-transaction})
 * @param mllpHost address the MLLP listener binds to
 * @param mllpPort MLLP listener port (default 2575)
 * @param transactionEndpoint Camel endpoint that commits a FHIR transaction Bundle (body) and fails
 *     if it cannot
 * @param senderOrganizationId Organization id of the releasing prison
 * @param gatewayOrganizationId Organization id of the gateway operator (Provenance assembler)
 * @param receivingProviderId community treatment provider for HL7 v2 handoffs (JSON handoffs name
 *     theirs)
 * @param housingProviderId receives housing referrals
 * @param employmentProviderId receives employment referrals
 * @param peerSupportProviderId receives peer-support referrals
 * @param unacknowledgedAlert flag a treatment referral Task not accepted this long before release
 *     (default 24h)
 * @param unacknowledgedCheckInterval how often the gateway looks for such Tasks (default 5m)
 * @param releaseZone time zone of release dates; a release happens at the start of its day (default
 *     UTC)
 * @param queue the queue behind the accept acknowledgment (enhanced mode, MSH-16 = NE)
 * @param hl7v2 how long inbound HL7 v2 fields may be ({@code continuum.prison.hl7v2.*})
 * @param mllp limits of the MLLP listener ({@code continuum.prison.mllp.*})
 */
@ConfigurationProperties("continuum.prison")
public record PrisonProperties(
    Boolean enabled,
    String mllpHost,
    Integer mllpPort,
    String transactionEndpoint,
    String senderOrganizationId,
    String gatewayOrganizationId,
    String receivingProviderId,
    String housingProviderId,
    String employmentProviderId,
    String peerSupportProviderId,
    Duration unacknowledgedAlert,
    Duration unacknowledgedCheckInterval,
    ZoneId releaseZone,
    Queue queue,
    Hl7v2FieldLimits hl7v2,
    Mllp mllp) {

  @ConstructorBinding
  public PrisonProperties {
    HandoffDefaults demo = HandoffDefaults.demo();
    enabled = enabled != null && enabled;
    mllpHost = mllpHost == null ? "0.0.0.0" : mllpHost;
    mllpPort = mllpPort == null ? 2575 : mllpPort;
    transactionEndpoint =
        transactionEndpoint == null ? "direct:fhir-transaction" : transactionEndpoint;
    senderOrganizationId =
        senderOrganizationId == null ? demo.senderOrganizationId() : senderOrganizationId;
    gatewayOrganizationId =
        gatewayOrganizationId == null ? demo.gatewayOrganizationId() : gatewayOrganizationId;
    receivingProviderId =
        receivingProviderId == null ? demo.receivingProviderId() : receivingProviderId;
    housingProviderId = housingProviderId == null ? demo.housingProviderId() : housingProviderId;
    employmentProviderId =
        employmentProviderId == null ? demo.employmentProviderId() : employmentProviderId;
    peerSupportProviderId =
        peerSupportProviderId == null ? demo.peerSupportProviderId() : peerSupportProviderId;
    unacknowledgedAlert = unacknowledgedAlert == null ? Duration.ofHours(24) : unacknowledgedAlert;
    unacknowledgedCheckInterval =
        unacknowledgedCheckInterval == null ? Duration.ofMinutes(5) : unacknowledgedCheckInterval;
    releaseZone = releaseZone == null ? ZoneId.of("UTC") : releaseZone;
    queue = queue == null ? new Queue(null, null, null, null, null, null, null) : queue;
    hl7v2 = hl7v2 == null ? Hl7v2FieldLimits.defaults() : hl7v2;
    mllp = mllp == null ? new Mllp(null, null) : mllp;
  }

  /** Without HL7 v2 field limits and MLLP settings: their defaults. */
  public PrisonProperties(
      Boolean enabled,
      String mllpHost,
      Integer mllpPort,
      String transactionEndpoint,
      String senderOrganizationId,
      String gatewayOrganizationId,
      String receivingProviderId,
      String housingProviderId,
      String employmentProviderId,
      String peerSupportProviderId,
      Duration unacknowledgedAlert,
      Duration unacknowledgedCheckInterval,
      ZoneId releaseZone,
      Queue queue) {
    this(
        enabled,
        mllpHost,
        mllpPort,
        transactionEndpoint,
        senderOrganizationId,
        gatewayOrganizationId,
        receivingProviderId,
        housingProviderId,
        employmentProviderId,
        peerSupportProviderId,
        unacknowledgedAlert,
        unacknowledgedCheckInterval,
        releaseZone,
        queue,
        null,
        null);
  }

  /**
   * The MLLP listener's limits (under {@code continuum.prison.mllp.*}), enforced by {@link
   * MllpFrameGuard}.
   *
   * @param frameTimeout the longest a frame may take from its first byte to its end block (FS CR);
   *     a frame still incomplete then is dropped and the connection closed, with a WARN (default
   *     15s)
   * @param maxFrameSize the largest frame; a larger one is read to its end block without being
   *     kept, answered AR and the connection closed (default 4MB)
   */
  public record Mllp(Duration frameTimeout, DataSize maxFrameSize) {

    public Mllp {
      frameTimeout = frameTimeout == null ? Duration.ofSeconds(15) : frameTimeout;
      maxFrameSize = maxFrameSize == null ? DataSize.ofMegabytes(4) : maxFrameSize;
      if (frameTimeout.isNegative() || frameTimeout.isZero()) {
        throw new IllegalArgumentException(
            "continuum.prison.mllp.frame-timeout must be positive, was " + frameTimeout);
      }
      if (maxFrameSize.toBytes() < 1024) {
        throw new IllegalArgumentException(
            "continuum.prison.mllp.max-frame-size must be at least 1KB, was " + maxFrameSize);
      }
    }
  }

  /**
   * The handoff queue (under {@code continuum.prison.queue.*}): handoffs answered CA wait here
   * until stored as FHIR.
   *
   * @param drainers drainer routes side by side, each claiming its own batch (default 1)
   * @param pollInterval how often an idle drainer looks for due rows (default 200ms)
   * @param batchSize rows per claim (default 8)
   * @param lease how long a claim is held before another drainer may take the row over (default 5m)
   * @param maxAttempts store attempts before a transient failure becomes a dead letter (default 10)
   * @param retryBase first retry delay, doubling each attempt (default 5s)
   * @param retryMax longest retry delay (default 5m)
   */
  public record Queue(
      Integer drainers,
      Duration pollInterval,
      Integer batchSize,
      Duration lease,
      Integer maxAttempts,
      Duration retryBase,
      Duration retryMax) {

    public Queue {
      drainers = drainers == null ? 1 : drainers;
      pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
      batchSize = batchSize == null ? 8 : batchSize;
      lease = lease == null ? Duration.ofMinutes(5) : lease;
      maxAttempts = maxAttempts == null ? 10 : maxAttempts;
      retryBase = retryBase == null ? Duration.ofSeconds(5) : retryBase;
      retryMax = retryMax == null ? Duration.ofMinutes(5) : retryMax;
      positive("drainers", drainers);
      positive("batch-size", batchSize);
      positive("max-attempts", maxAttempts);
      positive("poll-interval", pollInterval);
      positive("lease", lease);
      positive("retry-base", retryBase);
      if (retryMax.compareTo(retryBase) < 0) {
        throw new IllegalArgumentException(
            "continuum.prison.queue.retry-max ("
                + retryMax
                + ") is below retry-base ("
                + retryBase
                + ")");
      }
    }

    private static void positive(String name, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(
            "continuum.prison.queue." + name + " must be at least 1, was " + value);
      }
    }

    private static void positive(String name, Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(
            "continuum.prison.queue." + name + " must be positive, was " + value);
      }
    }
  }

  public HandoffDefaults handoffDefaults() {
    return new HandoffDefaults(
        senderOrganizationId,
        gatewayOrganizationId,
        receivingProviderId,
        housingProviderId,
        employmentProviderId,
        peerSupportProviderId);
  }

  /** The policy of the "not acknowledged before release" flag. */
  public UnacknowledgedReleasePolicy unacknowledgedPolicy() {
    return new UnacknowledgedReleasePolicy(unacknowledgedAlert, releaseZone);
  }

  /** The netty TCP endpoint with camel-hl7's MLLP codec (bound by {@link PrisonHandoffRoute}). */
  public String mllpUri() {
    return "netty:tcp://"
        + mllpHost
        + ":"
        + mllpPort
        + "?sync=true&decoders=#"
        + PrisonHandoffRoute.MLLP_GUARD
        + ",#"
        + PrisonHandoffRoute.MLLP_DECODER
        + "&encoders=#"
        + PrisonHandoffRoute.MLLP_ENCODER
        // A sender in enhanced mode may ask for no acknowledgment (MSH-15/16 NE, ER on success, SU
        // on
        // failure): then nothing is written back and the connection stays open (logged by the
        // route).
        + "&disconnectOnNoReply=false&noReplyLogLevel=OFF";
  }
}
