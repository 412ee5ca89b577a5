package org.continuumcare.gateway.relay;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.util.FhirTerser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.routes.relay.DeliveryCoordinator;
import org.continuumcare.routes.relay.NewDelivery;
import org.continuumcare.routes.relay.OutboxStore;
import org.continuumcare.routes.relay.PartnerDirectory;
import org.continuumcare.routes.relay.PartnerEndpoint;
import org.continuumcare.routes.relay.RelayPriority;
import org.continuumcare.routes.relay.RelayTarget;
import org.continuumcare.routes.relay.RelayWakeup;
import org.continuumcare.routes.relay.RoutingRules;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes relay outbox rows for every created or updated resource a routing rule sends to a partner,
 * in the same database transaction as the resource (HAPI's pre-commit pointcuts, with the JDBC
 * insert joining the JPA transaction's connection): if the write rolls back, so does the row; once
 * it commits, the delivery cannot be lost. Each row carries the earliest deadline the {@link
 * RelayPriority} beans give the resource and the Patient it is about. A write is not relayed back
 * to the partner whose own client made it (see {@link #isEchoToWriter}).
 */
@Interceptor
final class RelayOutboxInterceptor {

  private static final Logger log = LoggerFactory.getLogger(RelayOutboxInterceptor.class);

  private final FhirContext fhirContext;
  private final RoutingRules rules;
  private final Set<String> routedTypes;
  private final PartnerDirectory directory;
  private final Set<String> supportedConnectionTypes;
  private final OutboxStore outbox;
  private final RelayMetrics metrics;
  private final List<RelayPriority> priorities;
  private final FhirTerser terser;
  private final RelayWakeup wakeup;

  RelayOutboxInterceptor(
      FhirContext fhirContext,
      RoutingRules rules,
      PartnerDirectory directory,
      Set<String> supportedConnectionTypes,
      OutboxStore outbox,
      RelayMetrics metrics) {
    this(
        fhirContext,
        rules,
        directory,
        supportedConnectionTypes,
        outbox,
        metrics,
        List.of(),
        new RelayWakeup());
  }

  RelayOutboxInterceptor(
      FhirContext fhirContext,
      RoutingRules rules,
      PartnerDirectory directory,
      Set<String> supportedConnectionTypes,
      OutboxStore outbox,
      RelayMetrics metrics,
      List<RelayPriority> priorities,
      RelayWakeup wakeup) {
    this.fhirContext = fhirContext;
    this.rules = rules;
    this.routedTypes = rules.resourceTypes();
    this.directory = directory;
    this.supportedConnectionTypes = Set.copyOf(supportedConnectionTypes);
    this.outbox = outbox;
    this.metrics = metrics;
    this.priorities = List.copyOf(priorities);
    this.terser = fhirContext.newTerser();
    this.wakeup = wakeup;
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void created(IBaseResource resource, RequestDetails request) {
    queue(resource, request);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    queue(resource, request);
  }

  private void queue(IBaseResource resource, RequestDetails request) {
    String type = fhirContext.getResourceType(resource);
    if (!routedTypes.contains(type)) {
      return;
    }
    Set<RelayTarget> targets = rules.targetsFor(resource);
    if (targets.isEmpty()) {
      return;
    }
    IIdType id = resource.getIdElement();
    Long version = id.getVersionIdPartAsLong();
    if (version == null && resource.getMeta().getVersionId() != null) {
      version = Long.valueOf(resource.getMeta().getVersionId());
    }
    if (!id.hasIdPart() || version == null) {
      throw new InternalErrorException("Relay: " + type + " has no id or version at pre-commit");
    }
    String correlationId =
        request != null && request.getRequestId() != null
            ? request.getRequestId()
            : MDC.get("requestId");
    Instant deliverBy = deliverBy(resource);
    String patientId = patientOf(type, resource);
    for (RelayTarget target : targets) {
      if (isEchoToWriter(target.partnerId())) {
        log.debug(
            "Relay: {}/{} not sent back to partner {}, whose client wrote it",
            type,
            id.getIdPart(),
            target.partnerId());
        continue;
      }
      int routable = 0;
      for (PartnerEndpoint endpoint : directory.endpointsOf(target.partnerId())) {
        if (!endpoint.active()
            || !supportedConnectionTypes.contains(endpoint.connectionType())
            || (target.connectionType() != null
                && !target.connectionType().equals(endpoint.connectionType()))) {
          continue;
        }
        routable++;
        if (outbox.enqueue(
            new NewDelivery(
                target.partnerId(),
                endpoint.endpointId(),
                type,
                id.getIdPart(),
                version,
                correlationId,
                deliverBy,
                patientId))) {
          metrics.queuedAfterCommit(target.partnerId());
          wakeAfterCommit();
        } else {
          // This version is already queued for the endpoint (a concurrent write of the same
          // version, which loses its race and rolls back): nothing to add, and not unroutable.
          log.debug(
              "Relay: {}/{} version {} already queued for endpoint {}",
              type,
              id.getIdPart(),
              version,
              endpoint.endpointId());
        }
      }
      if (routable == 0) {
        // Visible and replayable: a dead letter naming what is missing, not only a log line.
        String reason =
            DeliveryCoordinator.unroutableReason(target.connectionType(), target.partnerId());
        outbox.enqueueUnroutable(
            new NewDelivery(
                target.partnerId(),
                OutboxStore.UNROUTED_PREFIX
                    + (target.connectionType() == null ? "*" : target.connectionType()),
                type,
                id.getIdPart(),
                version,
                correlationId,
                deliverBy,
                patientId),
            reason);
        metrics.unroutable(target.partnerId());
        log.warn(
            "Relay: {}/{} matches a rule for partner {}: {}; dead letter",
            type,
            id.getIdPart(),
            target.partnerId(),
            reason);
      }
    }
  }

  /**
   * Whether the current write was made by a client acting for {@code partnerId}: relaying it there
   * would echo the partner's own update back to it (e.g. a Task it updated, routed by {@code
   * Task.owner}). The one place that decides this.
   */
  static boolean isEchoToWriter(String partnerId) {
    return Caller.current().map(caller -> caller.actsFor(partnerId)).orElse(false);
  }

  /** The earliest deadline any {@link RelayPriority} gives; null when none has one. */
  private Instant deliverBy(IBaseResource resource) {
    Instant earliest = null;
    for (RelayPriority priority : priorities) {
      Optional<Instant> by = priority.deliverBy(resource);
      if (by != null && by.isPresent() && (earliest == null || by.get().isBefore(earliest))) {
        earliest = by.get();
      }
    }
    return earliest;
  }

  /** The Patient the resource is about (itself, its Patient compartment or Task.for), if any. */
  private String patientOf(String type, IBaseResource resource) {
    if ("Patient".equals(type)) {
      return resource.getIdElement().getIdPart();
    }
    // Patient compartment parameters also hold other types (ServiceRequest.performer may name an
    // Organization): only a Patient reference names the patient.
    List<IIdType> owners = terser.getCompartmentOwnersForResource("Patient", resource, Set.of());
    java.util.Optional<String> owner =
        owners.stream()
            .filter(ref -> "Patient".equals(ref.getResourceType()))
            .map(IIdType::getIdPart)
            .filter(java.util.Objects::nonNull)
            .findFirst();
    if (owner.isPresent()) {
      return owner.get();
    }
    if ("Task".equals(type)) {
      return terser.getValues(resource, "Task.for", IBaseReference.class).stream()
          .map(IBaseReference::getReferenceElement)
          .filter(ref -> "Patient".equals(ref.getResourceType()))
          .map(IIdType::getIdPart)
          .findFirst()
          .orElse(null);
    }
    return null;
  }

  /** Wakes this instance's relay poller once the write's transaction has committed. */
  private void wakeAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              wakeup.signal();
            }
          });
    } else {
      wakeup.signal();
    }
  }
}
