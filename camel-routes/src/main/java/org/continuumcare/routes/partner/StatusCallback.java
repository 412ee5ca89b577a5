package org.continuumcare.routes.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.continuumcare.routes.partnerjson.PartnerJsonSchema;
import org.hl7.fhir.r4.model.Task;

/**
 * A partner's status message about one referral, as its package defines it: the JSON Schema the
 * message obeys, the record it reads into, where it names our ReferralTask, and the mapper from the
 * message (and the stored Task) to a {@link PartnerReport}.
 *
 * @param <T> the message record
 */
public final class StatusCallback<T> {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final String interaction;
  private final PartnerJsonSchema schema;
  private final Class<T> type;
  private final Function<T, String> referralId;
  private final BiFunction<T, Task, PartnerReport> report;

  /**
   * @param interaction name of the exchange in logs and AuditEvents, e.g. {@code
   *     housing-status-callback}
   * @param schema the message's JSON Schema on the classpath
   * @param type the record the message reads into
   * @param referralId the ReferralTask id the message names
   * @param report the message and the stored Task it names -> what changes
   */
  public StatusCallback(
      String interaction,
      String schema,
      Class<T> type,
      Function<T, String> referralId,
      BiFunction<T, Task, PartnerReport> report) {
    this.interaction = Objects.requireNonNull(interaction, "interaction");
    this.schema = PartnerJsonSchema.fromClasspath(Objects.requireNonNull(schema, "schema"));
    this.type = Objects.requireNonNull(type, "type");
    this.referralId = Objects.requireNonNull(referralId, "referralId");
    this.report = Objects.requireNonNull(report, "report");
  }

  public String interaction() {
    return interaction;
  }

  /**
   * Checks the message against its schema (a HAPI exception naming each violation) and reads it.
   *
   * @throws JsonProcessingException when the JSON does not read into the message record
   */
  public Reading read(JsonNode document) throws JsonProcessingException {
    schema.requireValid(document);
    T message = JSON.treeToValue(document, type);
    return new Reading(referralId.apply(message), task -> report.apply(message, task));
  }

  /**
   * One message read: the ReferralTask it names and what it means once that Task is read.
   *
   * @param referralId the ReferralTask id
   * @param report the stored Task -> what changes (mappers may refuse with a HAPI exception)
   */
  public record Reading(String referralId, Function<Task, PartnerReport> report) {}
}
