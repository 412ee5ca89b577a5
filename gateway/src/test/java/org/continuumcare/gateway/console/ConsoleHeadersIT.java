package org.continuumcare.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/** The console's static pages: public, with their security headers; data stays behind tokens. */
class ConsoleHeadersIT extends GatewayIntegrationTest {

  private HttpResponse<String> get(String path) throws Exception {
    return http(HttpRequest.newBuilder(URI.create(baseUrl() + path)));
  }

  @Test
  void theConsoleIsServedWithoutATokenWithItsSecurityHeaders() throws Exception {
    HttpResponse<String> page = get("/console/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.body()).contains("js/app.js").doesNotContain("<script>");
  }

  @Test
  void aHeadRequestForTheConsoleGetsItsHeadersWithoutAToken() throws Exception {
    HttpResponse<String> head =
        http(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/console/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Security-Policy")).isPresent();
  }

  @Test
  void theConsolesScriptsAndStylesAreServedWithTheSameHeaders() throws Exception {
    HttpResponse<String> script = get("/console/js/app.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
    assertThat(script.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(get("/console/console.css").statusCode()).isEqualTo(200);
  }

  @Test
  void consoleWithoutSlashRedirectsToTheIndexPage() throws Exception {
    HttpResponse<String> redirect = get("/console");
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.headers().firstValue("Location").orElseThrow()).endsWith("/console/");
  }

  @Test
  void theConsolesDataCallsStillNeedAToken() throws Exception {
    assertThat(get("/fhir/Composition").statusCode()).isEqualTo(401);
  }
}
