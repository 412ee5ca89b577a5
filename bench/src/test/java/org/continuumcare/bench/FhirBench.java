package org.continuumcare.bench;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.UUID;

/** Settings and payloads shared by the simulations. Every run uses its own identifier system. */
final class FhirBench {

  static final String FHIR_BASE =
      System.getProperty("continuum.fhir-base", "http://localhost:8080/fhir");
  static final String RUN_SYSTEM = "urn:continuum:bench:" + UUID.randomUUID();

  private FhirBench() {}

  static int intProperty(String name, int defaultValue) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() || value.startsWith("$")
        ? defaultValue
        : Integer.parseInt(value);
  }

  /** A bearer token for every request (bench/token.sh prints one from the development issuer). */
  static final String TOKEN = System.getProperty("continuum.token", "");

  static HttpProtocolBuilder protocol() {
    if (TOKEN.isBlank() || TOKEN.startsWith("$")) {
      throw new IllegalStateException(
          "-Dcontinuum.token=... is required: the gateway answers 401 without a token "
              + "(TOKEN=$(bench/token.sh demo-admin 8080))");
    }
    return http.baseUrl(FHIR_BASE)
        .authorizationHeader("Bearer " + TOKEN)
        .contentTypeHeader("application/fhir+json")
        .acceptHeader("application/fhir+json")
        .disableCaching()
        .shareConnections();
  }

  static String patientJson(String value) {
    return "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\""
        + RUN_SYSTEM
        + "\",\"value\":\""
        + value
        + "\"}],"
        + "\"name\":[{\"family\":\"Bench"
        + (value.hashCode() & 0xff)
        + "\",\"given\":[\"Load\"]}],"
        + "\"gender\":\"unknown\",\"birthDate\":\"1980-01-01\"}";
  }

  /** A transaction of one Patient and 99 Observations that reference it by urn:uuid. */
  static String transactionJson(String value) {
    String patientUrn = "urn:uuid:" + UUID.randomUUID();
    StringBuilder json =
        new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
    json.append("{\"fullUrl\":\"")
        .append(patientUrn)
        .append("\",\"resource\":")
        .append(patientJson(value))
        .append(",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}");
    for (int i = 0; i < 99; i++) {
      json.append(",{\"fullUrl\":\"urn:uuid:")
          .append(UUID.randomUUID())
          .append("\",\"resource\":")
          .append("{\"resourceType\":\"Observation\",\"status\":\"final\",")
          .append("\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"71802-3\"}]},")
          .append("\"subject\":{\"reference\":\"")
          .append(patientUrn)
          .append("\"},")
          .append("\"valueString\":\"check-in ")
          .append(i)
          .append("\"}")
          .append(",\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}");
    }
    return json.append("]}").toString();
  }
}
