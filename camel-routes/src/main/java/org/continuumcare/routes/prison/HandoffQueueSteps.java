package org.continuumcare.routes.prison;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.continuumcare.routes.relay.Backoff;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * The steps of the accept-acknowledgment path of {@link PrisonHandoffRoute}: queue a translated
 * handoff and answer CA (CE when the queue cannot be written is {@link
 * PrisonHandoffSteps#queueFailed}); then, on the drainers, claim due rows, store each as FHIR and
 * delete it, or keep it with the reason. The FHIR store refusing the handoff (HTTP 4xx other than
 * 408, 409 and 429: invalid, ambiguous match) makes a dead letter at once; anything else (database
 * down, a conflict that outlived its retries) is tried again with backoff, up to max-attempts, then
 * dead too. Dead letters stay until replayed. Logs carry the queue id and MSH-10 only.
 */
public final class HandoffQueueSteps {

  static final String QUEUED = "continuumPrisonQueued";

  /** Set by {@link #claim}: the batch was full, so the drainer claims again at once. */
  static final String MORE = "continuumPrisonQueueMore";

  private static final Logger log = LoggerFactory.getLogger(HandoffQueueSteps.class);

  private final HandoffQueue queue;
  private final PrisonHl7v2Translator translator;
  private final FhirContext fhir;
  private final PrisonProperties.Queue settings;
  private final Backoff backoff;
  private final Clock clock;
  private final AtomicBoolean unreachableLogged = new AtomicBoolean();

  public HandoffQueueSteps(
      HandoffQueue queue,
      PrisonHl7v2Translator translator,
      FhirContext fhir,
      PrisonProperties.Queue settings,
      Backoff backoff,
      Clock clock) {
    this.queue = Objects.requireNonNull(queue, "queue");
    this.translator = Objects.requireNonNull(translator, "translator");
    this.fhir = Objects.requireNonNull(fhir, "fhir");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** True for a handoff whose sender asked for the accept acknowledgment only. */
  public boolean acceptOnly(Exchange exchange) {
    Hl7v2Intake intake = exchange.getProperty(PrisonHandoffSteps.INTAKE, Hl7v2Intake.class);
    return intake instanceof Hl7v2Intake.Translated && intake.header().acceptOnly();
  }

  /** Queues the translated handoff (committed on return) and answers CA. */
  public String enqueue(Hl7v2Intake.Translated intake) {
    String transaction = fhir.newJsonParser().encodeResourceToString(intake.transaction());
    long id = queue.enqueue(intake.header(), intake.handoff(), transaction);
    log.info("HL7 v2 handoff {} queued as {}, answering CA", intake.header().controlId(), id);
    return translator.commitAccept(intake.header());
  }

  /**
   * Due rows for one drainer's round. A database that cannot be reached gives an empty round (the
   * drainer looks again at its next poll), said once in the log when it starts and once when it
   * ends rather than at every poll.
   */
  public List<QueuedHandoff> claim(Exchange exchange) {
    List<QueuedHandoff> rows;
    try {
      rows = queue.claim(settings.batchSize(), settings.lease());
    } catch (DataAccessException | TransactionException unreachable) {
      if (!unreachableLogged.getAndSet(true)) {
        log.warn("handoff queue unreachable ({}); drainers keep polling", unreachable.getMessage());
      }
      exchange.setProperty(MORE, false);
      return List.of();
    }
    if (unreachableLogged.getAndSet(false)) {
      log.info("handoff queue reachable again");
    }
    exchange.setProperty(MORE, rows.size() == settings.batchSize());
    return rows;
  }

  /** The claimed row's transaction, remembered on the exchange for its outcome. */
  public Bundle transaction(QueuedHandoff row, Exchange exchange) {
    exchange.setProperty(QUEUED, row);
    return fhir.newJsonParser().parseResource(Bundle.class, row.transactionJson());
  }

  /** Stored as FHIR: the row goes. */
  public void stored(Exchange exchange) {
    QueuedHandoff row = exchange.getProperty(QUEUED, QueuedHandoff.class);
    if (queue.stored(row)) {
      log.info(
          "queued handoff {} ({}) stored after {} attempt(s)",
          row.id(),
          row.controlId(),
          row.attempts());
    } else {
      log.warn(
          "queued handoff {} ({}) stored, but its claim had been taken over",
          row.id(),
          row.controlId());
    }
  }

  /** Not stored: a dead letter with the reason, or another attempt later. */
  public void failed(Exchange exchange) {
    QueuedHandoff row = exchange.getProperty(QUEUED, QueuedHandoff.class);
    Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    if (row == null) {
      throw new IllegalStateException("a queued handoff failed before it was read", cause);
    }
    if (cause instanceof DataFormatException unreadable) {
      log.error(
          "queued handoff {} ({}) cannot be read back: dead letter", row.id(), row.controlId());
      queue.dead(row, "the queued transaction cannot be read: " + unreadable.getMessage());
      return;
    }
    BaseServerResponseException refused = refusal(cause);
    if (refused != null) {
      log.warn(
          "queued handoff {} ({}) refused by the FHIR store (HTTP {}): dead letter",
          row.id(),
          row.controlId(),
          refused.getStatusCode());
      queue.dead(
          row,
          "refused by the FHIR store (HTTP "
              + refused.getStatusCode()
              + "): "
              + refused.getMessage());
      return;
    }
    String reason =
        cause == null
            ? "unknown failure"
            : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    if (row.attempts() >= settings.maxAttempts()) {
      log.error(
          "queued handoff {} ({}) not stored after {} attempts: dead letter",
          row.id(),
          row.controlId(),
          row.attempts(),
          cause);
      queue.dead(row, "not stored after " + row.attempts() + " attempts: " + reason);
      return;
    }
    Instant next = clock.instant().plus(backoff.delayAfter(row.attempts()));
    log.warn(
        "queued handoff {} ({}) not stored (attempt {}), trying again at {}",
        row.id(),
        row.controlId(),
        row.attempts(),
        next,
        cause);
    queue.retryAt(row, next, reason);
  }

  /** The FHIR store's refusal of the content, if that is what failed (not worth retrying). */
  static BaseServerResponseException refusal(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BaseServerResponseException hapi) {
        int status = hapi.getStatusCode();
        return status >= 400 && status < 500 && status != 408 && status != 409 && status != 429
            ? hapi
            : null;
      }
    }
    return null;
  }
}
