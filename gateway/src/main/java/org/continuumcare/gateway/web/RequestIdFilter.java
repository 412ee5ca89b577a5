package org.continuumcare.gateway.web;

import ca.uhn.fhir.rest.server.ServletRequestTracing;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-ID} when it is a sane token, otherwise a
 * new UUID. The id goes into the logging MDC, to HAPI (which stamps it on {@code meta.source} of
 * stored resources), back to the caller in the response header, and onto one access-log line per
 * request. That line holds the method, the path without its query string (search parameters can
 * carry names and identifiers), the status and the duration: never a body.
 */
public final class RequestIdFilter extends OncePerRequestFilter {

  public static final String HEADER = "X-Request-ID";
  public static final String MDC_KEY = "requestId";

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Logger accessLog = LoggerFactory.getLogger("continuum.access");

  private final Supplier<String> idGenerator;

  public RequestIdFilter() {
    this(() -> UUID.randomUUID().toString());
  }

  RequestIdFilter(Supplier<String> idGenerator) {
    this.idGenerator = idGenerator;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String requestId = requestIdOf(request);
    long started = System.nanoTime();
    MDC.put(MDC_KEY, requestId);
    // HAPI takes the same id for its own tracing and for meta.source of what this request stores.
    request.setAttribute(ServletRequestTracing.ATTRIBUTE_REQUEST_ID, requestId);
    response.setHeader(HEADER, requestId);
    try {
      chain.doFilter(request, response);
    } finally {
      accessLog.info(
          "{} {} -> {} in {} ms",
          request.getMethod(),
          request.getRequestURI(),
          response.getStatus(),
          (System.nanoTime() - started) / 1_000_000);
      MDC.remove(MDC_KEY);
    }
  }

  private String requestIdOf(HttpServletRequest request) {
    String offered = request.getHeader(HEADER);
    return offered != null && SAFE_ID.matcher(offered).matches() ? offered : idGenerator.get();
  }
}
