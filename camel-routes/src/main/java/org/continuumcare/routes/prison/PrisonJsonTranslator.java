package org.continuumcare.routes.prison;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * JSON in ({@code POST /api/handoffs}), FHIR transaction or RFC 9457 problem out: parse -> validate
 * -> map.
 */
public final class PrisonJsonTranslator {

  private final ObjectMapper objectMapper;
  private final ReleaseHandoffJsonValidator validator;
  private final ReleaseHandoffJsonMapper handoffMapper;
  private final ReleaseHandoffTransactionMapper transactionMapper;

  public PrisonJsonTranslator(
      ObjectMapper objectMapper,
      ReleaseHandoffJsonValidator validator,
      ReleaseHandoffJsonMapper handoffMapper,
      ReleaseHandoffTransactionMapper transactionMapper) {
    this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.handoffMapper = Objects.requireNonNull(handoffMapper, "handoffMapper");
    this.transactionMapper = Objects.requireNonNull(transactionMapper, "transactionMapper");
  }

  public JsonIntake translate(byte[] body) {
    JsonNode json;
    try {
      json = body == null || body.length == 0 ? null : objectMapper.readTree(body);
    } catch (StreamConstraintsException e) {
      // Nested or sized beyond the parser's limits (e.g. more than 1000 levels): refused before any
      // recursion.
      return new JsonIntake.Refused(
          HandoffProblem.malformed("the JSON exceeds a parser limit: " + e.getOriginalMessage()));
    } catch (JacksonException e) {
      JsonLocation location = e.getLocation();
      return new JsonIntake.Refused(
          HandoffProblem.malformed(
              location == null
                  ? "not valid JSON"
                  : "not valid JSON at line "
                      + location.getLineNr()
                      + ", column "
                      + location.getColumnNr()));
    } catch (IOException e) {
      return new JsonIntake.Refused(HandoffProblem.malformed("the body could not be read"));
    }
    if (json == null || json.isMissingNode()) {
      return new JsonIntake.Refused(HandoffProblem.malformed("the body is empty"));
    }
    List<HandoffProblem.FieldError> errors = validator.validate(json);
    if (!errors.isEmpty()) {
      return new JsonIntake.Refused(HandoffProblem.invalid(errors));
    }
    ReleaseHandoff handoff = handoffMapper.map(json, body);
    return new JsonIntake.Translated(handoff, transactionMapper.map(handoff));
  }
}
