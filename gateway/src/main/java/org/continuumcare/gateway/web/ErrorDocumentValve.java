package org.continuumcare.gateway.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Scanner;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report, as the gateway's error documents instead of HTML pages: every error
 * answered with no body of its own becomes an OperationOutcome under {@code /fhir} or a problem
 * document elsewhere ({@link ErrorDocuments}). That covers what Tomcat refuses before any
 * application code runs (request headers over {@code server.max-http-request-header-size}, an
 * encoded slash or other invalid URI, a malformed request line), Spring MVC's own refusals under
 * {@code /api} (unknown path 404, wrong method 405 with {@code Allow}, unsupported media type 415,
 * answered with {@code sendError}) and any exception that escapes a servlet (500 naming the request
 * id, nothing of the exception). Replaces the host's {@link ErrorReportValve} (see {@link
 * WebConfig}).
 */
final class ErrorDocumentValve extends ErrorReportValve {

  private static final Logger log = LoggerFactory.getLogger(ErrorDocumentValve.class);

  private final ErrorDocuments documents;

  ErrorDocumentValve(ErrorDocuments documents) {
    this.documents = documents;
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    // As Tomcat's own report: only errors, only once, only if nothing was written.
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    String path = request.getRequestURI() == null ? "" : request.getRequestURI();
    String detail = detail(request, response, throwable, status, path);
    if (status < 500) {
      log.info(
          "Refused {} {}: {} {}",
          request.getMethod(),
          path,
          status,
          ErrorDocuments.bounded(detail));
    }
    ErrorDocuments.Document document = documents.render(path, status, null, detail);
    try {
      response.setContentType(document.contentType());
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(document.body());
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone; nothing more to say
    }
  }

  private static String detail(
      Request request, Response response, Throwable throwable, int status, String path) {
    if (status >= 500) {
      String requestId = response.getHeader(RequestIdFilter.HEADER);
      return "The server failed to process this request. Quote request id "
          + (requestId == null ? "(none)" : requestId)
          + " to the operator.";
    }
    if (status == 404) {
      return "Nothing is served at " + request.getMethod() + " " + path;
    }
    if (status == 405) {
      String allowed = response.getHeader("Allow");
      return request.getMethod()
          + " is not allowed on "
          + path
          + (allowed == null || allowed.isBlank() ? "" : "; allowed: " + allowed);
    }
    String message = response.getMessage();
    if ((message == null || message.isBlank())
        && throwable != null
        && throwable.getMessage() != null) {
      try (Scanner firstLine = new Scanner(throwable.getMessage())) {
        message = firstLine.hasNextLine() ? firstLine.nextLine() : null;
      }
    }
    if (message == null || message.isBlank()) {
      HttpStatus known = HttpStatus.resolve(status);
      message = known == null ? "Refused with status " + status : known.getReasonPhrase();
    }
    return message;
  }
}
