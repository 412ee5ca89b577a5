package org.continuumcare.routes.partnerjson;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * One of our partner JSON Schemas (draft 2020-12, formats asserted), used to check what partners
 * send us and, in tests, what we send them. Every violation is reported, with its JSON pointer.
 */
public final class PartnerJsonSchema {

  private final String resource;
  private final JsonSchema schema;

  private PartnerJsonSchema(String resource, JsonSchema schema) {
    this.resource = resource;
    this.schema = schema;
  }

  public static PartnerJsonSchema fromClasspath(String resource) {
    Objects.requireNonNull(resource, "resource");
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .locale(Locale.ENGLISH)
            .build();
    try (InputStream in = PartnerJsonSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("JSON Schema not found on the classpath: " + resource);
      }
      return new PartnerJsonSchema(
          resource,
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every violation as {@code "<pointer>: <message>"}, sorted; empty when the document conforms.
   */
  public List<String> violations(JsonNode document) {
    return schema.validate(document).stream()
        .map(PartnerJsonSchema::describe)
        .distinct()
        .sorted()
        .toList();
  }

  /**
   * Throws a 400 {@link InvalidRequestException} whose OperationOutcome has one issue per
   * violation.
   */
  public void requireValid(JsonNode document) {
    List<String> violations = violations(document);
    if (violations.isEmpty()) {
      return;
    }
    OperationOutcome outcome = new OperationOutcome();
    violations.forEach(
        v ->
            outcome
                .addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(IssueType.INVALID)
                .setDiagnostics(v));
    throw new InvalidRequestException(
        "Request body does not match " + resource + ": " + String.join("; ", violations), outcome);
  }

  private static String describe(ValidationMessage message) {
    String pointer = message.getInstanceLocation().toString();
    if (message.getProperty() != null
        && ("required".equals(message.getType())
            || "additionalProperties".equals(message.getType()))) {
      pointer = pointer + "/" + message.getProperty();
    }
    return (pointer.isEmpty() ? "/" : pointer) + ": " + message.getMessage();
  }
}
