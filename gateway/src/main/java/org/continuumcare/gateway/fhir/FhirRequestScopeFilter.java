package org.continuumcare.gateway.fhir;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Runs every {@code /fhir} request inside a {@link FhirRequestScope}. */
final class FhirRequestScopeFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try (FhirRequestScope ignored = FhirRequestScope.enter()) {
      chain.doFilter(request, response);
    }
  }
}
