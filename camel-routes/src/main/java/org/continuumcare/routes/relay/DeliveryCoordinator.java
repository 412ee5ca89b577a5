package org.continuumcare.routes.relay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps the relay routes call: claim due rows, prepare one delivery (endpoint, body, adapter),
 * and store the outcome of an attempt (delivered, retry with backoff, dead letter).
 */
public final class DeliveryCoordinator {

  private static final Logger log = LoggerFactory.getLogger(DeliveryCoordinator.class);

  private final OutboxStore outbox;
  private final PartnerDirectory directory;
  private final ResourceSource resources;
  private final Map<String, PartnerAdapter> adapters;
  private final Backoff backoff;
  private final FailureClassifier classifier;
  private final RelayProperties properties;
  private final List<DeliveryAttemptListener> listeners;
  private final List<DisclosureGate> gates;
  private final List<PayloadAssembler> assemblers;
  private final RelayWakeup wakeup;
  private final Clock clock;

  /** Only the (single) poller thread reads and writes it. */
  private boolean auditPaused;

  /** The poller's next idle wait; only the poller thread reads and writes it. */
  private Duration idleWait;

  public DeliveryCoordinator(
      OutboxStore outbox,
      PartnerDirectory directory,
      ResourceSource resources,
      List<PartnerAdapter> adapters,
      Backoff backoff,
      FailureClassifier classifier,
      RelayProperties properties,
      List<DeliveryAttemptListener> listeners,
      Clock clock) {
    this(
        outbox,
        directory,
        resources,
        adapters,
        backoff,
        classifier,
        properties,
        listeners,
        List.of(),
        new RelayWakeup(),
        clock);
  }

  public DeliveryCoordinator(
      OutboxStore outbox,
      PartnerDirectory directory,
      ResourceSource resources,
      List<PartnerAdapter> adapters,
      Backoff backoff,
      FailureClassifier classifier,
      RelayProperties properties,
      List<DeliveryAttemptListener> listeners,
      List<DisclosureGate> gates,
      RelayWakeup wakeup,
      Clock clock) {
    this(
        outbox,
        directory,
        resources,
        adapters,
        backoff,
        classifier,
        properties,
        listeners,
        gates,
        List.of(),
        wakeup,
        clock);
  }

  public DeliveryCoordinator(
      OutboxStore outbox,
      PartnerDirectory directory,
      ResourceSource resources,
      List<PartnerAdapter> adapters,
      Backoff backoff,
      FailureClassifier classifier,
      RelayProperties properties,
      List<DeliveryAttemptListener> listeners,
      List<DisclosureGate> gates,
      List<PayloadAssembler> assemblers,
      RelayWakeup wakeup,
      Clock clock) {
    this.outbox = outbox;
    this.directory = directory;
    this.resources = resources;
    this.adapters =
        adapters.stream()
            .collect(
                Collectors.toUnmodifiableMap(PartnerAdapter::connectionType, Function.identity()));
    this.backoff = backoff;
    this.classifier = classifier;
    this.properties = properties;
    this.listeners = List.copyOf(listeners);
    this.gates = List.copyOf(gates);
    this.assemblers = List.copyOf(assemblers);
    this.wakeup = wakeup;
    this.clock = clock;
  }

  /**
   * Claims the next batch of due rows for this instance; when nothing is due, waits for a {@link
   * RelayWakeup} signal (a commit that queued rows) and claims again. The wait is the poll interval
   * after the first empty poll, twice as long after each further one up to {@code idle-poll-max},
   * but never past the moment the next waiting row is due ({@link #idleWait}).
   */
  public List<OutboxEntry> claim() {
    if (auditBehind()) {
      pause(properties.pollInterval());
      return List.of();
    }
    List<OutboxEntry> claimed = outbox.claim(properties.batchSize(), properties.lease());
    if (claimed.isEmpty()) {
      Duration backoff = idleWait == null ? properties.pollInterval() : idleWait;
      idleWait = min(backoff.multipliedBy(2), properties.idlePollMax());
      Duration untilDue =
          outbox.nextDue().map(due -> Duration.between(clock.instant(), due)).orElse(null);
      if (wakeup.await(idleWait(backoff, untilDue, properties.pollInterval()))) {
        claimed = outbox.claim(properties.batchSize(), properties.lease());
      }
    }
    if (!claimed.isEmpty()) {
      idleWait = null;
    }
    return claimed;
  }

  /**
   * How long an idle poller waits: its back-off, cut short to when the next waiting row is due
   * ({@code untilDue}, null when none waits), and never less than the poll interval (a row due now
   * that the claim did not take, e.g. locked by another instance, must not make it spin).
   */
  static Duration idleWait(Duration backoff, Duration untilDue, Duration pollInterval) {
    Duration wait = untilDue == null ? backoff : min(backoff, untilDue);
    return wait.compareTo(pollInterval) < 0 ? pollInterval : wait;
  }

  /**
   * Whether the attempt journal holds {@code audit-backlog-limit} or more attempts not yet stored
   * as AuditEvents; says so in the log when that starts and ends.
   */
  private boolean auditBehind() {
    Integer limit = properties.auditBacklogLimit();
    if (limit == null) {
      return false;
    }
    long backlog = outbox.journalBacklog();
    boolean behind = backlog >= limit;
    if (behind != auditPaused) {
      auditPaused = behind;
      if (behind) {
        log.info(
            "Audit trail {} attempts behind (limit {}): claiming no new deliveries until it"
                + " catches up",
            backlog,
            limit);
      } else {
        log.info("Audit trail caught up ({} attempts behind): claiming again", backlog);
      }
    }
    return behind;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The signal that wakes this instance's poller. */
  public RelayWakeup wakeup() {
    return wakeup;
  }

  /**
   * Resolves where and what to send (fails permanently when that cannot be known), then asks the
   * disclosure gates: a hold ends the attempt with {@link DeliveryHeldException}. A permitted
   * delivery carries the payload of the first {@link PayloadAssembler} that makes one.
   */
  public Delivery prepare(OutboxEntry queued) {
    OutboxEntry entry = queued;
    PartnerEndpoint endpoint;
    if (queued.endpointId().startsWith(OutboxStore.UNROUTED_PREFIX)) {
      endpoint =
          route(queued)
              .orElseThrow(
                  () ->
                      new PermanentDeliveryException(
                          unroutableReason(wantedType(queued), queued.partnerId())));
      entry = outbox.reroute(queued, endpoint.endpointId()).orElse(queued);
    } else {
      endpoint =
          directory
              .endpoint(entry.endpointId())
              .orElseThrow(
                  () ->
                      new PermanentDeliveryException(
                          "endpoint " + queued.endpointId() + " does not exist"));
    }
    if (!endpoint.active()) {
      throw new PermanentDeliveryException("endpoint " + entry.endpointId() + " is not active");
    }
    OutboxEntry routed = entry;
    IBaseResource resource =
        resources
            .read(entry.resourceType(), entry.resourceId(), entry.resourceVersion())
            .orElseThrow(
                () ->
                    new PermanentDeliveryException(
                        routed.versionedReference() + " no longer exists"));
    Delivery delivery = new Delivery(entry, endpoint, resource);
    for (DisclosureGate gate : gates) {
      DisclosureGate.Decision decision;
      try {
        decision = gate.check(delivery);
      } catch (RuntimeException e) {
        throw new TransientDeliveryException(
            "disclosure gate failed: " + e.getClass().getName(), null, null, e);
      }
      if (decision == null || decision.held()) {
        throw new DeliveryHeldException(
            decision == null ? "disclosure gate gave no decision" : decision.reason());
      }
    }
    for (PayloadAssembler assembler : assemblers) {
      java.util.Optional<IBaseResource> payload;
      try {
        payload = assembler.assemble(entry, resource);
      } catch (TransientDeliveryException | PermanentDeliveryException known) {
        throw known;
      } catch (RuntimeException e) {
        throw new TransientDeliveryException(
            "payload assembler failed: " + e.getClass().getName(), null, null, e);
      }
      if (payload.isPresent()) {
        return new Delivery(entry, endpoint, payload.get());
      }
    }
    return delivery;
  }

  /**
   * Points the partner's dead letters that were queued while it had no usable Endpoint at the
   * Endpoint it has now (called before a replay, so ordering and supersession use the real
   * endpoint); rows for which there is still none keep their placeholder and dead-letter again with
   * the reason when replayed. Returns how many were rerouted.
   */
  public int routeDeadLetters(String partnerId) {
    int rerouted = 0;
    for (OutboxEntry dead : outbox.unroutedDeadLetters(partnerId)) {
      Optional<PartnerEndpoint> endpoint = route(dead);
      if (endpoint.isPresent() && outbox.reroute(dead, endpoint.get().endpointId()).isPresent()) {
        log.info(
            "Dead letter {} of {} routed to endpoint {}",
            dead.id(),
            dead.versionedReference(),
            endpoint.get().endpointId());
        rerouted++;
      }
    }
    return rerouted;
  }

  /**
   * The endpoint for a row queued when its partner had none: the partner's first active Endpoint of
   * the wanted connection type this gateway can deliver to.
   */
  private Optional<PartnerEndpoint> route(OutboxEntry entry) {
    String wanted = wantedType(entry);
    return directory.endpointsOf(entry.partnerId()).stream()
        .filter(
            e ->
                e.active()
                    && adapters.containsKey(e.connectionType())
                    && (wanted == null || wanted.equals(e.connectionType())))
        .findFirst();
  }

  /** The connection type a placeholder row wants; null: any supported one. */
  private static String wantedType(OutboxEntry entry) {
    String wanted = entry.endpointId().substring(OutboxStore.UNROUTED_PREFIX.length());
    return "*".equals(wanted) ? null : wanted;
  }

  /** The dead-letter reason of a delivery whose partner has no usable Endpoint. */
  public static String unroutableReason(String connectionType, String partnerId) {
    return "no endpoint of type "
        + (connectionType == null ? "(any supported)" : connectionType)
        + " for Organization/"
        + partnerId;
  }

  /** The row a prepared delivery is for (rerouted from its placeholder, if it was one). */
  public OutboxEntry entryOf(Delivery delivery) {
    return delivery.entry();
  }

  /** The adapter for the delivery's endpoint. */
  public PartnerAdapter adapterFor(Delivery delivery) {
    PartnerAdapter adapter = adapters.get(delivery.endpoint().connectionType());
    if (adapter == null) {
      throw new PermanentDeliveryException(
          "no adapter for connection type '"
              + delivery.endpoint().connectionType()
              + "' of endpoint "
              + delivery.endpoint().endpointId());
    }
    return adapter;
  }

  /** The Camel endpoint of the adapter route for the delivery's endpoint. */
  public String adapterUri(Delivery delivery) {
    return "direct:" + adapterFor(delivery).routeId();
  }

  /** Stores a successful attempt. */
  public void delivered(OutboxEntry entry, int status, Instant started) {
    DeliveryAttempt attempt =
        new DeliveryAttempt(
            entry,
            DeliveryAttempt.Outcome.DELIVERED,
            status,
            null,
            Duration.between(started, clock.instant()),
            null);
    boolean stored = outbox.markDelivered(entry, status, attempt);
    log.debug(
        "Delivered {} to endpoint {} (attempt {}, HTTP {})",
        entry.versionedReference(),
        entry.endpointId(),
        entry.attempts(),
        status);
    notifyListeners(stored, attempt);
    // A retry that got through shows the endpoint answers again: its other waiting retries need
    // not sit out their backoff. (A first attempt proves nothing about rows that keep failing.)
    if (stored && entry.attempts() > 1 && entry.lastError() != null) {
      int due = outbox.expediteRetries(entry.endpointId());
      if (due > 0) {
        log.info(
            "Endpoint {} answers again: {} waiting retries made due now", entry.endpointId(), due);
        wakeup.signal();
      }
    }
  }

  /**
   * Stores a failed attempt: held by the gate, a retry after backoff, or a dead letter. A transient
   * failure dead-letters only once the first failed attempt is older than the retry horizon (or,
   * when configured, the counted attempts reach max-attempts); attempts the partner answered with
   * Retry-After are not counted.
   */
  public void failed(OutboxEntry entry, Throwable failure, Instant started) {
    Duration took = Duration.between(started, clock.instant());
    DeliveryHeldException held = heldCause(failure);
    if (held != null) {
      Instant recheck = clock.instant().plus(properties.heldRecheck());
      DeliveryAttempt attempt =
          new DeliveryAttempt(
              entry, DeliveryAttempt.Outcome.HELD, null, held.getMessage(), took, recheck);
      boolean stored = outbox.markHeld(entry, held.getMessage(), recheck, attempt);
      log.info(
          "Held {} for endpoint {}: {}; re-checked at {}",
          entry.versionedReference(),
          entry.endpointId(),
          held.getMessage(),
          recheck);
      notifyListeners(stored, attempt);
      if (stored && releasedWhileDeciding(entry)) {
        log.info(
            "Held {} was released while the gate decided; checked again now",
            entry.versionedReference());
        wakeup.signal();
      }
      return;
    }
    RuntimeException classified = classifier.forThrowable(failure);
    if (classified instanceof TransientDeliveryException transientFailure
        && withinBudget(entry, transientFailure, started)) {
      boolean throttled = transientFailure.retryAfter().isPresent();
      int counted = entry.countedAttempts() - (throttled ? 1 : 0);
      Duration delay =
          transientFailure
              .retryAfter()
              .map(retryAfter -> min(retryAfter, properties.retryAfterMax()))
              .orElseGet(() -> backoff.delayAfter(Math.max(1, counted)));
      Instant next = clock.instant().plus(delay);
      DeliveryAttempt attempt =
          new DeliveryAttempt(
              entry,
              DeliveryAttempt.Outcome.RETRY,
              transientFailure.status(),
              transientFailure.getMessage(),
              took,
              next);
      boolean stored =
          outbox.scheduleRetry(
              entry,
              next,
              transientFailure.status(),
              transientFailure.getMessage(),
              started,
              throttled,
              attempt);
      log.info(
          "Attempt {} of {} to endpoint {} failed ({}); retry in {}",
          entry.attempts(),
          entry.versionedReference(),
          entry.endpointId(),
          transientFailure.getMessage(),
          delay);
      notifyListeners(stored, attempt);
      return;
    }
    Integer status =
        classified instanceof TransientDeliveryException t
            ? t.status()
            : ((PermanentDeliveryException) classified).status();
    String reason =
        classified instanceof TransientDeliveryException
            ? "gave up after "
                + entry.attempts()
                + " attempts"
                + horizonNote(entry, started)
                + ": "
                + classified.getMessage()
            : classified.getMessage();
    DeliveryAttempt attempt =
        new DeliveryAttempt(entry, DeliveryAttempt.Outcome.DEAD, status, reason, took, null);
    boolean stored = outbox.markDead(entry, status, reason, attempt);
    log.warn(
        "Dead letter: {} to endpoint {} after attempt {}: {}",
        entry.versionedReference(),
        entry.endpointId(),
        entry.attempts(),
        reason);
    notifyListeners(stored, attempt);
  }

  /** The clock deliveries are timed with. */
  public Instant now() {
    return clock.instant();
  }

  private void notifyListeners(boolean stored, DeliveryAttempt attempt) {
    if (!stored) {
      log.warn(
          "Lease on outbox row {} was lost before its outcome was stored; another instance"
              + " owns it now",
          attempt.entry().id());
      return;
    }
    for (DeliveryAttemptListener listener : listeners) {
      try {
        listener.onAttempt(attempt);
      } catch (RuntimeException e) {
        log.error(
            "Delivery listener {} failed for outbox row {}",
            listener.getClass().getName(),
            attempt.entry().id(),
            e);
      }
    }
  }

  private boolean withinBudget(
      OutboxEntry entry, TransientDeliveryException failure, Instant started) {
    boolean throttled = failure.retryAfter().isPresent();
    if (!throttled
        && properties.maxAttempts() != null
        && entry.countedAttempts() >= properties.maxAttempts()) {
      return false;
    }
    return !horizonPassed(entry, started);
  }

  private boolean horizonPassed(OutboxEntry entry, Instant started) {
    Instant first = entry.firstAttemptAt() == null ? started : entry.firstAttemptAt();
    return !clock.instant().isBefore(first.plus(properties.retryHorizon()));
  }

  private String horizonNote(OutboxEntry entry, Instant started) {
    return horizonPassed(entry, started)
        ? " over " + properties.retryHorizon() + " (retry horizon)"
        : "";
  }

  /** Whether the hold just stored made the row due at once (a release came while in flight). */
  private boolean releasedWhileDeciding(OutboxEntry entry) {
    return outbox
        .find(entry.id())
        .filter(
            row -> row.state() == OutboxState.HELD && !row.nextAttemptAt().isAfter(clock.instant()))
        .isPresent();
  }

  private static DeliveryHeldException heldCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DeliveryHeldException held) {
        return held;
      }
    }
    return null;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
