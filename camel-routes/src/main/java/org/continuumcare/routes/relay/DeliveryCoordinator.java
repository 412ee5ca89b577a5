package org.continuumcare.routes.relay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
  private final Clock clock;

  public DeliveryCoordinator(OutboxStore outbox, PartnerDirectory directory,
      ResourceSource resources, List<PartnerAdapter> adapters, Backoff backoff,
      FailureClassifier classifier, RelayProperties properties,
      List<DeliveryAttemptListener> listeners, Clock clock) {
    this.outbox = outbox;
    this.directory = directory;
    this.resources = resources;
    this.adapters = adapters.stream()
        .collect(Collectors.toUnmodifiableMap(PartnerAdapter::connectionType, Function.identity()));
    this.backoff = backoff;
    this.classifier = classifier;
    this.properties = properties;
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
  }

  /** Claims the next batch of due rows for this instance. */
  public List<OutboxEntry> claim() {
    return outbox.claim(properties.batchSize(), properties.lease());
  }

  /** Resolves where and what to send; fails permanently when that cannot be known. */
  public Delivery prepare(OutboxEntry entry) {
    PartnerEndpoint endpoint = directory.endpoint(entry.endpointId())
        .orElseThrow(() -> new PermanentDeliveryException("endpoint " + entry.endpointId()
            + " does not exist"));
    if (!endpoint.active()) {
      throw new PermanentDeliveryException("endpoint " + entry.endpointId() + " is not active");
    }
    IBaseResource resource = resources.read(entry.resourceType(), entry.resourceId(),
            entry.resourceVersion())
        .orElseThrow(() -> new PermanentDeliveryException(entry.versionedReference()
            + " no longer exists"));
    return new Delivery(entry, endpoint, resource);
  }

  /** The adapter for the delivery's endpoint. */
  public PartnerAdapter adapterFor(Delivery delivery) {
    PartnerAdapter adapter = adapters.get(delivery.endpoint().connectionType());
    if (adapter == null) {
      throw new PermanentDeliveryException("no adapter for connection type '"
          + delivery.endpoint().connectionType() + "' of endpoint "
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
    boolean stored = outbox.markDelivered(entry, status);
    log.info("Delivered {} to endpoint {} (attempt {}, HTTP {})", entry.versionedReference(),
        entry.endpointId(), entry.attempts(), status);
    notifyListeners(stored, new DeliveryAttempt(entry, DeliveryAttempt.Outcome.DELIVERED, status,
        null, Duration.between(started, clock.instant()), null));
  }

  /** Stores a failed attempt: a retry after backoff, or a dead letter. */
  public void failed(OutboxEntry entry, Throwable failure, Instant started) {
    RuntimeException classified = classifier.forThrowable(failure);
    Duration took = Duration.between(started, clock.instant());
    if (classified instanceof TransientDeliveryException transientFailure
        && entry.attempts() < properties.maxAttempts()) {
      Duration delay = transientFailure.retryAfter()
          .map(retryAfter -> min(retryAfter, properties.retryAfterMax()))
          .orElseGet(() -> backoff.delayAfter(entry.attempts()));
      Instant next = clock.instant().plus(delay);
      boolean stored = outbox.scheduleRetry(entry, next, transientFailure.status(),
          transientFailure.getMessage());
      log.info("Attempt {} of {} to endpoint {} failed ({}); retry in {}", entry.attempts(),
          entry.versionedReference(), entry.endpointId(), transientFailure.getMessage(), delay);
      notifyListeners(stored, new DeliveryAttempt(entry, DeliveryAttempt.Outcome.RETRY,
          transientFailure.status(), transientFailure.getMessage(), took, next));
      return;
    }
    Integer status = classified instanceof TransientDeliveryException t ? t.status()
        : ((PermanentDeliveryException) classified).status();
    String reason = classified instanceof TransientDeliveryException
        ? "gave up after " + entry.attempts() + " attempts: " + classified.getMessage()
        : classified.getMessage();
    boolean stored = outbox.markDead(entry, status, reason);
    log.warn("Dead letter: {} to endpoint {} after attempt {}: {}", entry.versionedReference(),
        entry.endpointId(), entry.attempts(), reason);
    notifyListeners(stored, new DeliveryAttempt(entry, DeliveryAttempt.Outcome.DEAD, status,
        reason, took, null));
  }

  /** The clock deliveries are timed with. */
  public Instant now() {
    return clock.instant();
  }

  private void notifyListeners(boolean stored, DeliveryAttempt attempt) {
    if (!stored) {
      log.warn("Lease on outbox row {} was lost before its outcome was stored; another instance"
          + " owns it now", attempt.entry().id());
      return;
    }
    for (DeliveryAttemptListener listener : listeners) {
      try {
        listener.onAttempt(attempt);
      } catch (RuntimeException e) {
        log.error("Delivery listener {} failed for outbox row {}", listener.getClass().getName(),
            attempt.entry().id(), e);
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
