package org.continuumcare.routes.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a loopback HTTP server of the test's own (no network). */
class BoundedExchangeTest {

  private final CountDownLatch releaseBody = new CountDownLatch(1);
  private final ExecutorService serverThreads = Executors.newCachedThreadPool();
  private HttpServer server;
  private HttpClient http;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/quick",
        exchange -> {
          byte[] body = "{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    // headers at once, then the body only when the test lets it go: a partner that stalls
    // mid-answer
    server.createContext(
        "/stalls",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write("{\"resourceType\":".getBytes(StandardCharsets.UTF_8));
            out.flush();
            releaseBody.await(30, TimeUnit.SECONDS);
            out.write("\"Patient\"}".getBytes(StandardCharsets.UTF_8));
          } catch (InterruptedException | IOException closedByClient) {
            Thread.currentThread().interrupt();
          }
        });
    server.setExecutor(serverThreads);
    server.start();
    http = HttpClient.newHttpClient();
  }

  @AfterEach
  void stopServer() {
    releaseBody.countDown();
    server.stop(0);
    serverThreads.shutdownNow();
  }

  @Test
  void completeAnswerInTimeIsReturnedAndLeavesTheThreadUninterrupted() throws Exception {
    HttpResponse<String> response =
        new BoundedExchange(http, Duration.ofSeconds(10)).send(request("/quick"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"resourceType\":\"Patient\"}");
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void bodyThatStallsAfterTheHeadersTimesOutAtTheLimit() {
    BoundedExchange bounded = new BoundedExchange(http, Duration.ofMillis(300));

    assertThatThrownBy(() -> bounded.send(request("/stalls")))
        .isInstanceOf(HttpTimeoutException.class)
        .hasMessage("no complete answer within PT0.3S");
    assertThat(Thread.interrupted()).as("the watchdog's interrupt is not left behind").isFalse();
  }

  @Test
  void manyExchangesInARowEachGetTheirOwnDeadline() throws Exception {
    BoundedExchange bounded = new BoundedExchange(http, Duration.ofSeconds(10));

    for (int i = 0; i < 50; i++) {
      assertThat(bounded.send(request("/quick")).statusCode()).isEqualTo(200);
    }
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void interruptFromSomeoneElseIsReportedAsAnInterrupt() {
    BoundedExchange bounded = new BoundedExchange(http, Duration.ofSeconds(10));
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> bounded.send(request("/quick")))
        .isInstanceOf(InterruptedException.class);
    Thread.interrupted();
  }

  private HttpRequest request(String path) {
    URI uri =
        URI.create(
            "http://"
                + server.getAddress().getHostString()
                + ":"
                + server.getAddress().getPort()
                + path);
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
  }
}
