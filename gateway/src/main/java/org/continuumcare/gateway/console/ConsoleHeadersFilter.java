package org.continuumcare.gateway.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Puts {@link ConsoleSecurityHeaders} on every answer under {@code /console}. */
final class ConsoleHeadersFilter extends OncePerRequestFilter {

  private final ConsoleSecurityHeaders headers;

  ConsoleHeadersFilter(ConsoleSecurityHeaders headers) {
    this.headers = headers;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.equals("/console") || path.startsWith("/console/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", headers.contentSecurityPolicy());
    response.setHeader("X-Content-Type-Options", ConsoleSecurityHeaders.CONTENT_TYPE_OPTIONS);
    response.setHeader("Referrer-Policy", ConsoleSecurityHeaders.REFERRER_POLICY);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Cache-Control", "no-cache");
    chain.doFilter(request, response);
  }
}
