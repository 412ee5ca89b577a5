package org.continuumcare.gateway.relay;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import java.util.Set;
import org.continuumcare.routes.relay.NewDelivery;
import org.continuumcare.routes.relay.OutboxStore;
import org.continuumcare.routes.relay.PartnerDirectory;
import org.continuumcare.routes.relay.PartnerEndpoint;
import org.continuumcare.routes.relay.RelayTarget;
import org.continuumcare.routes.relay.RoutingRules;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Writes relay outbox rows for every created or updated resource a routing rule sends to a
 * partner, in the same database transaction as the resource (HAPI's pre-commit pointcuts, with
 * the JDBC insert joining the JPA transaction's connection): if the write rolls back, so does the
 * row; once it commits, the delivery cannot be lost.
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

  RelayOutboxInterceptor(FhirContext fhirContext, RoutingRules rules, PartnerDirectory directory,
      Set<String> supportedConnectionTypes, OutboxStore outbox, RelayMetrics metrics) {
    this.fhirContext = fhirContext;
    this.rules = rules;
    this.routedTypes = rules.resourceTypes();
    this.directory = directory;
    this.supportedConnectionTypes = Set.copyOf(supportedConnectionTypes);
    this.outbox = outbox;
    this.metrics = metrics;
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
    String correlationId = request != null && request.getRequestId() != null
        ? request.getRequestId() : MDC.get("requestId");
    for (RelayTarget target : targets) {
      int queued = 0;
      for (PartnerEndpoint endpoint : directory.endpointsOf(target.partnerId())) {
        if (!endpoint.active() || !supportedConnectionTypes.contains(endpoint.connectionType())
            || (target.connectionType() != null
                && !target.connectionType().equals(endpoint.connectionType()))) {
          continue;
        }
        if (outbox.enqueue(new NewDelivery(target.partnerId(), endpoint.endpointId(), type,
            id.getIdPart(), version, correlationId))) {
          metrics.queuedAfterCommit(target.partnerId());
          queued++;
        }
      }
      if (queued == 0) {
        metrics.unroutable(target.partnerId());
        log.warn("Relay: {}/{} matches a rule for partner {}, which has no active endpoint this"
            + " gateway can deliver to", type, id.getIdPart(), target.partnerId());
      }
    }
  }
}
