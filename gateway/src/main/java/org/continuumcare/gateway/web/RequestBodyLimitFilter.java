package org.continuumcare.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the configured limit with 413 and an OperationOutcome, before any
 * parsing or storage. A declared {@code Content-Length} is checked up front; a chunked body of
 * unknown length is read up to the limit and refused as soon as it passes it. A body sent with
 * {@code Content-Encoding: gzip} is inflated here, under the same limit for its inflated size (a
 * small upload inflating to gigabytes is refused as soon as it passes the limit), and handed on
 * decoded; one that is not valid gzip is a 400.
 */
public final class RequestBodyLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;
  private final OperationOutcomeWriter errors;

  public RequestBodyLimitFilter(long maxBytes, OperationOutcomeWriter errors) {
    this.maxBytes = maxBytes;
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      refuse(response, declared + " bytes");
      return;
    }
    if (isGzip(request)) {
      inflate(request, response, chain);
      return;
    }
    if (declared >= 0 || !hasBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body =
        request.getInputStream().readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
    if (body.length > maxBytes) {
      refuse(response, "more than " + maxBytes + " bytes");
      return;
    }
    chain.doFilter(new BufferedBodyRequest(request, body), response);
  }

  private static boolean isGzip(HttpServletRequest request) {
    String encoding = request.getHeader(CONTENT_ENCODING);
    return encoding != null
        && ("gzip".equalsIgnoreCase(encoding.trim()) || "x-gzip".equalsIgnoreCase(encoding.trim()));
  }

  private void inflate(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body;
    try (InputStream inflating = new GZIPInputStream(request.getInputStream())) {
      body = inflating.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
    } catch (java.util.zip.ZipException | java.io.EOFException corrupt) {
      errors.write(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "invalid",
          "The request body is not valid gzip (Content-Encoding: gzip): " + corrupt.getMessage());
      return;
    }
    if (body.length > maxBytes) {
      refuse(response, "more than " + maxBytes + " bytes once inflated");
      return;
    }
    chain.doFilter(new DecodedBodyRequest(request, body), response);
  }

  private static boolean hasBody(HttpServletRequest request) {
    String method = request.getMethod();
    return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
  }

  private void refuse(HttpServletResponse response, String size) throws IOException {
    errors.write(
        response,
        HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
        "too-costly",
        "Request body of "
            + size
            + " exceeds the limit of "
            + maxBytes
            + " bytes (continuum.http.max-request-body). Split the bundle or raise the limit.");
  }

  private static final String CONTENT_ENCODING = "Content-Encoding";

  /** The request with its inflated body, no longer content-encoded. */
  private static final class DecodedBodyRequest extends BufferedBodyRequest {

    DecodedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request, body);
    }

    @Override
    public String getHeader(String name) {
      return CONTENT_ENCODING.equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public java.util.Enumeration<String> getHeaders(String name) {
      return CONTENT_ENCODING.equalsIgnoreCase(name)
          ? java.util.Collections.emptyEnumeration()
          : super.getHeaders(name);
    }

    @Override
    public java.util.Enumeration<String> getHeaderNames() {
      return java.util.Collections.enumeration(
          java.util.Collections.list(super.getHeaderNames()).stream()
              .filter(name -> !CONTENT_ENCODING.equalsIgnoreCase(name))
              .toList());
    }
  }

  /** The request with its already-read body, replayable to the servlet. */
  private static class BufferedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          try {
            return in.available() == 0;
          } catch (IOException e) {
            return true;
          }
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous body only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }
}
