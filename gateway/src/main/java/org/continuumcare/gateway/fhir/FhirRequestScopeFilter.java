package org.continuumcare.gateway.fhir;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.continuumcare.gateway.fhir.FhirRequestScope.ClientConnection;
import org.continuumcare.gateway.web.RequestIdFilter;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs every {@code /fhir} request inside a {@link FhirRequestScope} known to the {@link
 * AbandonedRequestWatch}.
 */
final class FhirRequestScopeFilter extends OncePerRequestFilter {

  private final AbandonedRequestWatch watch;

  FhirRequestScopeFilter(AbandonedRequestWatch watch) {
    this.watch = watch;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String requestId = MDC.get(RequestIdFilter.MDC_KEY);
    FhirRequestScope scope =
        FhirRequestScope.enter(
            clientOf(request),
            System.nanoTime(),
            request.getMethod()
                + " "
                + request.getRequestURI()
                + (requestId == null ? "" : " (request " + requestId + ")"));
    watch.started(scope);
    try {
      chain.doFilter(request, response);
    } finally {
      watch.ended(scope);
      scope.close();
    }
  }

  private static ClientConnection clientOf(HttpServletRequest request) {
    return request.getRemotePort() > 0 && request.getLocalPort() > 0
        ? new ClientConnection(request.getRemotePort(), request.getLocalPort())
        : null;
  }
}
