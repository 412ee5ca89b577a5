package org.continuumcare.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.ServletRequestTracing;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTest {

  private final RequestIdFilter filter = new RequestIdFilter(() -> "generated-1");

  @Test
  void keepsTheCallersRequestIdAndPutsItInTheMdcForTheRequestOnly() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/metadata");
    request.addHeader("X-Request-ID", "abc-123");
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicReference<String> duringRequest = new AtomicReference<>();

    filter.doFilter(
        request,
        response,
        new MockFilterChain(
            new jakarta.servlet.http.HttpServlet() {
              @Override
              protected void service(
                  jakarta.servlet.http.HttpServletRequest req,
                  jakarta.servlet.http.HttpServletResponse res) {
                duringRequest.set(MDC.get(RequestIdFilter.MDC_KEY));
              }
            }));

    assertThat(response.getHeader("X-Request-ID")).isEqualTo("abc-123");
    assertThat(duringRequest.get()).isEqualTo("abc-123");
    assertThat(ServletRequestTracing.maybeGetRequestId(request)).isEqualTo("abc-123");
    assertThat(MDC.get(RequestIdFilter.MDC_KEY)).isNull();
  }

  @Test
  void replacesAnIdThatCouldForgeLogLinesWithAGeneratedOne() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/metadata");
    request.addHeader("X-Request-ID", "evil\n2026-01-01 INFO forged line");
    MockHttpServletResponse response = new MockHttpServletResponse();

    filter.doFilter(request, response, new MockFilterChain());

    assertThat(response.getHeader("X-Request-ID")).isEqualTo("generated-1");
  }

  @Test
  void issuesAnIdWhenTheCallerSendsNone() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();

    filter.doFilter(
        new MockHttpServletRequest("GET", "/fhir/metadata"), response, new MockFilterChain());

    assertThat(response.getHeader("X-Request-ID")).isEqualTo("generated-1");
  }
}
