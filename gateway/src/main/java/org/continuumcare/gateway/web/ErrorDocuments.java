package org.continuumcare.gateway.web;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;

/**
 * The error document for a refusal made outside the FHIR server and the API controllers (the
 * servlet container, the firewall): a FHIR OperationOutcome (JSON) for paths under {@code /fhir},
 * an RFC 9457 problem document ({@code application/problem+json}) for everything else. The FHIR
 * context is looked up at the first error, as the container may refuse requests before the
 * application has started.
 */
public final class ErrorDocuments {

  static final String PROBLEM_JSON = "application/problem+json";
  private static final int MAX_DETAIL = 500;

  /** A rendered error: its content type and body. */
  public record Document(String contentType, String body) {}

  private final Supplier<FhirContext> fhirContext;
  private final ObjectMapper json = new ObjectMapper();
  private volatile OperationOutcomeWriter outcomes;

  public ErrorDocuments(Supplier<FhirContext> fhirContext) {
    this.fhirContext = fhirContext;
  }

  /** Whether {@code path} (a request URI, not decoded) is served by the FHIR API. */
  public static boolean isFhirPath(String path) {
    return path != null
        && (path.equals("/fhir")
            || path.startsWith("/fhir/")
            || path.startsWith("/fhir;")
            || path.startsWith("/fhir%"));
  }

  /**
   * The document for an error of {@code status} on {@code path}; {@code issueCode} is the FHIR
   * issue type, or null to derive it from the status.
   */
  public Document render(String path, int status, String issueCode, String detail) {
    String bounded = bounded(detail);
    if (isFhirPath(path)) {
      return new Document(
          OperationOutcomeWriter.FHIR_JSON,
          outcomes().encode(issueCode == null ? issueCodeOf(status) : issueCode, bounded));
    }
    HttpStatus known = HttpStatus.resolve(status);
    ObjectNode problem =
        json.createObjectNode()
            .put("type", "about:blank")
            .put("title", known == null ? "Error" : known.getReasonPhrase())
            .put("status", status)
            .put("detail", bounded);
    try {
      return new Document(PROBLEM_JSON, json.writeValueAsString(problem));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers with the document (status, content type, body). */
  public void write(
      HttpServletResponse response, String path, int status, String issueCode, String detail)
      throws IOException {
    Document document = render(path, status, issueCode, detail);
    response.setStatus(status);
    response.setContentType(document.contentType());
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(document.body());
    response.getWriter().flush();
  }

  /** The FHIR issue type of an HTTP error status. */
  static String issueCodeOf(int status) {
    return switch (status) {
      case 400 -> "invalid";
      case 401 -> "login";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405, 406, 415, 501 -> "not-supported";
      case 408 -> "timeout";
      case 409 -> "conflict";
      case 413 -> "too-costly";
      case 414, 431 -> "too-long";
      case 429 -> "throttled";
      default -> status >= 500 ? "exception" : "processing";
    };
  }

  /**
   * Text from the request (a header name, a URL) made safe to quote: control characters replaced,
   * at most {@value #MAX_DETAIL} characters.
   */
  static String bounded(String text) {
    String printable = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
    return printable.length() > MAX_DETAIL ? printable.substring(0, MAX_DETAIL) + "..." : printable;
  }

  private OperationOutcomeWriter outcomes() {
    OperationOutcomeWriter writer = outcomes;
    if (writer == null) {
      writer = new OperationOutcomeWriter(fhirContext.get());
      outcomes = writer;
    }
    return writer;
  }
}
