package org.continuumcare.gateway.views;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.continuumcare.gateway.security.AccessGate;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.gateway.views.engine.InvalidViewException;
import org.continuumcare.gateway.views.engine.ViewRunner;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ViewDefinition/$run} and {@code ViewDefinition/[id]/$run} (also under the IG's name {@code
 * $viewdefinition-run}), GET or POST. HAPI FHIR R4 knows no ViewDefinition type to route to, so
 * this takes those paths before HAPI does and answers them itself: the view is checked (400 naming
 * the element), the caller needs the SEARCH scope of the view's resource type (403), and rows
 * stream out as they are made, each from a resource the {@link AccessGate} shows the caller. The
 * gate's rules see the run start and end like any request of the caller.
 */
@Interceptor
final class ViewRunEndpoint {

  private static final Logger log = LoggerFactory.getLogger(ViewRunEndpoint.class);
  private static final Pattern PATH =
      Pattern.compile(
          "^/ViewDefinition(?:/([A-Za-z0-9\\-.]{1,64}))?/\\$(?:run|viewdefinition-run)/?$");

  private final Errors errors;
  private final ViewRunService views;
  private final AccessGate gate;
  private final AnalyticsProperties properties;
  private final ViewAuditor auditor;

  ViewRunEndpoint(
      Errors errors,
      ViewRunService views,
      AccessGate gate,
      AnalyticsProperties properties,
      ViewAuditor auditor) {
    this.errors = errors;
    this.views = views;
    this.gate = gate;
    this.properties = properties;
    this.auditor = auditor;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
  public boolean handle(HttpServletRequest http, HttpServletResponse response) throws IOException {
    Matcher path = http.getPathInfo() == null ? null : PATH.matcher(http.getPathInfo());
    if (path == null || !path.matches()) {
      return true;
    }
    response.setBufferSize(64 * 1024);
    try {
      run(http, response, path.group(1));
    } catch (BaseServerResponseException refused) {
      log.info("ViewDefinition $run refused: {} {}", refused.getStatusCode(), refused.getMessage());
      fail(response, refused);
    } catch (InvalidViewException broken) {
      log.info("ViewDefinition $run stopped: {}", broken.getMessage());
      OperationOutcome outcome = new OperationOutcome();
      outcome
          .addIssue()
          .setSeverity(OperationOutcome.IssueSeverity.ERROR)
          .setCode(OperationOutcome.IssueType.PROCESSING)
          .setDiagnostics(broken.getMessage())
          .addExpression(broken.element());
      fail(response, new InvalidRequestException(broken.getMessage(), outcome));
    }
    return false;
  }

  private void run(HttpServletRequest http, HttpServletResponse response, String instanceId)
      throws IOException {
    Caller caller =
        Caller.current().orElseThrow(() -> new ForbiddenOperationException("No caller"));
    ViewRunRequest run =
        switch (http.getMethod()) {
          case "GET" -> ViewRunRequest.fromQuery(http.getParameterMap(), instanceId);
          case "POST" ->
              ViewRunRequest.fromParameters(
                  http.getInputStream(), http.getParameterMap(), instanceId);
          default -> throw new MethodNotAllowedException("$run takes GET or POST");
        };
    ViewRunner runner = views.prepare(run, caller);
    SystemRequestDetails request = new SystemRequestDetails();
    Caller.bind(request, caller);
    for (String header : Collections.list(http.getHeaderNames())) {
      request.addHeader(header, http.getHeader(header));
    }
    gate.startOperation(request, null);
    ViewRunTally tally = ViewRunTally.NONE;
    String failure = "ended before its rows were written";
    try {
      response.setStatus(200);
      response.setContentType(run.format().mediaType());
      OutputStream out = response.getOutputStream();
      try (RowWriter writer = writer(run, out)) {
        tally = views.run(runner, run, request, writer);
      }
      failure = null;
    } catch (IOException | RuntimeException e) {
      failure = e.getClass().getSimpleName();
      throw e;
    } finally {
      if (failure == null) {
        gate.completeOperationSuccess(request, null);
      } else {
        gate.completeOperationFailure(request, null, null);
      }
      auditor.ran(caller, viewName(run, runner), run.format(), tally, failure);
    }
  }

  /** A stored view by its reference, an inline one by its name. */
  static String viewName(ViewRunRequest run, ViewRunner runner) {
    if (run.viewReference() != null) {
      return run.viewReference();
    }
    String name = runner.view().name();
    return "inline view " + (name == null ? "of " + runner.view().resource() : name);
  }

  private RowWriter writer(ViewRunRequest run, OutputStream out) throws IOException {
    return switch (run.format()) {
      case CSV -> RowWriter.csv(out, run.header());
      case NDJSON -> RowWriter.ndjson(out);
      case JSON -> RowWriter.json(out);
      case PARQUET -> new ParquetRowWriter(out, properties.temporary());
    };
  }

  private void fail(HttpServletResponse response, BaseServerResponseException error)
      throws IOException {
    errors.write(response, error);
  }

  /**
   * Writes a refusal as an OperationOutcome, if nothing was sent yet; otherwise cuts the response.
   */
  static final class Errors {
    private final FhirContext fhir;

    Errors(FhirContext fhir) {
      this.fhir = fhir;
    }

    void write(HttpServletResponse response, BaseServerResponseException error) throws IOException {
      if (response.isCommitted()) {
        throw new IOException("The response failed after it started: " + error.getMessage());
      }
      response.resetBuffer();
      response.setStatus(error.getStatusCode());
      response.setContentType("application/fhir+json;charset=UTF-8");
      IBaseOperationOutcome outcome =
          Optional.ofNullable(error.getOperationOutcome())
              .orElseGet(
                  () -> {
                    OperationOutcome created = new OperationOutcome();
                    created
                        .addIssue()
                        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                        .setCode(
                            error.getStatusCode() == 403
                                ? OperationOutcome.IssueType.FORBIDDEN
                                : error.getStatusCode() == 404
                                    ? OperationOutcome.IssueType.NOTFOUND
                                    : error.getStatusCode() >= 500
                                        ? OperationOutcome.IssueType.EXCEPTION
                                        : OperationOutcome.IssueType.INVALID)
                        .setDiagnostics(error.getMessage());
                    return created;
                  });
      response.getWriter().write(fhir.newJsonParser().encodeResourceToString(outcome));
      response.getWriter().flush();
    }
  }
}
