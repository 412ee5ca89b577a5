package org.continuumcare.routes.prison;

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
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a JSON handoff against {@code prison/release-handoff.schema.json} (draft 2020-12, formats
 * asserted) and the rules a schema cannot express (date order, dates in the future), returning
 * EVERY error with a JSON pointer.
 */
public final class ReleaseHandoffJsonValidator {

  public static final String SCHEMA = "prison/release-handoff.schema.json";

  private final JsonSchema schema;
  private final Clock clock;

  public ReleaseHandoffJsonValidator(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .locale(Locale.ENGLISH)
            .build();
    try (InputStream in =
        ReleaseHandoffJsonValidator.class.getClassLoader().getResourceAsStream(SCHEMA)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + SCHEMA);
      }
      this.schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every error, sorted by pointer; empty when the handoff is valid. */
  public List<HandoffProblem.FieldError> validate(JsonNode body) {
    Set<HandoffProblem.FieldError> errors = new LinkedHashSet<>();
    for (ValidationMessage message : schema.validate(body)) {
      String pointer = message.getInstanceLocation().toString();
      if (message.getProperty() != null
          && ("required".equals(message.getType())
              || "additionalProperties".equals(message.getType()))) {
        pointer = pointer + "/" + message.getProperty();
      }
      errors.add(new HandoffProblem.FieldError(pointer, message.getError()));
    }
    if (errors.isEmpty()) {
      errors.addAll(rules(body));
    }
    List<HandoffProblem.FieldError> sorted = new ArrayList<>(errors);
    sorted.sort(Comparator.comparing(HandoffProblem.FieldError::pointer));
    return sorted;
  }

  private List<HandoffProblem.FieldError> rules(JsonNode body) {
    List<HandoffProblem.FieldError> errors = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    LocalDate release = date(body, "/release/date", errors);
    LocalDate earliest = date(body, "/release/earliest", errors);
    LocalDate latest = date(body, "/release/latest", errors);
    LocalDate birth = date(body, "/person/birthDate", errors);
    if (release != null && earliest != null && earliest.isAfter(release)) {
      errors.add(
          new HandoffProblem.FieldError("/release/earliest", "must not be after the release date"));
    }
    if (release != null && latest != null && latest.isBefore(release)) {
      errors.add(
          new HandoffProblem.FieldError("/release/latest", "must not be before the release date"));
    }
    if (birth != null && birth.isAfter(today)) {
      errors.add(new HandoffProblem.FieldError("/person/birthDate", "must not be in the future"));
    }
    if (birth != null && release != null && release.isBefore(birth)) {
      errors.add(
          new HandoffProblem.FieldError("/release/date", "must not be before the birth date"));
    }
    JsonNode medications = body.path("medications");
    for (int i = 0; i < medications.size(); i++) {
      JsonNode lastDose = medications.get(i).path("lastDose").path("dateTime");
      String pointer = "/medications/" + i + "/lastDose/dateTime";
      if (!lastDose.isTextual()) {
        continue;
      }
      try {
        if (ReleaseHandoffJsonMapper.dateTime(lastDose.asText())
            .toInstant()
            .isAfter(clock.instant())) {
          errors.add(new HandoffProblem.FieldError(pointer, "must not be in the future"));
        }
      } catch (DateTimeParseException e) {
        errors.add(new HandoffProblem.FieldError(pointer, "is not a valid date-time"));
      }
    }
    return errors;
  }

  private static LocalDate date(
      JsonNode body, String pointer, List<HandoffProblem.FieldError> errors) {
    JsonNode node = body.at(pointer);
    if (!node.isTextual()) {
      return null;
    }
    try {
      return LocalDate.parse(node.asText());
    } catch (DateTimeParseException e) {
      errors.add(new HandoffProblem.FieldError(pointer, "is not a valid date"));
      return null;
    }
  }
}
