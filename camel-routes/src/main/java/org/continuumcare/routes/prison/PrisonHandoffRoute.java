package org.continuumcare.routes.prison;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.hl7.HL7MLLPNettyDecoderFactory;
import org.apache.camel.component.hl7.HL7MLLPNettyEncoderFactory;
import org.continuumcare.routes.polling.IdleBackoff;

/**
 * HL7 v2 release handoffs in: MLLP listener (netty TCP + camel-hl7's MLLP codec behind {@link
 * MllpFrameGuard}: frame timeout and size limit) and {@code direct:} both go to {@code
 * prison-handoff-hl7v2-inbound}: translate -> (handoff) commit the FHIR transaction at the
 * configured endpoint -> AA, or (refused) the AE/AR naming the fault; a commit failure answers AR
 * (AE when the store refused the content) and stores nothing. A cancel (ADT^A11/A12/A13/A25) goes
 * to {@code prison-handoff-withdraw}. With a queue ({@link HandoffQueueSteps}), a handoff whose
 * sender asked for the accept acknowledgment only (enhanced mode, MSH-16 = NE) is queued durably
 * and answered CA (CE/CR instead of AE/AR), and the drainers ({@code prison-handoff-queue-1..n})
 * store it as FHIR afterwards.
 */
public final class PrisonHandoffRoute extends RouteBuilder {

  public static final String ROUTE_ID = "prison-handoff-hl7v2-inbound";
  public static final String MLLP_ROUTE_ID = "prison-handoff-mllp-inbound";
  public static final String DIRECT = "direct:prison-handoff-hl7v2";
  public static final String COMMIT_ROUTE_ID = "prison-handoff-commit";
  static final String COMMIT = "direct:prison-handoff-commit";
  public static final String WITHDRAW_ROUTE_ID = "prison-handoff-withdraw";
  static final String WITHDRAW = "direct:prison-handoff-withdraw";
  static final String MLLP_DECODER = "continuumPrisonMllpDecoder";
  static final String MLLP_ENCODER = "continuumPrisonMllpEncoder";
  static final String MLLP_GUARD = "continuumPrisonMllpGuard";
  public static final String QUEUE_ROUTE_ID = "prison-handoff-enqueue";
  static final String QUEUE = "direct:prison-handoff-enqueue";
  public static final String DRAIN_ROUTE_PREFIX = "prison-handoff-queue-";
  public static final String STORE_QUEUED_ROUTE_ID = "prison-handoff-store-queued";
  static final String STORE_QUEUED = "direct:prison-handoff-store-queued";

  /** The longest an idle queue drainer waits before it looks again. */
  static final Duration IDLE_CAP = Duration.ofSeconds(5);

  private final PrisonProperties properties;
  private final PrisonHandoffSteps steps;
  private final HandoffQueueSteps queue;

  /** Without a queue: every handoff is answered after its FHIR commit. */
  public PrisonHandoffRoute(PrisonProperties properties, PrisonHandoffSteps steps) {
    this(properties, steps, null);
  }

  public PrisonHandoffRoute(
      PrisonProperties properties, PrisonHandoffSteps steps, HandoffQueueSteps queue) {
    this.properties = Objects.requireNonNull(properties, "properties");
    this.steps = Objects.requireNonNull(steps, "steps");
    this.queue = queue;
  }

  @Override
  public void configure() {
    HL7MLLPNettyDecoderFactory decoder = new HL7MLLPNettyDecoderFactory();
    decoder.setCharset("UTF-8");
    HL7MLLPNettyEncoderFactory encoder = new HL7MLLPNettyEncoderFactory();
    encoder.setCharset("UTF-8");
    getContext().getRegistry().bind(MLLP_DECODER, decoder);
    getContext().getRegistry().bind(MLLP_ENCODER, encoder);
    getContext()
        .getRegistry()
        .bind(MLLP_GUARD, new MllpFrameGuardFactory(properties.mllp(), steps::tooLarge));

    // Over MLLP the sender's MSH-15/MSH-16 decide whether an acknowledgment is sent back at all
    // (HTTP always
    // answers: a request has a response; its status says the outcome).
    from(properties.mllpUri()).routeId(MLLP_ROUTE_ID).to(DIRECT).bean(steps, "respond");

    from(DIRECT)
        .routeId(ROUTE_ID)
        .convertBodyTo(String.class)
        .bean(steps, "translate")
        .choice()
        .when(body().isInstanceOf(Hl7v2Intake.Rejected.class))
        .bean(steps, "rejected")
        .when(body().isInstanceOf(Hl7v2Intake.Withdrawal.class))
        .to(WITHDRAW)
        .when(method(this, "queued"))
        .to(QUEUE)
        .otherwise()
        .to(COMMIT)
        .end();

    from(COMMIT)
        .routeId(COMMIT_ROUTE_ID)
        .doTry()
        .bean(steps, "transaction")
        .to(properties.transactionEndpoint())
        .bean(steps, "accepted")
        .doCatch(Exception.class)
        .bean(steps, "storeFailed")
        .end();

    // A cancel: read the handoff as stored, commit its withdrawal (the relay sends the changed
    // Composition, referrals and Tasks to the partners they went to), answer AA; an unknown handoff
    // AE naming PID-3/PV1-19. The withdrawal updates the versions it read; when a concurrent writer
    // (e.g. a consent releasing a held referral) changed one first, the handoff is read again and
    // the withdrawal rebuilt on top, a few times at most.
    from(WITHDRAW)
        .routeId(WITHDRAW_ROUTE_ID)
        .doTry()
        .bean(steps, "withdrawal")
        .choice()
        .when(body().isNotNull())
        .to(properties.transactionEndpoint())
        .end()
        .bean(steps, "withdrawn")
        .endDoTry()
        .doCatch(ResourceVersionConflictException.class)
        .onWhen(method(steps, "withdrawAgain"))
        .setBody(exchangeProperty(PrisonHandoffSteps.INTAKE))
        .to(WITHDRAW)
        .doCatch(UnknownHandoffException.class)
        .bean(steps, "unknownHandoff")
        .doCatch(Exception.class)
        .bean(steps, "storeFailed")
        .end();

    if (queue != null) {
      configureQueue();
    }
  }

  /** True when the handoff goes to the queue (there is one, and the sender asked for CA only). */
  public boolean queued(Exchange exchange) {
    return queue != null && queue.acceptOnly(exchange);
  }

  private static void noteWhetherClaimed(Exchange exchange) {
    List<?> claimed = exchange.getMessage().getBody(List.class);
    if (claimed != null && !claimed.isEmpty()) {
      exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, true);
    }
  }

  private void configureQueue() {
    PrisonProperties.Queue settings = properties.queue();
    // An idle drainer looks again after poll-interval, then after twice as long each time up to
    // IDLE_CAP, and at once when a handoff is queued on this instance (or a poll found work).
    IdleBackoff idle =
        new IdleBackoff(
            settings.pollInterval(),
            settings.pollInterval().compareTo(IDLE_CAP) > 0 ? settings.pollInterval() : IDLE_CAP);
    from(QUEUE)
        .routeId(QUEUE_ROUTE_ID)
        .doTry()
        .bean(queue, "enqueue")
        .process(exchange -> idle.signal())
        .doCatch(Exception.class)
        .bean(steps, "queueFailed")
        .end();

    long period = settings.pollInterval().toMillis();
    for (int i = 1; i <= settings.drainers(); i++) {
      from("scheduler:"
              + DRAIN_ROUTE_PREFIX
              + i
              + "?delay=10&initialDelay="
              + period
              + "&synchronous=true")
          .routeId(DRAIN_ROUTE_PREFIX + i)
          .setProperty(HandoffQueueSteps.MORE, constant(true))
          .setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, constant(false))
          .loopDoWhile(exchangeProperty(HandoffQueueSteps.MORE).isEqualTo(true))
          .bean(queue, "claim")
          .process(PrisonHandoffRoute::noteWhetherClaimed)
          .split(body())
          .to(STORE_QUEUED)
          .end()
          .end()
          .process(
              exchange ->
                  idle.after(
                      exchange.getProperty(
                          Exchange.SCHEDULER_POLLED_MESSAGES, false, Boolean.class)));
    }

    from(STORE_QUEUED)
        .routeId(STORE_QUEUED_ROUTE_ID)
        .doTry()
        .bean(queue, "transaction")
        .to(properties.transactionEndpoint())
        .bean(queue, "stored")
        .doCatch(Exception.class)
        .bean(queue, "failed")
        .end();
  }
}
