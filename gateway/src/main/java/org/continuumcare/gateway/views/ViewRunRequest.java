package org.continuumcare.gateway.views;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The inputs of one {@code $run}, from the query string (GET) or a {@code Parameters} body (POST):
 * the view (inline {@code viewResource}, or stored: {@code viewReference} or the instance the
 * operation was called on), {@code _format}, {@code header}, {@code patient}, {@code group}, {@code
 * _since} and {@code _limit}.
 */
record ViewRunRequest(
    JsonNode viewResource,
    String viewReference,
    RunFormat format,
    boolean header,
    List<String> patients,
    List<String> groups,
    Instant since,
    Integer limit) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static ViewRunRequest fromQuery(Map<String, String[]> query, String instanceId) {
    Inputs in = new Inputs();
    query.forEach(
        (name, values) -> {
          for (String value : values) {
            in.add(name, value);
          }
        });
    return in.toRequest(instanceId);
  }

  static ViewRunRequest fromParameters(
      InputStream body, Map<String, String[]> query, String instanceId) {
    Inputs in = new Inputs();
    query.forEach(
        (name, values) -> {
          for (String value : values) {
            in.add(name, value);
          }
        });
    JsonNode parameters;
    try {
      parameters = JSON.readTree(body);
    } catch (IOException e) {
      throw new InvalidRequestException("The body is not JSON: a Parameters resource is expected");
    }
    if (parameters == null || parameters.isMissingNode() || parameters.isNull()) {
      return in.toRequest(instanceId);
    }
    if (!"Parameters".equals(parameters.path("resourceType").asText())) {
      throw new InvalidRequestException("The body of $run is a Parameters resource");
    }
    for (JsonNode parameter : parameters.path("parameter")) {
      String name = parameter.path("name").asText();
      if ("viewResource".equals(name)) {
        if (!parameter.path("resource").isObject()) {
          throw new InvalidRequestException("Parameters.parameter viewResource has no resource");
        }
        in.view = parameter.get("resource");
        continue;
      }
      String value = value(parameter);
      if (value == null) {
        throw new InvalidRequestException("Parameters.parameter " + name + " has no value");
      }
      in.add(name, value);
    }
    return in.toRequest(instanceId);
  }

  /**
   * The filters and format of a {@code $viewdefinition-export} (default format parquet): every
   * input of {@code $run} but the view, from the query string and the top-level parameters.
   */
  static ViewRunRequest exportFilters(
      Map<String, String[]> query, List<Map.Entry<String, String>> parameters) {
    Inputs in = new Inputs();
    query.forEach(
        (name, values) -> {
          for (String value : values) {
            in.add(name, value);
          }
        });
    parameters.forEach(parameter -> in.add(parameter.getKey(), parameter.getValue()));
    if (in.limit != null) {
      throw new InvalidRequestException("_limit does not apply to $viewdefinition-export");
    }
    return in.toRequest(null, false);
  }

  /** The value of a Parameters.parameter (a primitive, or a Reference's reference), if any. */
  static String value(JsonNode parameter) {
    String value = null;
    for (var field = parameter.fieldNames(); field.hasNext(); ) {
      String key = field.next();
      if (key.startsWith("value")) {
        JsonNode v = parameter.get(key);
        value = v.isObject() ? v.path("reference").asText(null) : v.asText();
      }
    }
    return value;
  }

  /** Collects inputs from either form, refusing what $run does not know. */
  private static final class Inputs {
    JsonNode view;
    String viewReference;
    String format;
    String header;
    final List<String> patients = new ArrayList<>();
    final List<String> groups = new ArrayList<>();
    String since;
    String limit;

    void add(String name, String value) {
      switch (name) {
        case "_format" -> format = value;
        case "header" -> header = value;
        case "viewReference" -> viewReference = value;
        case "patient" -> patients.add(value);
        case "group" -> groups.add(value);
        case "_since" -> since = value;
        case "_limit" -> limit = value;
        case "_pretty", "_summary" -> {}
        default -> throw new InvalidRequestException("Unknown parameter '" + name + "' for $run");
      }
    }

    ViewRunRequest toRequest(String instanceId) {
      return toRequest(instanceId, true);
    }

    ViewRunRequest toRequest(String instanceId, boolean needsView) {
      if (!needsView) {
        if (format == null) {
          format = "parquet";
        }
      } else if (instanceId != null) {
        if (view != null || viewReference != null) {
          throw new InvalidRequestException(
              "$run on a stored view takes neither viewResource nor viewReference");
        }
        viewReference = "ViewDefinition/" + instanceId;
      } else if ((view == null) == (viewReference == null)) {
        throw new InvalidRequestException(
            "$run needs exactly one of viewResource and viewReference");
      }
      if (header != null && !header.equals("true") && !header.equals("false")) {
        throw new InvalidRequestException("header is true or false, not '" + header + "'");
      }
      Integer max = null;
      if (limit != null) {
        try {
          max = Integer.valueOf(limit);
        } catch (NumberFormatException e) {
          max = -1;
        }
        if (max < 1) {
          throw new InvalidRequestException("_limit is a positive integer, not '" + limit + "'");
        }
      }
      Instant from = null;
      if (since != null) {
        try {
          from = OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException e) {
          throw new InvalidRequestException(
              "_since is a FHIR instant (e.g. 2026-01-01T00:00:00Z), not '" + since + "'");
        }
      }
      return new ViewRunRequest(
          view,
          viewReference,
          RunFormat.of(format),
          !"false".equals(header),
          List.copyOf(patients),
          List.copyOf(groups),
          from,
          max);
    }
  }
}
