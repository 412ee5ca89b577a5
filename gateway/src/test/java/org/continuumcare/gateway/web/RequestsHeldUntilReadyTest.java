package org.continuumcare.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Between Tomcat's start and the application being ready, requests wait instead of being answered.
 */
class RequestsHeldUntilReadyTest {

  private final HttpClient client = HttpClient.newHttpClient();
  private TomcatWebServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void aRequestMadeBeforeReadinessIsAnsweredOnlyOnceTheApplicationIsReady() throws Exception {
    RequestsHeldUntilReady hold = new RequestsHeldUntilReady();
    TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
    factory.addConnectorCustomizers(hold);
    server =
        (TomcatWebServer)
            factory.getWebServer(
                context ->
                    context
                        .addServlet(
                            "hello",
                            new HttpServlet() {
                              @Override
                              protected void doGet(
                                  HttpServletRequest request, HttpServletResponse response)
                                  throws IOException {
                                response.getWriter().write("hello");
                              }
                            })
                        .addMapping("/"));
    server.start();
    ServletWebServerApplicationContext context = new ServletWebServerApplicationContext();

    assertThatThrownBy(() -> get(Duration.ofMillis(500))).isInstanceOf(HttpTimeoutException.class);
    CompletableFuture<HttpResponse<String>> waiting =
        client.sendAsync(request(Duration.ofSeconds(60)), HttpResponse.BodyHandlers.ofString());

    hold.onApplicationEvent(
        new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));

    assertThat(waiting.get().body()).isEqualTo("hello");
    assertThat(get(Duration.ofSeconds(60)).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(Duration timeout) throws Exception {
    return client.send(request(timeout), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(Duration timeout) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/"))
        .timeout(timeout)
        .GET()
        .build();
  }
}
