package org.continuumcare.gateway.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.continuumcare.gateway.fhir.FhirRequestScope.ClientConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClosedByClientTest {

  private static final String HEADER =
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";

  @Test
  void connectionsInCloseWaitAreFoundInBothTablesByTheirPorts(@TempDir Path proc) throws Exception {
    Path tcp =
        Files.writeString(
            proc.resolve("tcp"),
            String.join(
                "\n",
                HEADER,
                // 0.0.0.0:8080 listening
                "   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1272 1",
                // 127.0.0.1:8080 <- 127.0.0.1:50000, client closed (CLOSE_WAIT)
                "   1: 0100007F:1F90 0100007F:C350 08 00000000:00000000 00:00000000 00000000     0        0 1273 1",
                // 127.0.0.1:8080 <- 127.0.0.1:50001, open (ESTABLISHED)
                "   2: 0100007F:1F90 0100007F:C351 01 00000000:00000000 00:00000000 00000000     0        0 1274 1"));
    Path tcp6 =
        Files.writeString(
            proc.resolve("tcp6"),
            String.join(
                "\n",
                HEADER,
                // [::ffff:10.0.0.7]:8080 <- [::ffff:10.0.0.9]:40000, client closed
                "   0: 0000000000000000FFFF00000700000A:1F90 0000000000000000FFFF00000900000A:9C40 08 00000000:00000000 00:00000000 00000000 0 0 1 1"));

    ClosedByClient closed = new ClosedByClient(List.of(tcp, tcp6, proc.resolve("absent")));

    assertThat(closed.isAvailable()).isTrue();
    assertThat(closed.now())
        .containsExactlyInAnyOrder(
            new ClientConnection(50000, 8080), new ClientConnection(40000, 8080));
  }

  @Test
  void withoutTheKernelsTablesNothingIsAvailable(@TempDir Path proc) {
    ClosedByClient closed = new ClosedByClient(List.of(proc.resolve("tcp")));

    assertThat(closed.isAvailable()).isFalse();
    assertThat(closed.now()).isEmpty();
  }
}
