package org.continuumcare.routes.partnerjson;

import org.continuumcare.routes.referral.ReferralLookup;
import org.continuumcare.routes.referral.ReferralParts;
import org.continuumcare.routes.referral.TaskTransitionGuard;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.continuumcare.routes.relay.BoundedExchange;
import org.continuumcare.routes.relay.Delivery;
import org.continuumcare.routes.relay.FailureClassifier;
import org.continuumcare.routes.relay.OAuth2TokenProvider;
import org.continuumcare.routes.relay.OutboxEntry;
import org.continuumcare.routes.relay.PartnerAdapter;
import org.continuumcare.routes.relay.PermanentDeliveryException;
import org.continuumcare.routes.relay.RelayProperties;
import org.continuumcare.routes.relay.TransientDeliveryException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a relayed referral to a partner that speaks our partner JSON instead of FHIR: the relayed ReferralTask
 * (or the Referral whose ReferralTasks are addressed to the partner) is completed from the store through
 * {@link ReferralLookup}, mapped by the partner's mapper, checked against the partner's JSON Schema and
 * {@code POST}ed to {@code Endpoint.address} with {@code Idempotency-Key}, {@code X-Request-ID} and the
 * configured API key or OAuth2 bearer token. The partner keeps one case per {@code referralId} and updates it
 * when the referral comes again (a later Task version, e.g. cancelled). A 2xx answer is delivered; failures are
 * classified as the FHIR adapter does (5xx, 408, 429, timeouts: retry; other 4xx, bad addresses, referrals that
 * cannot be mapped: dead letter). A relayed Referral without a ReferralTask for the partner sends nothing (its
 * Task's own delivery carries it) and answers 204.
 */
public final class PartnerJsonAdapter implements PartnerAdapter {

    /** Code system of Continuum's Endpoint.connectionType codes for partner JSON APIs. */
    public static final String ENDPOINT_CONNECTION_TYPE = "https://continuumcare.org/fhir/CodeSystem/endpoint-connection-type";

    private static final Logger LOG = LoggerFactory.getLogger(PartnerJsonAdapter.class);

    private final String connectionType;
    private final String routeId;
    private final Function<ReferralParts, Object> mapper;
    private final PartnerJsonSchema schema;
    private final ReferralLookup lookup;
    private final BoundedExchange exchange;
    private final Duration readTimeout;
    private final FailureClassifier classifier;
    private final OAuth2TokenProvider tokens;
    private final RelayProperties relay;
    private final PartnerOutbound outbound;
    private final ObjectMapper json = new ObjectMapper();

    /** What the adapter sends and to whom: connection type, route id, mapper and the schema its JSON obeys. */
    public record Format(String connectionType, String routeId, Function<ReferralParts, Object> mapper,
            PartnerJsonSchema schema) {
    }

    public PartnerJsonAdapter(Format format, ReferralLookup lookup, HttpClient http, RelayProperties relay,
            FailureClassifier classifier, OAuth2TokenProvider tokens, PartnerOutbound outbound) {
        this.connectionType = Objects.requireNonNull(format.connectionType(), "connectionType");
        this.routeId = Objects.requireNonNull(format.routeId(), "routeId");
        this.mapper = Objects.requireNonNull(format.mapper(), "mapper");
        this.schema = Objects.requireNonNull(format.schema(), "schema");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        // the request timeout bounds the headers; the whole answer gets half a second more
        this.exchange = new BoundedExchange(Objects.requireNonNull(http, "http"), relay.readTimeout().plusMillis(500));
        this.relay = Objects.requireNonNull(relay, "relay");
        this.readTimeout = relay.readTimeout();
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
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
        URI address = address(delivery);
        List<ReferralParts> referrals = referrals(delivery.resource(), entry);
        if (referrals.isEmpty()) {
            LOG.debug("Referral {} has no ReferralTask for partner {} yet: nothing sent", entry.versionedReference(),
                    entry.partnerId());
            return 204;
        }
        int status = 0;
        for (ReferralParts parts : referrals) {
            status = send(address, body(parts), entry, referrals.size() == 1 ? entry.idempotencyKey()
                    : entry.idempotencyKey() + "/" + parts.taskId());
        }
        return status;
    }

    /** The partner JSON for one referral, checked against the partner's schema. */
    public String body(ReferralParts parts) {
        JsonNode document;
        try {
            document = json.valueToTree(mapper.apply(parts));
            schema.requireValid(document);
            return json.writeValueAsString(document);
        } catch (BaseServerResponseException | IllegalArgumentException
                | JsonProcessingException unmappable) {
            throw new PermanentDeliveryException("referral Task/" + parts.taskId()
                    + " cannot be sent as partner JSON: " + unmappable.getMessage(), null, unmappable);
        }
    }

    private List<ReferralParts> referrals(IBaseResource resource, OutboxEntry entry) {
        if (resource instanceof Task task) {
            if (!TaskTransitionGuard.isReferralTask(task)) {
                throw new PermanentDeliveryException("Task/" + entry.resourceId()
                        + " is not a ReferralTask; a " + connectionType + " partner takes referrals only");
            }
            return List.of(lookup.forTask(task).orElseThrow(() -> new PermanentDeliveryException(
                    "Task/" + entry.resourceId() + " names no stored Referral (focus) and Patient (for)")));
        }
        if (resource instanceof ServiceRequest referral) {
            return lookup.forReferral(referral, entry.partnerId());
        }
        throw new PermanentDeliveryException(entry.resourceType() + " cannot be sent to a " + connectionType
                + " partner, which takes referrals only");
    }

    private URI address(Delivery delivery) {
        URI address = delivery.endpoint().address();
        if (address == null || address.getScheme() == null
                || !List.of("http", "https").contains(address.getScheme().toLowerCase(Locale.ROOT))) {
            throw new PermanentDeliveryException("endpoint " + delivery.entry().endpointId()
                    + " has no http(s) address: " + address);
        }
        return address;
    }

    private int send(URI address, String body, OutboxEntry entry, String idempotencyKey) {
        String requestId = entry.correlationId() != null ? entry.correlationId() : entry.idempotencyKey();
        HttpRequest.Builder request = HttpRequest.newBuilder(address)
                .timeout(readTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .header("X-Request-ID", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (outbound.hasApiKey()) {
            request.header(outbound.apiKeyHeader(), outbound.apiKey());
        }
        RelayProperties.Partner partner = relay.partner(entry.partnerId());
        boolean oauth2 = partner != null && partner.oauth2() != null;
        if (oauth2) {
            request.header("Authorization", "Bearer " + tokens.token(entry.partnerId(), partner.oauth2()));
        }
        HttpResponse<String> response = exchange(request.build());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return status;
        }
        if (status == 401 && oauth2) {
            tokens.invalidate(entry.partnerId());
            throw new TransientDeliveryException("HTTP 401: bearer token refused, fetching a new one", status);
        }
        throw classifier.forStatus(status, response.headers().firstValue("Retry-After").orElse(null),
                detail(response.body()));
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return exchange.send(request);
        } catch (IOException e) {
            throw classifier.forThrowable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientDeliveryException("interrupted", null, null, e);
        }
    }

    private static String detail(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        return body.length() > 300 ? body.substring(0, 300) : body;
    }
}
