package org.continuumcare.gateway.views;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.gateway.views.engine.ViewRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code $viewdefinition-export}, asynchronous like Bulk Data {@code $export}: the kick-off ({@code
 * Prefer: respond-async}) checks every view and the caller's scopes, then answers 202 with {@code
 * Content-Location}, the status URL. Polling it answers 202 ({@code X-Progress}, {@code
 * Retry-After}) until the export ends, then 200 with the manifest; {@code DELETE} cancels and
 * removes the files (then 404). Files are downloaded from the manifest's URLs. Only the client that
 * started an export sees it. Partner clients cannot export (403): they read only what is addressed
 * to them, one request at a time.
 */
@Interceptor
final class ViewExportEndpoint {

  private static final Logger log = LoggerFactory.getLogger(ViewExportEndpoint.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern KICK_OFF =
      Pattern.compile("^/ViewDefinition(?:/([A-Za-z0-9\\-.]{1,64}))?/\\$viewdefinition-export/?$");
  private static final Pattern STATUS =
      Pattern.compile("^/ViewDefinition/\\$viewdefinition-export-status/([0-9a-f\\-]{36})/?$");
  private static final Pattern FILE =
      Pattern.compile(
          "^/ViewDefinition/\\$viewdefinition-export-file/([0-9a-f\\-]{36})/([A-Za-z0-9_]{1,64}\\.(?:parquet|ndjson|csv))$");

  private final ViewRunService views;
  private final StoredViews stored;
  private final ViewExports exports;
  private final ViewRunEndpoint.Errors errors;

  ViewExportEndpoint(
      ViewRunService views,
      StoredViews stored,
      ViewExports exports,
      ViewRunEndpoint.Errors errors) {
    this.views = views;
    this.stored = stored;
    this.exports = exports;
    this.errors = errors;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
  public boolean handle(HttpServletRequest http, HttpServletResponse response) throws IOException {
    String path = http.getPathInfo();
    if (path == null || !path.startsWith("/ViewDefinition")) {
      return true;
    }
    Matcher kickOff = KICK_OFF.matcher(path);
    Matcher status = STATUS.matcher(path);
    Matcher file = FILE.matcher(path);
    if (!kickOff.matches() && !status.matches() && !file.matches()) {
      return true;
    }
    try {
      Caller caller =
          Caller.current().orElseThrow(() -> new ForbiddenOperationException("No caller"));
      if (kickOff.matches()) {
        kickOff(http, response, caller, kickOff.group(1));
      } else if (status.matches()) {
        status(http, response, caller, status.group(1));
      } else {
        download(http, response, caller, file.group(1), file.group(2));
      }
    } catch (BaseServerResponseException refused) {
      log.info(
          "ViewDefinition export request refused: {} {}",
          refused.getStatusCode(),
          refused.getMessage());
      errors.write(response, refused);
    }
    return false;
  }

  private void kickOff(
      HttpServletRequest http, HttpServletResponse response, Caller caller, String instanceId)
      throws IOException {
    if (!"POST".equals(http.getMethod())
        && !("GET".equals(http.getMethod()) && instanceId != null)) {
      throw new MethodNotAllowedException(
          "$viewdefinition-export is POST (or GET on a stored view)");
    }
    if (caller.isPartner()) {
      throw new ForbiddenOperationException("Partner clients cannot export views");
    }
    String prefer = http.getHeader("Prefer");
    if (prefer == null || !prefer.contains("respond-async")) {
      throw new InvalidRequestException(
          "$viewdefinition-export is asynchronous: send Prefer: respond-async");
    }
    Map<String, JsonNode> named = new LinkedHashMap<>();
    List<Map.Entry<String, String>> filters = new ArrayList<>();
    if (instanceId != null) {
      JsonNode view = stored.read("ViewDefinition/" + instanceId);
      named.put(view.path("name").asText(instanceId.replace('-', '_')), view);
    }
    if ("POST".equals(http.getMethod())) {
      JsonNode body;
      try {
        body = JSON.readTree(http.getInputStream());
      } catch (IOException e) {
        throw new InvalidRequestException(
            "The body is not JSON: a Parameters resource is expected");
      }
      if (body != null && !body.isMissingNode() && !body.isNull()) {
        if (!"Parameters".equals(body.path("resourceType").asText())) {
          throw new InvalidRequestException(
              "The body of $viewdefinition-export is a Parameters resource");
        }
        int index = 0;
        for (JsonNode parameter : body.path("parameter")) {
          String name = parameter.path("name").asText();
          if ("view".equals(name)) {
            if (instanceId != null) {
              throw new InvalidRequestException(
                  "$viewdefinition-export on a stored view takes no view parameter");
            }
            view(parameter, index++, named);
          } else {
            String value = ViewRunRequest.value(parameter);
            if (value == null) {
              throw new InvalidRequestException("Parameters.parameter " + name + " has no value");
            }
            filters.add(new AbstractMap.SimpleEntry<>(name, value));
          }
        }
      }
    }
    if (named.isEmpty()) {
      throw new InvalidRequestException("$viewdefinition-export needs at least one view");
    }
    ViewRunRequest run = ViewRunRequest.exportFilters(http.getParameterMap(), filters);
    Map<String, ViewRunner> runners = new LinkedHashMap<>();
    named.forEach(
        (name, view) ->
            runners.put(
                name,
                views.prepare(
                    new ViewRunRequest(
                        view,
                        null,
                        run.format(),
                        true,
                        run.patients(),
                        run.groups(),
                        run.since(),
                        null),
                    caller)));
    String request =
        http.getRequestURL() + (http.getQueryString() == null ? "" : "?" + http.getQueryString());
    ViewExport export = exports.start(caller, runners, run, request);
    String location = base(http) + "/ViewDefinition/$viewdefinition-export-status/" + export.id;
    log.info(
        "View export {} started for {}: {} views as {}",
        export.id,
        caller.clientId(),
        runners.size(),
        run.format());
    response.setStatus(202);
    response.setHeader("Content-Location", location);
    response.setContentType("application/fhir+json;charset=UTF-8");
    ObjectNode parameters = JSON.createObjectNode().put("resourceType", "Parameters");
    ArrayNode out = parameters.putArray("parameter");
    out.addObject().put("name", "exportId").put("valueString", export.id);
    out.addObject().put("name", "status").put("valueCode", "accepted");
    out.addObject().put("name", "location").put("valueUri", location);
    out.addObject().put("name", "_format").put("valueCode", ViewExports.extension(run.format()));
    JSON.writeValue(response.getOutputStream(), parameters);
  }

  private void view(JsonNode parameter, int index, Map<String, JsonNode> named) {
    String name = null;
    JsonNode view = null;
    for (JsonNode part : parameter.path("part")) {
      switch (part.path("name").asText()) {
        case "name" -> name = ViewRunRequest.value(part);
        case "viewReference" -> view = stored.read(ViewRunRequest.value(part));
        case "viewResource" -> view = part.get("resource");
        default ->
            throw new InvalidRequestException(
                "Unknown part '" + part.path("name").asText() + "' of view");
      }
    }
    if (view == null || !view.isObject()) {
      throw new InvalidRequestException(
          "view[" + index + "] needs a viewReference or a viewResource");
    }
    if (name == null) {
      name = view.path("name").asText("view_" + index);
    }
    if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
      throw new InvalidRequestException(
          "view[" + index + "] name '" + name + "' is not a valid table name");
    }
    if (named.put(name, view) != null) {
      throw new InvalidRequestException("Two views are named '" + name + "'");
    }
  }

  private void status(
      HttpServletRequest http, HttpServletResponse response, Caller caller, String id)
      throws IOException {
    if ("DELETE".equals(http.getMethod())) {
      if (!exports.cancel(id, caller)) {
        throw new ResourceNotFoundException("No export " + id);
      }
      log.info("View export {} cancelled by {}", id, caller.clientId());
      response.setStatus(202);
      return;
    }
    if (!"GET".equals(http.getMethod())) {
      throw new MethodNotAllowedException("The export status is GET or DELETE");
    }
    ViewExport export =
        exports
            .find(id, caller)
            .orElseThrow(() -> new ResourceNotFoundException("No export " + id));
    switch (export.status) {
      case ACCEPTED, IN_PROGRESS -> {
        response.setStatus(202);
        response.setHeader("X-Progress", export.outputs.size() + " of " + export.views + " views");
        response.setHeader("Retry-After", "2");
      }
      case FAILED ->
          throw new ca.uhn.fhir.rest.server.exceptions.InternalErrorException(
              "The export failed: " + export.error);
      default -> manifest(http, response, export);
    }
  }

  private void manifest(HttpServletRequest http, HttpServletResponse response, ViewExport export)
      throws IOException {
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("transactionTime", export.requested.toString());
    manifest.put("request", export.request);
    manifest.put("requiresAccessToken", true);
    ArrayNode output = manifest.putArray("output");
    for (ViewExport.Output file : export.outputs) {
      output
          .addObject()
          .put("name", file.name())
          .put("type", "ViewDefinition")
          .put(
              "url",
              base(http)
                  + "/ViewDefinition/$viewdefinition-export-file/"
                  + export.id
                  + "/"
                  + file.file())
          .put("count", file.rows());
    }
    manifest.putArray("error");
    response.setStatus(200);
    response.setContentType("application/json");
    JSON.writeValue(response.getOutputStream(), manifest);
  }

  private void download(
      HttpServletRequest http, HttpServletResponse response, Caller caller, String id, String name)
      throws IOException {
    if (!"GET".equals(http.getMethod())) {
      throw new MethodNotAllowedException("Export files are GET");
    }
    ViewExport export =
        exports
            .find(id, caller)
            .filter(found -> found.status == ViewExport.Status.COMPLETED)
            .orElseThrow(() -> new ResourceNotFoundException("No export " + id));
    if (export.outputs.stream().noneMatch(output -> output.file().equals(name))) {
      throw new ResourceNotFoundException("Export " + id + " has no file " + name);
    }
    Path file = export.folder.resolve(name);
    response.setStatus(200);
    response.setContentType(export.format.mediaType());
    response.setContentLengthLong(Files.size(file));
    Files.copy(file, response.getOutputStream());
  }

  private static String base(HttpServletRequest http) {
    String url = http.getRequestURL().toString();
    return url.substring(0, url.length() - http.getPathInfo().length());
  }
}
