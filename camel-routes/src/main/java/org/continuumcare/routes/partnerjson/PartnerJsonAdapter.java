package org.continuumcare.routes.partnerjson;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.continuumcare.routes.referral.ReferralLookup;
import org.continuumcare.routes.referral.ReferralParts;
import org.continuumcare.routes.referral.TaskTransitionGuard;
import org.continuumcare.routes.relay.Delivery;
import org.continuumcare.routes.relay.FailureClassifier;
import org.continuumcare.routes.relay.OAuth2TokenProvider;
import org.continuumcare.routes.relay.OutboxEntry;
import org.continuumcare.routes.relay.PartnerAdapter;
import org.continuumcare.routes.relay.PartnerHttp;
import org.continuumcare.routes.relay.PermanentDeliveryException;
import org.continuumcare.routes.relay.RelayProperties;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a relayed referral to a partner that speaks our partner JSON instead of FHIR: the relayed
 * ReferralTask (or the Referral whose ReferralTasks are addressed to the partner) is completed from
 * the store through {@link ReferralLookup}, mapped by the partner's mapper, checked against the
 * partner's JSON Schema and {@code POST}ed to {@code Endpoint.address} with {@code
 * Idempotency-Key}, {@code X-Request-ID} and the configured API key or OAuth2 bearer token. The
 * partner keeps one case per {@code referralId} and updates it when the referral comes again (a
 * later Task version, e.g. cancelled). A 2xx answer is delivered; failures are classified as the
 * FHIR adapter does (5xx, 408, 429, timeouts: retry; other 4xx, bad addresses, referrals that
 * cannot be mapped: dead letter). A relayed Referral without a ReferralTask for the partner sends
 * nothing (its Task's own delivery carries it) and answers 204. A disclosed SUD record's notice and
 * consent-scope statement (42 CFR § 2.32, {@code meta} extensions of the relayed copy) travel as
 * the JSON's {@code disclosure} object ({@link DisclosureStatement}), for every partner.
 */
public final class PartnerJsonAdapter implements PartnerAdapter {

  /** Code system of Continuum's Endpoint.connectionType codes for partner JSON APIs. */
  public static final String ENDPOINT_CONNECTION_TYPE =
      ContinuumTerminology.BASE + "/CodeSystem/endpoint-connection-type";

  private static final Logger LOG = LoggerFactory.getLogger(PartnerJsonAdapter.class);

  private final String connectionType;
  private final String routeId;
  private final Function<ReferralParts, Object> mapper;
  private final PartnerJsonSchema schema;
  private final ReferralLookup lookup;
  private final PartnerHttp http;
  private final PartnerOutbound outbound;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * What the adapter sends and to whom: connection type, route id, mapper and the schema its JSON
   * obeys.
   */
  public record Format(
      String connectionType,
      String routeId,
      Function<ReferralParts, Object> mapper,
      PartnerJsonSchema schema) {}

  public PartnerJsonAdapter(
      Format format,
      ReferralLookup lookup,
      HttpClient http,
      RelayProperties relay,
      FailureClassifier classifier,
      OAuth2TokenProvider tokens,
      PartnerOutbound outbound) {
    this.connectionType = Objects.requireNonNull(format.connectionType(), "connectionType");
    this.routeId = Objects.requireNonNull(format.routeId(), "routeId");
    this.mapper = Objects.requireNonNull(format.mapper(), "mapper");
    this.schema = Objects.requireNonNull(format.schema(), "schema");
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.http = new PartnerHttp(http, relay, classifier, tokens);
    this.outbound = Objects.requireNonNull(outbound, "outbound");
  }

  @Override
  public String connectionType() {
    return connectionType;
  }

  @Override
  public String routeId() {
    return routeId;
  }

  @Override
  public int deliver(Delivery delivery) {
    OutboxEntry entry = delivery.entry();
    return http.correlated(
        entry,
        () -> {
          URI address = PartnerHttp.httpAddress(delivery);
          List<ReferralParts> referrals = referrals(delivery.resource(), entry);
          if (referrals.isEmpty()) {
            LOG.debug(
                "Referral {} has no ReferralTask for partner {} yet: nothing sent",
                entry.versionedReference(),
                entry.partnerId());
            return 204;
          }
          Optional<DisclosureStatement> relayed = DisclosureStatement.of(delivery.resource());
          int status = 0;
          for (ReferralParts parts : referrals) {
            status =
                send(
                    address,
                    body(parts, relayed),
                    entry,
                    referrals.size() == 1
                        ? entry.idempotencyKey()
                        : entry.idempotencyKey() + "/" + parts.taskId());
          }
          return status;
        });
  }

  /**
   * The partner JSON for one referral, checked against the partner's schema, with the disclosure
   * statement its Task or Referral carries.
   */
  public String body(ReferralParts parts) {
    return body(parts, Optional.empty());
  }

  /**
   * As {@link #body(ReferralParts)}, with {@code relayed}, the statement of the relayed copy,
   * first.
   */
  String body(ReferralParts parts, Optional<DisclosureStatement> relayed) {
    JsonNode document;
    try {
      document = json.valueToTree(mapper.apply(parts));
      Optional<DisclosureStatement> statement =
          relayed.isPresent() ? relayed : DisclosureStatement.of(parts.task(), parts.referral());
      if (statement.isPresent() && document instanceof ObjectNode object) {
        statement.get().addTo(object);
      }
      schema.requireValid(document);
      return json.writeValueAsString(document);
    } catch (BaseServerResponseException
        | IllegalArgumentException
        | JsonProcessingException unmappable) {
      throw new PermanentDeliveryException(
          "referral Task/"
              + parts.taskId()
              + " cannot be sent as partner JSON: "
              + unmappable.getMessage(),
          null,
          unmappable);
    }
  }

  private List<ReferralParts> referrals(IBaseResource resource, OutboxEntry entry) {
    if (resource instanceof Task task) {
      if (!TaskTransitionGuard.isReferralTask(task)) {
        throw new PermanentDeliveryException(
            "Task/"
                + entry.resourceId()
                + " is not a ReferralTask; a "
                + connectionType
                + " partner takes referrals only");
      }
      return List.of(
          lookup
              .forTask(task)
              .orElseThrow(
                  () ->
                      new PermanentDeliveryException(
                          "Task/"
                              + entry.resourceId()
                              + " names no stored Referral (focus) and Patient (for)")));
    }
    if (resource instanceof ServiceRequest referral) {
      return lookup.forReferral(referral, entry.partnerId());
    }
    throw new PermanentDeliveryException(
        entry.resourceType()
            + " cannot be sent to a "
            + connectionType
            + " partner, which takes referrals only");
  }

  private int send(URI address, String body, OutboxEntry entry, String idempotencyKey) {
    HttpRequest.Builder request =
        http.request(address, entry, idempotencyKey)
            .header("Content-Type", "application/json; charset=UTF-8")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (outbound.hasApiKey()) {
      request.header(outbound.apiKeyHeader(), outbound.apiKey());
    }
    return http.send(
        http.authorize(request, entry).build(),
        entry,
        response -> {},
        response -> detail(response.body()));
  }

  private static String detail(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    return body.length() > 300 ? body.substring(0, 300) : body;
  }
}
