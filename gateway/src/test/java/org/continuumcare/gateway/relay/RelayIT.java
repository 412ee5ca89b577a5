package org.continuumcare.gateway.relay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.gateway.support.PartnerEndpoints;
import org.continuumcare.routes.relay.NewDelivery;
import org.continuumcare.routes.relay.OutboxEntry;
import org.continuumcare.routes.relay.OutboxState;
import org.continuumcare.routes.relay.OutboxStore;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The relay inside the running gateway, with a WireMock partner described as FHIR data. */
class RelayIT extends GatewayIntegrationTest {

  private static final String CREATED =
      "{\"resourceType\":\"ServiceRequest\",\"id\":\"remote\","
          + "\"status\":\"active\",\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/x\"}}";
  private static final String REJECTED =
      "{\"resourceType\":\"OperationOutcome\",\"issue\":[{"
          + "\"severity\":\"error\",\"code\":\"invalid\",\"diagnostics\":\"Unknown service\"}]}";

  private static WireMockServer partner;

  @Autowired OutboxStore outbox;
  @Autowired DaoRegistry daos;
  @Autowired JpaTransactionManager transactionManager;
  @Autowired MeterRegistry meters;

  @BeforeAll
  static void startPartner() {
    partner = new WireMockServer(options().dynamicPort());
    partner.start();
  }

  @AfterAll
  static void stopPartner() {
    partner.stop();
  }

  /** A partner Organization with one active FHIR REST Endpoint under its own path at WireMock. */
  private String partnerOrganization(String path) {
    Organization organization = new Organization();
    organization.setName("Partner " + path);
    String orgId = fhir().create().resource(organization).execute().getId().getIdPart();
    partnerEndpoint(orgId, path);
    return orgId;
  }

  /** An active FHIR REST Endpoint of the partner under its own path at WireMock; its id. */
  private String partnerEndpoint(String orgId, String path) {
    Endpoint endpoint = PartnerEndpoints.fhirRest(orgId, partner.baseUrl() + "/" + path + "/fhir");
    endpoint.addHeader("X-Partner-Path: " + path);
    return fhir().create().resource(endpoint).execute().getId().getIdPart();
  }

  private String patient() {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(uniqueSystem()).setValue("1");
    return fhir().create().resource(patient).execute().getId().getIdPart();
  }

  private static ServiceRequest referral(String patientId, String orgId) {
    ServiceRequest request = new ServiceRequest();
    request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    request.setSubject(new Reference("Patient/" + patientId));
    request.addPerformer(new Reference("Organization/" + orgId));
    return request;
  }

  private OutboxEntry awaitEntry(String resourceId, OutboxState state) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                outbox.listForResource("ServiceRequest", resourceId).stream()
                    .filter(e -> e.state() == state)
                    .findFirst()
                    .orElse(null),
            entry -> entry != null);
  }

  private static String path() {
    return "p" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The relay AuditEvent (dead letters, outcome 8) whose entity names this version as text. */
  private AuditEvent deadLetterAuditNaming(String versionedReference) {
    Bundle recent =
        fhir()
            .search()
            .byUrl("AuditEvent?outcome=8&_sort=-_lastUpdated&_count=100")
            .returnBundle(Bundle.class)
            .execute();
    return recent.getEntry().stream()
        .map(e -> (AuditEvent) e.getResource())
        .filter(
            audit ->
                audit.getEntity().stream()
                    .anyMatch(
                        entity ->
                            versionedReference.equals(entity.getWhat().getIdentifier().getValue())))
        .findFirst()
        .orElse(null);
  }

  @Test
  void attemptWhosePartnerAndResourceDoNotExistIsStillAuditedWithItsReferencesAsText() {
    String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
    outbox.enqueue(new NewDelivery(ghost, "no-such-endpoint", "ServiceRequest", ghost, 1, null));

    OutboxEntry dead = awaitEntry(ghost, OutboxState.DEAD);
    assertThat(dead.lastError()).isEqualTo("endpoint no-such-endpoint does not exist");

    // The FHIR store refuses references to resources that do not exist; the audit trail stores
    // the attempt anyway, naming them as text, and goes on.
    AuditEvent audit =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> deadLetterAuditNaming("ServiceRequest/" + ghost + "/_history/1"),
                found -> found != null);
    Reference destination = audit.getAgent().get(1).getWho();
    assertThat(destination.getReference()).isNull();
    assertThat(destination.getIdentifier().getSystem())
        .isEqualTo(RelayAuditEventMapper.UNRESOLVED_REFERENCE);
    assertThat(destination.getIdentifier().getValue()).isEqualTo("Organization/" + ghost);
    assertThat(audit.getOutcomeDesc()).contains("endpoint no-such-endpoint does not exist");
  }

  @Test
  void referralIsDeliveredToItsPerformerAuditedAndCounted() {
    String path = path();
    partner.stubFor(
        put(urlPathEqualTo("/" + path + "/fhir/ServiceRequest"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/fhir+json")
                    .withBody(CREATED)));
    String orgId = partnerOrganization(path);

    String id = fhir().create().resource(referral(patient(), orgId)).execute().getId().getIdPart();

    OutboxEntry delivered = awaitEntry(id, OutboxState.DELIVERED);
    assertThat(delivered.partnerId()).isEqualTo(orgId);
    assertThat(delivered.resourceVersion()).isEqualTo(1);
    List<LoggedRequest> sent =
        partner.findAll(putRequestedFor(urlPathEqualTo("/" + path + "/fhir/ServiceRequest")));
    assertThat(sent)
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.getHeader("Idempotency-Key"))
                  .isEqualTo(delivered.idempotencyKey());
              assertThat(request.getHeader("X-Partner-Path")).isEqualTo(path);
              assertThat(request.getHeader("X-Request-ID")).isNotBlank();
              assertThat(request.queryParameter("identifier").firstValue())
                  .endsWith("|ServiceRequest/" + id);
            });

    // AuditEvents are written from the attempt journal, shortly after the outcome.
    Bundle audits =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    fhir()
                        .search()
                        .forResource(AuditEvent.class)
                        .where(AuditEvent.ENTITY.hasId("ServiceRequest/" + id))
                        .returnBundle(Bundle.class)
                        .execute(),
                b -> !b.getEntry().isEmpty());
    assertThat(audits.getEntry())
        .singleElement()
        .satisfies(
            e -> {
              AuditEvent audit = (AuditEvent) e.getResource();
              assertThat(audit.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
              assertThat(audit.getAgent().get(1).getWho().getReference())
                  .isEqualTo("Organization/" + orgId);
              // attempts that differ only in the resource share an AuditEvent: find this referral's
              // entity
              assertThat(audit.getEntity())
                  .filteredOn(
                      entity ->
                          entity
                              .getWhat()
                              .getReference()
                              .equals("ServiceRequest/" + id + "/_history/1"))
                  .singleElement()
                  .satisfies(
                      entity ->
                          assertThat(entity.getDetail())
                              .extracting(
                                  d -> d.getType() + "=" + d.getValueStringType().getValue())
                              .contains("attempt=1", "outbox-entry=" + delivered.id()));
            });
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(meters.counter("continuum.relay.queued", "partner", orgId).count())
                  .isEqualTo(1.0);
              assertThat(meters.counter("continuum.relay.delivered", "partner", orgId).count())
                  .isEqualTo(1.0);
              assertThat(
                      meters.find("continuum.relay.delivery.latency").tag("partner", orgId).timer())
                  .isNotNull()
                  .extracting(t -> t.count())
                  .isEqualTo(1L);
            });
  }

  @Test
  void updateQueuesTheNewVersionAfterTheFirst() {
    String path = path();
    partner.stubFor(
        put(urlPathEqualTo("/" + path + "/fhir/ServiceRequest"))
            .willReturn(aResponse().withStatus(200)));
    String orgId = partnerOrganization(path);
    ServiceRequest request = referral(patient(), orgId);
    String id = fhir().create().resource(request).execute().getId().getIdPart();
    request.setId(id);
    request.setStatus(ServiceRequest.ServiceRequestStatus.REVOKED);
    fhir().update().resource(request).execute();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                outbox.listForResource("ServiceRequest", id).stream()
                        .filter(e -> e.state() == OutboxState.DELIVERED)
                        .count()
                    == 2);
    assertThat(
            partner.findAll(putRequestedFor(urlPathEqualTo("/" + path + "/fhir/ServiceRequest"))))
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsExactly(
            outbox.listForResource("ServiceRequest", id).get(0).idempotencyKey(),
            outbox.listForResource("ServiceRequest", id).get(1).idempotencyKey());
    assertThat(outbox.listForResource("ServiceRequest", id))
        .extracting(OutboxEntry::resourceVersion)
        .containsExactly(1L, 2L);
  }

  @Test
  void deadLetterIsListedByRelayStatusAndReplayedByRelayReplay() {
    String path = path();
    partner.stubFor(
        put(urlPathEqualTo("/" + path + "/fhir/ServiceRequest"))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withHeader("Content-Type", "application/fhir+json")
                    .withBody(REJECTED)));
    String orgId = partnerOrganization(path);
    String id = fhir().create().resource(referral(patient(), orgId)).execute().getId().getIdPart();
    OutboxEntry dead = awaitEntry(id, OutboxState.DEAD);

    Parameters status =
        fhir()
            .operation()
            .onServer()
            .named("$relay-status")
            .withParameter(Parameters.class, "partner", new StringType(orgId))
            .useHttpGet()
            .execute();
    Parameters.ParametersParameterComponent listed = status.getParameterFirstRep();
    assertThat(listed.getPart())
        .anySatisfy(
            p -> {
              assertThat(p.getName()).isEqualTo("dead");
              assertThat(p.getValue().primitiveValue()).isEqualTo("1");
            });
    assertThat(listed.getPart())
        .filteredOn(p -> p.getName().equals("entry"))
        .singleElement()
        .satisfies(
            entry ->
                assertThat(entry.getPart())
                    .anySatisfy(
                        p -> {
                          assertThat(p.getName()).isEqualTo("last-error");
                          assertThat(p.getValue().primitiveValue())
                              .isEqualTo("HTTP 422: Unknown service");
                        }));

    partner.stubFor(
        put(urlPathEqualTo("/" + path + "/fhir/ServiceRequest"))
            .willReturn(aResponse().withStatus(200)));
    Parameters replayed =
        fhir()
            .operation()
            .onServer()
            .named("$relay-replay")
            .withParameter(Parameters.class, "partner", new StringType(orgId))
            .andParameter("entry", new StringType(String.valueOf(dead.id())))
            .execute();
    assertThat(replayed.getParameter("replayed").getValue().primitiveValue()).isEqualTo("1");

    assertThat(awaitEntry(id, OutboxState.DELIVERED).id()).isEqualTo(dead.id());
    assertThat(meters.counter("continuum.relay.dead.lettered", "partner", orgId).count())
        .isEqualTo(1.0);
  }

  @Test
  void deadLetterOfAPartnerWithoutEndpointIsDeliveredToTheEndpointAddedBeforeTheReplay() {
    String path = path();
    partner.stubFor(
        put(urlPathEqualTo("/" + path + "/fhir/ServiceRequest"))
            .willReturn(aResponse().withStatus(200)));
    Organization organization = new Organization();
    organization.setName("Partner " + path + " (no endpoint yet)");
    String orgId = fhir().create().resource(organization).execute().getId().getIdPart();
    String id = fhir().create().resource(referral(patient(), orgId)).execute().getId().getIdPart();
    OutboxEntry dead = awaitEntry(id, OutboxState.DEAD);
    assertThat(dead.endpointId()).startsWith(OutboxStore.UNROUTED_PREFIX);
    assertThat(dead.lastError())
        .isEqualTo("no endpoint of type (any supported) for Organization/" + orgId);

    String endpointId = partnerEndpoint(orgId, path);
    Parameters replayed =
        fhir()
            .operation()
            .onServer()
            .named("$relay-replay")
            .withParameter(Parameters.class, "partner", new StringType(orgId))
            .execute();
    assertThat(replayed.getParameter("replayed").getValue().primitiveValue()).isEqualTo("1");

    OutboxEntry delivered = awaitEntry(id, OutboxState.DELIVERED);
    assertThat(delivered.id()).isEqualTo(dead.id());
    assertThat(delivered.endpointId()).isEqualTo(endpointId);
    assertThat(delivered.idempotencyKey())
        .isEqualTo(endpointId + ":ServiceRequest/" + id + "/_history/1");
    assertThat(
            partner.findAll(putRequestedFor(urlPathEqualTo("/" + path + "/fhir/ServiceRequest"))))
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.getHeader("Idempotency-Key"))
                  .isEqualTo(delivered.idempotencyKey());
              assertThat(request.getHeader("X-Partner-Path")).isEqualTo(path);
            });
  }

  @Test
  void replayOfSomethingThatIsNotADeadLetterIsNotFound() {
    Parameters in = new Parameters();
    in.addParameter("partner", new StringType("no-such-partner"));
    in.addParameter("entry", new StringType("999999999"));

    assertThatThrownBy(
            () -> fhir().operation().onServer().named("$relay-replay").withParameters(in).execute())
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("No replayable dead letter 999999999");
  }

  @Test
  void rolledBackWriteLeavesNoOutboxRowWhileACommittedOneDoes() {
    String orgId = partnerOrganization(path());
    String patientId = patient();
    TransactionTemplate tx = new TransactionTemplate(transactionManager);

    String rolledBack =
        tx.execute(
            status -> {
              String id =
                  daos.getResourceDao(ServiceRequest.class)
                      .create(referral(patientId, orgId), new SystemRequestDetails())
                      .getId()
                      .getIdPart();
              // Same transaction: the row is there before the rollback.
              assertThat(outbox.listForResource("ServiceRequest", id)).hasSize(1);
              status.setRollbackOnly();
              return id;
            });
    String committed =
        tx.execute(
            status ->
                daos.getResourceDao(ServiceRequest.class)
                    .create(referral(patientId, orgId), new SystemRequestDetails())
                    .getId()
                    .getIdPart());

    assertThat(outbox.listForResource("ServiceRequest", rolledBack)).isEmpty();
    assertThat(outbox.listForResource("ServiceRequest", committed)).hasSize(1);
    assertThat(
            daos.getResourceDao(ServiceRequest.class)
                .search(
                    SearchParameterMap.newSynchronous("_id", new TokenParam(rolledBack)),
                    new SystemRequestDetails())
                .size())
        .isZero();
  }

  @Test
  void failedTransactionBundleQueuesNothing() {
    String orgId = partnerOrganization(path());
    String patientId = patient();
    String requestId = "relay-rollback-" + UUID.randomUUID();
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    bundle
        .addEntry()
        .setResource(referral(patientId, orgId))
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("ServiceRequest");
    // A version conflict on a later entry rolls the whole transaction back.
    Patient stale = new Patient();
    stale.setId("Patient/" + patientId);
    bundle
        .addEntry()
        .setResource(stale)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl("Patient/" + patientId)
        .setIfMatch("W/\"99\"");

    assertThatThrownBy(
            () ->
                fhir()
                    .transaction()
                    .withBundle(bundle)
                    .withAdditionalHeader("X-Request-ID", requestId)
                    .execute())
        .isInstanceOf(BaseServerResponseException.class);

    assertThat(
            new JdbcTemplate(transactionManager.getDataSource())
                .queryForObject(
                    "select count(*) from continuum_outbox where partner_id = ?",
                    Long.class,
                    orgId))
        .isZero();
  }
}
