package org.continuumcare.routes.relay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The HTTP side every partner adapter shares, whatever it sends: the Endpoint's address must be
 * http(s); each request carries {@code Idempotency-Key}, {@code X-Request-ID} (the row's
 * correlation id, else its idempotency key; also the MDC {@code correlationId} while the attempt
 * runs) and, when the partner has OAuth2 settings, a bearer token; the answer is bounded in time;
 * 2xx is delivered, a 401 to a bearer token drops the token and retries, every other status and I/O
 * failure is classified by {@link FailureClassifier} (Retry-After honoured).
 */
public final class PartnerHttp {

  private final BoundedExchange exchange;
  private final Duration readTimeout;
  private final RelayProperties relay;
  private final FailureClassifier classifier;
  private final OAuth2TokenProvider tokens;

  public PartnerHttp(
      HttpClient http,
      RelayProperties relay,
      FailureClassifier classifier,
      OAuth2TokenProvider tokens) {
    this.relay = Objects.requireNonNull(relay, "relay");
    // the request timeout bounds the headers; the whole answer gets half a second more
    this.exchange =
        new BoundedExchange(
            Objects.requireNonNull(http, "http"), relay.readTimeout().plusMillis(500));
    this.readTimeout = relay.readTimeout();
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  /** The Endpoint's address; a dead letter when it is not http(s). */
  public static URI httpAddress(Delivery delivery) {
    URI address = delivery.endpoint().address();
    if (address == null
        || address.getScheme() == null
        || !List.of("http", "https").contains(address.getScheme().toLowerCase(Locale.ROOT))) {
      throw new PermanentDeliveryException(
          "endpoint " + delivery.entry().endpointId() + " has no http(s) address: " + address);
    }
    return address;
  }

  /** The {@code X-Request-ID} of an attempt: the row's correlation id, else its idempotency key. */
  public static String requestId(OutboxEntry entry) {
    return entry.correlationId() != null ? entry.correlationId() : entry.idempotencyKey();
  }

  /** Runs one attempt with the MDC {@code correlationId} of its row. */
  public <T> T correlated(OutboxEntry entry, Supplier<T> attempt) {
    MDC.put("correlationId", requestId(entry));
    try {
      return attempt.get();
    } finally {
      MDC.remove("correlationId");
    }
  }

  /**
   * A request to {@code uri} with the time limit, HTTP/1.1, {@code Idempotency-Key} and {@code
   * X-Request-ID}.
   */
  public HttpRequest.Builder request(URI uri, OutboxEntry entry, String idempotencyKey) {
    return HttpRequest.newBuilder(uri)
        .timeout(readTimeout)
        .version(HttpClient.Version.HTTP_1_1)
        .header("Idempotency-Key", idempotencyKey)
        .header("X-Request-ID", requestId(entry));
  }

  /**
   * Adds the partner's bearer token when it has OAuth2 settings (last, once the request is
   * otherwise valid).
   */
  public HttpRequest.Builder authorize(HttpRequest.Builder request, OutboxEntry entry) {
    RelayProperties.Partner partner = relay.partner(entry.partnerId());
    if (partner != null && partner.oauth2() != null) {
      request.header(
          "Authorization", "Bearer " + tokens.token(entry.partnerId(), partner.oauth2()));
    }
    return request;
  }

  /**
   * Sends and classifies: the status when 2xx (after {@code accepted} has looked at the answer),
   * otherwise a {@link TransientDeliveryException} or {@link PermanentDeliveryException}.
   *
   * @param detail what of a refusing answer goes into the recorded reason
   */
  public int send(
      HttpRequest request,
      OutboxEntry entry,
      Consumer<HttpResponse<String>> accepted,
      Function<HttpResponse<String>, String> detail) {
    HttpResponse<String> response = exchange(request);
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      accepted.accept(response);
      return status;
    }
    RelayProperties.Partner partner = relay.partner(entry.partnerId());
    if (status == 401 && partner != null && partner.oauth2() != null) {
      tokens.invalidate(entry.partnerId());
      throw new TransientDeliveryException(
          "HTTP 401: bearer token refused, fetching a new one", status);
    }
    throw classifier.forStatus(
        status, response.headers().firstValue("Retry-After").orElse(null), detail.apply(response));
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
}
