package org.continuumcare.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request Spring Security's firewall refuses (a {@code ;}, an encoded {@code %} or {@code /}, a
 * {@code //} or {@code ..} in the URL, a forbidden header) is a 400 saying why, as an
 * OperationOutcome under {@code /fhir} and a problem document elsewhere. Spring's default answer
 * went through the container's error page, where the request was no longer authenticated, so the
 * caller got a 401 however valid its token. Picked up by Spring Security as the application's
 * {@link RequestRejectedHandler} bean.
 */
final class FirewallRejections implements RequestRejectedHandler {

  private static final Logger log = LoggerFactory.getLogger(FirewallRejections.class);

  private final ErrorDocuments documents;

  FirewallRejections(ErrorDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejection)
      throws IOException {
    String reason = ErrorDocuments.bounded(rejection.getMessage());
    log.info("Refused {} {}: 400 {}", request.getMethod(), request.getRequestURI(), reason);
    documents.write(
        response,
        request.getRequestURI(),
        HttpServletResponse.SC_BAD_REQUEST,
        "security",
        "The URL or headers were refused before authentication: " + reason);
  }
}
