package org.continuumcare.gateway.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A real Keycloak (the {@code keycloak-quarkus-dist} the build unpacked under {@code
 * target/keycloak}) started in development mode on free ports, with the repository's realm ({@code
 * deploy/keycloak/continuum-realm.json}) imported. Keycloak 26 needs Java 21 or later: the JDK is
 * {@code -Dkeycloak.java.home}, else the first JDK of 21 or later under {@code /usr/lib/jvm}.
 */
final class KeycloakServer {

  static final String REALM = "continuum";

  /** Keycloak builds itself at its first start: minutes on a busy machine. */
  private static final Duration STARTUP =
      Duration.ofMinutes(Long.getLong("keycloak.startup-minutes", 15));

  private final Process process;
  private final int port;

  private KeycloakServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts Keycloak from {@code home} with {@code realmFile} imported, and waits until ready. */
  static KeycloakServer start(Path home, Path realmFile, Path log) {
    try {
      Path imports = home.resolve("data").resolve("import");
      Files.createDirectories(imports);
      Files.copy(
          realmFile, imports.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      int port = freePort();
      int managementPort = freePort();
      Path javaHome = javaHome();
      ProcessBuilder builder =
          new ProcessBuilder(
                  List.of(
                      home.resolve("bin").resolve("kc.sh").toString(),
                      "start-dev",
                      "--http-port=" + port,
                      "--http-management-port=" + managementPort,
                      "--import-realm",
                      "--db=dev-mem",
                      "--cache=local"))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("JAVA_HOME", javaHome.toString());
      builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
      Files.createDirectories(log.getParent());
      KeycloakServer server = new KeycloakServer(builder.start(), port);
      try {
        server.awaitRealm(log);
      } catch (RuntimeException | Error notStarted) {
        server.stop();
        throw notStarted;
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The realm's issuer ({@code iss} of its tokens). */
  String issuer() {
    return "http://localhost:" + port + "/realms/" + REALM;
  }

  String tokenEndpoint() {
    return issuer() + "/protocol/openid-connect/token";
  }

  String authorizationEndpoint() {
    return issuer() + "/protocol/openid-connect/auth";
  }

  private void awaitRealm(Path log) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
    Awaitility.await("Keycloak serving the realm (log: " + log + ")")
        .atMost(STARTUP)
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "Keycloak stopped while starting; see " + log.toAbsolutePath());
              }
              try {
                return http.send(
                            HttpRequest.newBuilder(discovery)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200;
              } catch (IOException notYet) {
                return false;
              }
            });
  }

  void stop() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** A JDK of 21 or later: {@code -Dkeycloak.java.home}, else one under {@code /usr/lib/jvm}. */
  static Path javaHome() {
    String configured = System.getProperty("keycloak.java.home", "");
    if (!configured.isBlank()) {
      return Path.of(configured);
    }
    try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
      Optional<Path> found =
          jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin").resolve("java")))
              .filter(jdk -> featureVersion(jdk) >= 21)
              .sorted()
              .findFirst();
      return found.orElseThrow(
          () ->
              new IllegalStateException(
                  "Keycloak needs Java 21 or later: install one (e.g. Debian's"
                      + " openjdk-21-jre-headless) or set -Dkeycloak.java.home"));
    } catch (IOException e) {
      throw new IllegalStateException(
          "Keycloak needs Java 21 or later: set -Dkeycloak.java.home", e);
    }
  }

  /**
   * The major version in a JDK's {@code release} file ({@code JAVA_VERSION="21.0.4"}); 0 if none.
   */
  static int featureVersion(Path jdk) {
    try {
      for (String line : Files.readAllLines(jdk.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          String major = version.split("[.+-]")[0];
          return Integer.parseInt(major);
        }
      }
    } catch (IOException | NumberFormatException unknown) {
      return 0;
    }
    return 0;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
