package org.continuumcare.routes.prison;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.continuumcare.routes.prison.ReleaseHandoff.AssessmentSummary;
import org.continuumcare.routes.prison.ReleaseHandoff.Coded;
import org.continuumcare.routes.prison.ReleaseHandoff.HandoffCondition;
import org.continuumcare.routes.prison.ReleaseHandoff.HandoffMedication;
import org.continuumcare.routes.prison.ReleaseHandoff.LastDose;
import org.continuumcare.routes.prison.ReleaseHandoff.Needs;
import org.continuumcare.routes.prison.ReleaseHandoff.PersonIdentifier;
import org.continuumcare.routes.prison.ReleaseHandoff.PersonName;
import org.continuumcare.routes.prison.ReleaseHandoff.ReleaseDate;
import org.continuumcare.routes.prison.ReleaseHandoff.ReleaseFacility;
import org.continuumcare.routes.prison.ReleaseHandoff.SourceMessage;

/**
 * Pure mapper from a JSON handoff that {@link ReleaseHandoffJsonValidator} accepted to the same
 * {@link ReleaseHandoff} the HL7 v2 channel produces, so both share the FHIR mapping.
 */
public final class ReleaseHandoffJsonMapper {

  public static final String CONTENT_TYPE = "application/json";

  public ReleaseHandoff map(JsonNode body, byte[] original) {
    JsonNode person = body.path("person");
    List<PersonIdentifier> identifiers = new ArrayList<>();
    for (JsonNode identifier : person.path("identifiers")) {
      identifiers.add(
          new PersonIdentifier(
              identifier.path("system").asText(), identifier.path("value").asText(), null));
    }
    List<PersonName> names = new ArrayList<>();
    if (person.has("name")) {
      List<String> given = new ArrayList<>();
      person.path("name").path("given").forEach(g -> given.add(g.asText()));
      names.add(new PersonName(text(person.path("name"), "family"), given));
    }
    JsonNode release = body.path("release");
    ReleaseDate releaseDate =
        new ReleaseDate(
            date(release, "date"),
            release.path("confirmed").asBoolean(),
            date(release, "earliest"),
            date(release, "latest"));
    JsonNode facility = release.path("facility");
    PersonIdentifier key = identifiers.get(0);
    String handoffKey =
        body.has("handoffId")
            ? "json|id|" + body.path("handoffId").asText()
            : "json|" + key.system() + "|" + key.value() + "|release:" + releaseDate.date();
    JsonNode needs = body.path("needs");
    return new ReleaseHandoff(
        handoffKey,
        identifiers,
        names,
        date(person, "birthDate"),
        text(person, "sex"),
        releaseDate,
        release.has("type") ? release.path("type").asText() : "other",
        new ReleaseFacility(text(facility, "id"), text(facility, "name")),
        null,
        medications(body),
        conditions(body),
        assessment(body.path("latestAssessment")),
        new Needs(
            needs.path("housing").asBoolean(),
            needs.path("employment").asBoolean(),
            needs.path("peerSupport").asBoolean()),
        body.path("receivingProvider").path("organizationId").asText(),
        text(body.path("consent"), "reference"),
        new SourceMessage(CONTENT_TYPE, original));
  }

  private static List<HandoffMedication> medications(JsonNode body) {
    List<HandoffMedication> medications = new ArrayList<>();
    for (JsonNode medication : body.path("medications")) {
      medications.add(
          new HandoffMedication(
              MedicationRole.valueOf(medication.path("role").asText().toUpperCase(Locale.ROOT)),
              coded(medication.path("code")),
              text(medication, "name"),
              text(medication, "dosage"),
              medication.has("supplyAtReleaseDays")
                  ? medication.path("supplyAtReleaseDays").asInt()
                  : null,
              date(medication, "startDate"),
              lastDose(medication.path("lastDose"))));
    }
    return medications;
  }

  private static LastDose lastDose(JsonNode node) {
    if (!node.isObject()) {
      return null;
    }
    return new LastDose(
        dateTime(node.path("dateTime").asText()),
        node.path("amount").isNumber() ? node.path("amount").decimalValue() : null,
        text(node, "unit"));
  }

  /**
   * An RFC 3339 date-time (the schema checked its format), upper-cased so {@code t}/{@code z}
   * parse.
   */
  static OffsetDateTime dateTime(String value) {
    return OffsetDateTime.parse(value.toUpperCase(Locale.ROOT));
  }

  private static List<HandoffCondition> conditions(JsonNode body) {
    List<HandoffCondition> conditions = new ArrayList<>();
    for (JsonNode condition : body.path("conditions")) {
      conditions.add(
          new HandoffCondition(
              coded(condition.path("code")),
              text(condition, "text"),
              date(condition, "onsetDate")));
    }
    return conditions;
  }

  private static AssessmentSummary assessment(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    return new AssessmentSummary(
        text(node, "reference"),
        text(node, "instrument"),
        date(node, "date"),
        node.has("totalScore") ? node.path("totalScore").asInt() : null,
        text(node, "summary"));
  }

  private static Coded coded(JsonNode node) {
    return node.isObject()
        ? new Coded(text(node, "system"), text(node, "code"), text(node, "display"))
        : null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : null;
  }

  private static LocalDate date(JsonNode node, String field) {
    String value = text(node, field);
    return value == null ? null : LocalDate.parse(value);
  }
}
