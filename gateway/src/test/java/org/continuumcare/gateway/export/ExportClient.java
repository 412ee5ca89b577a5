package org.continuumcare.gateway.export;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.batch2.api.IJobMaintenanceService;
import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A Bulk Data client for the ITs: kicks off, polls (running HAPI's job maintenance between polls,
 * so a job advances without waiting for the scheduler) and downloads NDJSON files, each request
 * carrying the given client's token.
 */
public final class ExportClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Function<String, HttpRequest.Builder> requestAs;
  private final IJobMaintenanceService maintenance;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * @param requestAs a request to an absolute path, for a client id (see GatewayIntegrationTest)
   */
  public ExportClient(
      Function<String, HttpRequest.Builder> requestAs, IJobMaintenanceService maintenance) {
    this.requestAs = requestAs;
    this.maintenance = maintenance;
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> kickoff(String path) {
    return send(
        requestAs
            .apply(path)
            .header("Prefer", "respond-async")
            .header("Accept", "application/fhir+json"));
  }

  /** A kick-off by POST of a Parameters resource (needed for {@code patient}). */
  public HttpResponse<String> kickoffPost(String path, String parametersJson) {
    return send(
        requestAs
            .apply(path)
            .header("Prefer", "respond-async")
            .header("Accept", "application/fhir+json")
            .header("Content-Type", "application/fhir+json")
            .POST(HttpRequest.BodyPublishers.ofString(parametersJson)));
  }

  /** The Parameters of a Patient-level export of {@code type} for {@code patientIds}. */
  public static String patientExport(String type, String... patientIds) {
    StringBuilder json =
        new StringBuilder(
                "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"_type\",\"valueString\":\"")
            .append(type)
            .append("\"}");
    for (String id : patientIds) {
      json.append(",{\"name\":\"patient\",\"valueReference\":{\"reference\":\"Patient/")
          .append(id)
          .append("\"}}");
    }
    return json.append("]}").toString();
  }

  /** The status URL's path and query, from a kick-off's Content-Location. */
  public String statusPath(HttpResponse<String> kickoff) {
    assertThat(kickoff.statusCode()).as(kickoff.body()).isEqualTo(202);
    String location = kickoff.headers().firstValue("Content-Location").orElseThrow();
    return location.substring(location.indexOf("/fhir/"));
  }

  public HttpResponse<String> poll(String statusPath) {
    return send(requestAs.apply(statusPath).header("Accept", "application/json"));
  }

  public HttpResponse<String> cancel(String statusPath) {
    return send(requestAs.apply(statusPath).DELETE());
  }

  /** Polls until the manifest (200); every answer before it must be 202. */
  public JsonNode awaitManifest(String statusPath) {
    AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              maintenance.forceMaintenancePass();
              HttpResponse<String> response = poll(statusPath);
              last.set(response);
              if (response.statusCode() == 202) {
                assertThat(response.headers().firstValue("X-Progress")).isPresent();
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                return false;
              }
              return true;
            });
    assertThat(last.get().statusCode()).as(last.get().body()).isEqualTo(200);
    try {
      return JSON.readTree(last.get().body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The path of each output file of {@code type} in a manifest. */
  public List<String> files(JsonNode manifest, String type) {
    List<String> paths = new ArrayList<>();
    for (JsonNode output : manifest.get("output")) {
      if (type.equals(output.get("type").asText())) {
        String url = output.get("url").asText();
        paths.add(url.substring(url.indexOf("/fhir/")));
      }
    }
    return paths;
  }

  public HttpResponse<String> download(String filePath) {
    return send(requestAs.apply(filePath).header("Accept", "application/fhir+ndjson"));
  }

  /** Every resource of {@code type} in a manifest's files, as the given client downloads them. */
  public <T extends IBaseResource> List<T> resources(
      JsonNode manifest, Class<T> type, FhirContext fhir) {
    List<T> resources = new ArrayList<>();
    for (String file : files(manifest, fhir.getResourceType(type))) {
      HttpResponse<String> response = download(file);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      for (String line : response.body().split("\n")) {
        if (!line.isBlank()) {
          resources.add(fhir.newJsonParser().parseResource(type, line));
        }
      }
    }
    return resources;
  }
}
