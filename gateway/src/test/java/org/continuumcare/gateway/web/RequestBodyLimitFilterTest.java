package org.continuumcare.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestBodyLimitFilterTest {

  private final RequestBodyLimitFilter filter =
      new RequestBodyLimitFilter(16, new OperationOutcomeWriter(FhirContext.forR4Cached()));

  @Test
  void declaredLengthOverTheLimitIsRefusedWith413AndAnOperationOutcome() throws Exception {
    MockHttpServletRequest request = post("x".repeat(17));
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(request, response, chain);

    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentAsString())
        .contains("OperationOutcome")
        .contains("17 bytes")
        .contains("16 bytes");
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void chunkedBodyOverTheLimitIsRefusedOnceItPassesTheLimit() throws Exception {
    MockHttpServletRequest request = chunked("y".repeat(40));
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(request, response, chain);

    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void chunkedBodyWithinTheLimitReachesTheServletIntact() throws Exception {
    AtomicReference<String> received = new AtomicReference<>();
    HttpServlet servlet =
        new HttpServlet() {
          @Override
          protected void service(HttpServletRequest req, HttpServletResponse res)
              throws IOException {
            jakarta.servlet.ServletInputStream body = req.getInputStream();
            assertThat(body.isFinished()).isFalse();
            received.set(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(body.isFinished()).isTrue();
          }
        };

    filter.doFilter(
        chunked("{\"a\":1}"), new MockHttpServletResponse(), new MockFilterChain(servlet));

    assertThat(received.get()).isEqualTo("{\"a\":1}");
  }

  /** Room for a small gzip body on the wire (its header and trailer alone are 18 bytes). */
  private final RequestBodyLimitFilter gzipFilter =
      new RequestBodyLimitFilter(64, new OperationOutcomeWriter(FhirContext.forR4Cached()));

  @Test
  void aGzipBodyThatInflatesPastTheLimitIsRefusedWith413() throws Exception {
    MockHttpServletRequest request = gzipped("z".repeat(10_000));
    assertThat(request.getContentLengthLong()).as("within the limit on the wire").isLessThan(64);
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    gzipFilter.doFilter(request, response, chain);

    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentAsString())
        .contains("OperationOutcome")
        .contains("once inflated");
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void aGzipBodyWithinTheLimitReachesTheServletInflatedAndNoLongerEncoded() throws Exception {
    AtomicReference<String> received = new AtomicReference<>();
    AtomicReference<String> encoding = new AtomicReference<>("unset");
    HttpServlet servlet =
        new HttpServlet() {
          @Override
          protected void service(HttpServletRequest req, HttpServletResponse res)
              throws IOException {
            encoding.set(req.getHeader("Content-Encoding"));
            received.set(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
          }
        };

    gzipFilter.doFilter(
        gzipped("{\"a\":1}"), new MockHttpServletResponse(), new MockFilterChain(servlet));

    assertThat(received.get()).isEqualTo("{\"a\":1}");
    assertThat(encoding.get()).isNull();
  }

  @Test
  void aBodyThatIsNotGzipButSaysSoIsRefusedWith400() throws Exception {
    MockHttpServletRequest request = post("not gzip");
    request.addHeader("Content-Encoding", "gzip");
    MockHttpServletResponse response = new MockHttpServletResponse();

    filter.doFilter(request, response, new MockFilterChain());

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString())
        .contains("OperationOutcome")
        .contains("not valid gzip");
  }

  private static MockHttpServletRequest gzipped(String body) throws IOException {
    java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(compressed)) {
      gzip.write(body.getBytes(StandardCharsets.UTF_8));
    }
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/fhir/Patient");
    request.setContent(compressed.toByteArray());
    request.addHeader("Content-Encoding", "gzip");
    return request;
  }

  private static MockHttpServletRequest post(String body) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/fhir/Patient");
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    return request;
  }

  /** A request whose length is unknown, as with Transfer-Encoding: chunked. */
  private static MockHttpServletRequest chunked(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/fhir/Patient") {
          @Override
          public long getContentLengthLong() {
            return -1;
          }

          @Override
          public jakarta.servlet.ServletInputStream getInputStream() {
            return new DelegatingServletInputStream(new ByteArrayInputStream(bytes));
          }
        };
    return request;
  }
}
