package org.continuumcare.routes.relay;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.util.FhirTerser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a resource to a partner's FHIR REST API ({@code Endpoint.connectionType} {@code
 * hl7-fhir-rest}): a conditional update on the source identifier ({@code PUT
 * [base]/Type?identifier=system|value}, value = the routed resource's {@code Type/id}; for a
 * payload assembled from it, such as a document Bundle, the payload's type: {@code PUT
 * [base]/Bundle?identifier=system|Composition/id}) so a repeat never creates a duplicate, or for
 * types without an identifier an update of the same id ({@code PUT [base]/Type/id}). Every request
 * carries {@code Idempotency-Key} and {@code X-Request-ID}; a bearer token when the partner has
 * OAuth2 settings. Redirects are not followed; connect and total answer time are bounded.
 */
public final class FhirRestAdapter implements PartnerAdapter {

  /** Endpoint.connectionType code (HL7 endpoint-connection-type). */
  public static final String CONNECTION_TYPE = "hl7-fhir-rest";

  /** Identifier system under which the partner finds our resource again. */
  public static final String SOURCE_IDENTIFIER_SYSTEM =
      ContinuumTerminology.BASE + "/sid/relay-source";

  static final String ROUTE_ID = "relay-fhir-rest-outbound";

  private static final Logger log = LoggerFactory.getLogger(FhirRestAdapter.class);
  private static final String FHIR_JSON = "application/fhir+json";
  private static final int MAX_DETAIL = 300;

  private final FhirContext fhirContext;
  private final PartnerHttp http;

  public FhirRestAdapter(
      FhirContext fhirContext,
      HttpClient http,
      RelayProperties properties,
      FailureClassifier classifier,
      OAuth2TokenProvider tokens) {
    this.fhirContext = fhirContext;
    this.http = new PartnerHttp(http, properties, classifier, tokens);
  }

  @Override
  public String connectionType() {
    return CONNECTION_TYPE;
  }

  @Override
  public String routeId() {
    return ROUTE_ID;
  }

  @Override
  public int deliver(Delivery delivery) {
    OutboxEntry entry = delivery.entry();
    return http.correlated(
        entry,
        () -> {
          HttpRequest request = request(delivery);
          log.debug(
              "Relaying {} to endpoint {} (attempt {})",
              entry.versionedReference(),
              entry.endpointId(),
              entry.attempts());
          return http.send(request, entry, this::requireParseable, this::detail);
        });
  }

  private HttpRequest request(Delivery delivery) {
    OutboxEntry entry = delivery.entry();
    URI base = PartnerHttp.httpAddress(delivery);
    IBaseResource outbound = fhirContext.newTerser().clone(delivery.resource());
    String target = prepare(outbound, entry);
    String body = fhirContext.newJsonParser().encodeResourceToString(outbound);
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    URI uri;
    try {
      uri = URI.create(root + target);
    } catch (IllegalArgumentException badUri) {
      throw new PermanentDeliveryException(
          "endpoint "
              + entry.endpointId()
              + " address gives an invalid URI: "
              + badUri.getMessage(),
          null,
          badUri);
    }
    HttpRequest.Builder builder =
        http.request(uri, entry, entry.idempotencyKey())
            .header("Content-Type", FHIR_JSON + "; charset=UTF-8")
            .header("Accept", FHIR_JSON)
            .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    for (String header : delivery.endpoint().headers()) {
      addEndpointHeader(builder, header, entry);
    }
    return http.authorize(builder, entry).build();
  }

  /** Adds the source identifier if the type has one and returns the request target. */
  private String prepare(IBaseResource outbound, OutboxEntry entry) {
    RuntimeResourceDefinition definition = fhirContext.getResourceDefinition(outbound);
    String type = definition.getName();
    outbound.getMeta().setLastUpdated(null);
    outbound.getMeta().setVersionId(null);
    if (definition.getChildByName("identifier") == null) {
      outbound.setId(type + "/" + entry.resourceId());
      return type + "/" + entry.resourceId();
    }
    // The routed resource's reference, also when the payload is built from it (a document Bundle
    // for a Composition is found again as Bundle?identifier=...|Composition/id).
    String value = entry.resourceType() + "/" + entry.resourceId();
    FhirTerser terser = fhirContext.newTerser();
    boolean present =
        terser.getValues(outbound, type + ".identifier").stream()
            .anyMatch(
                identifier ->
                    SOURCE_IDENTIFIER_SYSTEM.equals(primitive(terser, identifier, "system"))
                        && value.equals(primitive(terser, identifier, "value")));
    if (!present) {
      int max = definition.getChildByName("identifier").getMax();
      if (max == 1 && !terser.getValues(outbound, type + ".identifier").isEmpty()) {
        throw new PermanentDeliveryException(
            type
                + " already carries its single identifier;"
                + " cannot add the relay source identifier for a conditional update");
      }
      IBase identifier = terser.addElement(outbound, type + ".identifier");
      terser.addElement(identifier, "system", SOURCE_IDENTIFIER_SYSTEM);
      terser.addElement(identifier, "value", value);
    }
    outbound.setId((String) null);
    return type
        + "?identifier="
        + URLEncoder.encode(SOURCE_IDENTIFIER_SYSTEM + "|" + value, StandardCharsets.UTF_8);
  }

  private static void addEndpointHeader(
      HttpRequest.Builder builder, String header, OutboxEntry entry) {
    int colon = header.indexOf(':');
    if (colon <= 0) {
      throw new PermanentDeliveryException(
          "endpoint " + entry.endpointId() + " has a malformed header (expected 'Name: value')");
    }
    String name = header.substring(0, colon).trim();
    if (name.equalsIgnoreCase("Authorization")) {
      // Credentials never come from FHIR data: configure them under continuum.relay.partners.
      throw new PermanentDeliveryException(
          "endpoint "
              + entry.endpointId()
              + " carries an Authorization header; credentials belong in configuration");
    }
    try {
      builder.header(name, header.substring(colon + 1).trim());
    } catch (IllegalArgumentException restricted) {
      throw new PermanentDeliveryException(
          "endpoint "
              + entry.endpointId()
              + " header '"
              + name
              + "' cannot be sent: "
              + restricted.getMessage(),
          null,
          restricted);
    }
  }

  private void requireParseable(HttpResponse<String> response) {
    String body = response.body();
    if (body == null || body.isBlank()) {
      return;
    }
    try {
      parser(response).parseResource(body);
    } catch (DataFormatException | IllegalArgumentException garbage) {
      throw new PermanentDeliveryException(
          "HTTP " + response.statusCode() + " with a body that is not a FHIR resource",
          response.statusCode(),
          garbage);
    }
  }

  private String detail(HttpResponse<String> response) {
    String body = response.body();
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      IBaseResource parsed = parser(response).parseResource(body);
      if (parsed instanceof IBaseOperationOutcome) {
        FhirTerser terser = fhirContext.newTerser();
        String diagnostics =
            terser.getValues(parsed, "OperationOutcome.issue.diagnostics").stream()
                .findFirst()
                .map(d -> ((IPrimitiveType<?>) d).getValueAsString())
                .orElse("");
        return diagnostics.length() > MAX_DETAIL
            ? diagnostics.substring(0, MAX_DETAIL)
            : diagnostics;
      }
      return fhirContext.getResourceType(parsed);
    } catch (DataFormatException | IllegalArgumentException notFhir) {
      return "answer is not a FHIR resource";
    }
  }

  private IParser parser(HttpResponse<String> response) {
    String contentType =
        response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    return contentType.contains("xml") ? fhirContext.newXmlParser() : fhirContext.newJsonParser();
  }

  private static String primitive(FhirTerser terser, IBase base, String child) {
    return terser
        .getSingleValue(base, child, IPrimitiveType.class)
        .map(IPrimitiveType::getValueAsString)
        .orElse(null);
  }
}
