package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The MLLP listener's frame timeout and size limit on a real loopback socket (short timeout, 8 KB
 * frames).
 */
class PrisonHandoffMllpLimitsTest extends CamelTestSupport {

  private final int port = AvailablePortFinder.getNextAvailable();
  private final List<Bundle> committed = new CopyOnWriteArrayList<>();

  @Override
  protected RoutesBuilder[] createRouteBuilders() {
    PrisonProperties properties =
        new PrisonProperties(
            true,
            "127.0.0.1",
            port,
            "direct:test-fhir-transaction",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new PrisonProperties.Mllp(Duration.ofMillis(300), DataSize.ofKilobytes(8)));
    RouteBuilder recordingStore =
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:test-fhir-transaction")
                .routeId("test-fhir-transaction")
                .process(exchange -> committed.add(exchange.getMessage().getBody(Bundle.class)));
          }
        };
    return new RoutesBuilder[] {
      new PrisonHandoffRoute(properties, new PrisonHandoffSteps(PrisonFixtures.translator())),
      recordingStore
    };
  }

  /** Reads until the server closes the connection; what came back (MLLP framing removed). */
  private static String readToClose(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b != 0x0b && b != 0x1c) {
        received.write(b);
      }
    }
    return received.toString(StandardCharsets.UTF_8).strip();
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(20_000);
    return socket;
  }

  @Test
  void aHalfSentFrameIsDroppedAndTheConnectionClosed() throws Exception {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(0x0b);
      out.write(Hl7v2Samples.discharge().substring(0, 200).getBytes(StandardCharsets.UTF_8));
      out.flush();

      assertThat(readToClose(socket)).as("closed without an answer").isEmpty();
    }
    assertThat(committed).isEmpty();
    assertThat(Hl7v2Acks.parse(sendWhole(Hl7v2Samples.discharge())).get("/MSA-1"))
        .as("the listener takes the next connection")
        .isEqualTo("AA");
  }

  @Test
  void anOversizedFrameIsAnsweredArAndNothingIsStored() throws Exception {
    String pid = Hl7v2Samples.segment("PID", 1, "1", 3, "RCF-1^^^RCF^MR", 5, "x".repeat(10_000));
    String message =
        PrisonFixtures.er7(Hl7v2Samples.MSH_251, Hl7v2Samples.EVN, pid, Hl7v2Samples.PV1);

    String ack = sendWhole(message);

    Hl7v2Acks parsed = Hl7v2Acks.parse(ack);
    assertThat(parsed.get("/MSA-1")).isEqualTo("AR");
    assertThat(parsed.get("/MSA-2")).isEqualTo("CTRL-1");
    assertThat(parsed.get("/ERR-3-1")).isEqualTo("102");
    assertThat(parsed.get("/ERR-8")).contains("larger than 8192 bytes");
    assertThat(committed).isEmpty();
  }

  private String sendWhole(String message) throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(0x0b);
      out.write(message.getBytes(StandardCharsets.UTF_8));
      out.write(new byte[] {0x1c, 0x0d});
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream ack = new ByteArrayOutputStream();
      for (int b = in.read(); b >= 0 && b != 0x1c; b = in.read()) {
        if (b != 0x0b) {
          ack.write(b);
        }
      }
      return ack.toString(StandardCharsets.UTF_8);
    }
  }
}
