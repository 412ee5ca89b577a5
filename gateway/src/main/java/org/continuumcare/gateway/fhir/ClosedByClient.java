package org.continuumcare.gateway.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.continuumcare.gateway.fhir.FhirRequestScope.ClientConnection;

/**
 * Which TCP connections of this host the client has closed while the server still holds them open
 * (state CLOSE_WAIT), read from the kernel's tables {@code /proc/net/tcp} and {@code
 * /proc/net/tcp6} (Linux, the gateway's container platform). A servlet cannot learn that its client
 * left until it writes the answer; the kernel knows as soon as the client's FIN arrives.
 */
final class ClosedByClient {

  private static final String CLOSE_WAIT = "08";

  private final List<Path> tables;

  ClosedByClient(List<Path> tables) {
    this.tables = tables;
  }

  static ClosedByClient ofThisHost() {
    return new ClosedByClient(List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6")));
  }

  /** Whether the kernel's tables can be read here at all. */
  boolean isAvailable() {
    return tables.stream().anyMatch(Files::isReadable);
  }

  /** The connections in CLOSE_WAIT now. */
  Set<ClientConnection> now() {
    Set<ClientConnection> closed = new HashSet<>();
    for (Path table : tables) {
      if (Files.isReadable(table)) {
        try {
          Files.readAllLines(table).forEach(line -> parse(line, closed));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return closed;
  }

  /**
   * One line of the table: {@code sl local_address rem_address st ...}, each address and port in
   * hex ({@code 0100007F:1F90} is 127.0.0.1:8080), state {@code 08} CLOSE_WAIT.
   */
  static void parse(String line, Set<ClientConnection> closed) {
    String[] fields = line.trim().split("\\s+");
    if (fields.length < 4 || !CLOSE_WAIT.equals(fields[3]) || !fields[0].endsWith(":")) {
      return;
    }
    int localPort = port(fields[1]);
    int remotePort = port(fields[2]);
    if (localPort > 0 && remotePort > 0) {
      closed.add(new ClientConnection(remotePort, localPort));
    }
  }

  /** The port of {@code ADDRESS:PORT}, both in hex; -1 if malformed. */
  private static int port(String endpoint) {
    int colon = endpoint.lastIndexOf(':');
    try {
      return colon < 0 ? -1 : Integer.parseInt(endpoint.substring(colon + 1), 16);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
