package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class PrisonJsonTranslatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ReleaseHandoffJsonValidator validator =
      new ReleaseHandoffJsonValidator(PrisonFixtures.CLOCK);

  private PrisonJsonTranslator translator() {
    return new PrisonJsonTranslator(
        JSON, validator, new ReleaseHandoffJsonMapper(), PrisonFixtures.transactionMapper());
  }

  private static ObjectNode example() throws Exception {
    return (ObjectNode)
        JSON.readTree(PrisonFixtures.resource("prison/release-handoff.example.json"));
  }

  private HandoffProblem problem(Object body) throws Exception {
    byte[] bytes =
        body instanceof String s
            ? s.getBytes(StandardCharsets.UTF_8)
            : JSON.writeValueAsBytes(body);
    JsonIntake intake = translator().translate(bytes);
    assertThat(intake).isInstanceOf(JsonIntake.Refused.class);
    return ((JsonIntake.Refused) intake).problem();
  }

  @Test
  void theDocumentedExampleIsValid() throws Exception {
    assertThat(validator.validate(example())).isEmpty();
  }

  @Test
  void exampleMapsEveryFieldIntoTheHandoff() throws Exception {
    JsonIntake intake = translator().translate(JSON.writeValueAsBytes(example()));
    ReleaseHandoff handoff = ((JsonIntake.Translated) intake).handoff();

    assertThat(handoff.handoffKey()).isEqualTo("json|id|RCF-2026-1215-00417");
    assertThat(handoff.identifiers())
        .extracting(ReleaseHandoff.PersonIdentifier::system, ReleaseHandoff.PersonIdentifier::value)
        .containsExactly(
            tuple("https://continuumcare.org/fhir/sid/demo-prison-booking", "RCF-2024-00417"));
    assertThat(handoff.names())
        .containsExactly(new ReleaseHandoff.PersonName("Reyes", java.util.List.of("Jordan")));
    assertThat(handoff.birthDate()).isEqualTo(LocalDate.of(1991, 4, 12));
    assertThat(handoff.gender()).isEqualTo("male");
    assertThat(handoff.releaseDate())
        .isEqualTo(
            new ReleaseHandoff.ReleaseDate(
                LocalDate.of(2026, 12, 15),
                false,
                LocalDate.of(2026, 12, 15),
                LocalDate.of(2026, 12, 22)));
    assertThat(handoff.releaseType()).isEqualTo("parole");
    assertThat(handoff.releaseFacility())
        .isEqualTo(new ReleaseHandoff.ReleaseFacility("RCF", "Riverside Correctional Facility"));
    assertThat(handoff.medications())
        .extracting(
            ReleaseHandoff.HandoffMedication::role,
            ReleaseHandoff.HandoffMedication::supplyAtReleaseDays)
        .containsExactly(tuple(MedicationRole.MOUD, 7), tuple(MedicationRole.NALOXONE, null));
    assertThat(handoff.conditions().get(0).code().code()).isEqualTo("F11.20");
    assertThat(handoff.latestAssessment().reference())
        .isEqualTo("QuestionnaireResponse/jordan-barc-10-2026-11-20");
    assertThat(handoff.needs()).isEqualTo(new ReleaseHandoff.Needs(true, true, false));
    assertThat(handoff.receivingProviderId()).isEqualTo("demo-treatment");
    assertThat(handoff.consentReference()).isEqualTo("Consent/jordan-sud-consent");
    assertThat(handoff.medications().get(0).lastDose())
        .isEqualTo(
            new ReleaseHandoff.LastDose(
                java.time.OffsetDateTime.parse("2026-11-24T08:00:00-05:00"),
                new java.math.BigDecimal("1"),
                "film"));
    assertThat(handoff.source().contentType()).isEqualTo("application/json");
  }

  @Test
  void jsonHandoffBecomesTheSameKindOfTransactionAsHl7v2() throws Exception {
    Bundle bundle =
        ((JsonIntake.Translated) translator().translate(JSON.writeValueAsBytes(example())))
            .transaction();

    assertThat(bundle.getEntry())
        .extracting(e -> e.getResource().fhirType())
        .containsExactly(
            "Binary",
            "Patient",
            "Encounter",
            "MedicationStatement",
            "MedicationStatement",
            "Condition",
            "Observation",
            "ServiceRequest",
            "Task",
            "ServiceRequest",
            "Task",
            "ServiceRequest",
            "Task",
            "ServiceRequest",
            "Task",
            "Composition",
            "Provenance");
    assertThat(
            bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Task.class::isInstance)
                .map(t -> ((Task) t).getOwner().getReference()))
        .containsExactly(
            "Organization/demo-treatment",
            "Organization/demo-treatment",
            "Organization/demo-housing",
            "Organization/demo-employment");
    Composition composition = (Composition) bundle.getEntry().get(15).getResource();
    assertThat(composition.getSection())
        .extracting(s -> s.getCode().getCodingFirstRep().getCode())
        .containsExactly("10160-0", "11450-4", "18776-5", "57133-1", "71802-3", "59284-0");
    assertThat(composition.getSection().get(2).getEntryFirstRep().getReference())
        .isEqualTo("QuestionnaireResponse/jordan-barc-10-2026-11-20");
    assertThat(
            ((org.hl7.fhir.r4.model.Reference)
                    composition.getExtensionByUrl(PrisonFhir.EXT_RECEIVING_ORGANIZATION).getValue())
                .getReference())
        .isEqualTo("Organization/demo-treatment");
  }

  @Test
  void theSameBodyTwiceGivesIdenticalTransactions() throws Exception {
    byte[] body = JSON.writeValueAsBytes(example());
    String first =
        PrisonFixtures.FHIR
            .newJsonParser()
            .encodeResourceToString(
                ((JsonIntake.Translated) translator().translate(body)).transaction());
    String second =
        PrisonFixtures.FHIR
            .newJsonParser()
            .encodeResourceToString(
                ((JsonIntake.Translated) translator().translate(body)).transaction());

    assertThat(second).isEqualTo(first);
  }

  @Test
  void wrongTypesAreAllReportedWithPointers() throws Exception {
    ObjectNode body = example();
    ((ObjectNode) body.path("release")).put("confirmed", "yes");
    ((ObjectNode) body.path("release")).put("date", 20261215);
    ((ObjectNode) body.path("medications").get(0)).put("supplyAtReleaseDays", "seven");
    ((ObjectNode) body.path("person")).put("sex", "M");
    body.put("unexpected", true);

    HandoffProblem problem = problem(body);

    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.type()).isEqualTo(HandoffProblem.INVALID);
    assertThat(problem.errors())
        .extracting(HandoffProblem.FieldError::pointer)
        .containsExactly(
            "/medications/0/supplyAtReleaseDays",
            "/person/sex",
            "/release/confirmed",
            "/release/date",
            "/unexpected");
    assertThat(problem.errors()).allSatisfy(e -> assertThat(e.detail()).isNotBlank());
    assertThat(problem.detail()).startsWith("5 fields are invalid");
  }

  @Test
  void missingRequiredFieldsPointAtTheMissingProperty() throws Exception {
    ObjectNode body = example();
    body.remove("consent");
    ((ObjectNode) body.path("person")).remove("identifiers");

    assertThat(problem(body).errors())
        .extracting(HandoffProblem.FieldError::pointer)
        .containsExactly("/consent", "/person/identifiers");
  }

  @Test
  void aLastDoseInTheFutureOrWithoutOffsetIsRefusedWithItsPointer() throws Exception {
    ObjectNode body = example();
    ObjectNode moud = (ObjectNode) body.path("medications").get(0);
    moud.putObject("lastDose").put("dateTime", "2026-11-25T08:00:00Z").put("amount", 16);
    assertThat(problem(body).errors())
        .extracting(HandoffProblem.FieldError::pointer, HandoffProblem.FieldError::detail)
        .containsExactly(tuple("/medications/0/lastDose/dateTime", "must not be in the future"));

    moud.putObject("lastDose").put("dateTime", "2026-11-24T08:00:00");
    assertThat(problem(body).errors())
        .extracting(HandoffProblem.FieldError::pointer)
        .containsExactly("/medications/0/lastDose/dateTime");
  }

  @Test
  void emptyIdentifierListIsRefused() throws Exception {
    ObjectNode body = example();
    ((ArrayNode) body.path("person").path("identifiers")).removeAll();

    assertThat(problem(body).errors())
        .extracting(HandoffProblem.FieldError::pointer)
        .containsExactly("/person/identifiers");
  }

  @Test
  void impossibleCalendarDateIsRefused() throws Exception {
    ObjectNode body = example();
    ((ObjectNode) body.path("release")).put("date", "2026-02-30");

    assertThat(problem(body).errors())
        .extracting(HandoffProblem.FieldError::pointer)
        .contains("/release/date");
  }

  @Test
  void datesOutOfOrderAreRefused() throws Exception {
    ObjectNode body = example();
    ((ObjectNode) body.path("release")).put("earliest", "2026-12-20");
    ((ObjectNode) body.path("release")).put("latest", "2026-12-01");
    ((ObjectNode) body.path("person")).put("birthDate", "2030-01-01");

    assertThat(problem(body).errors())
        .extracting(HandoffProblem.FieldError::pointer, HandoffProblem.FieldError::detail)
        .containsExactly(
            tuple("/person/birthDate", "must not be in the future"),
            tuple("/release/date", "must not be before the birth date"),
            tuple("/release/earliest", "must not be after the release date"),
            tuple("/release/latest", "must not be before the release date"));
  }

  @Test
  void bodyThatIsNotJsonIsA400() throws Exception {
    HandoffProblem problem = problem("{\"person\": ");

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.type()).isEqualTo(HandoffProblem.MALFORMED);
    assertThat(problem.detail()).startsWith("not valid JSON at line 1");
  }

  @Test
  void aTenThousandDeepUnknownFieldIsA400NamingTheNestingLimit() throws Exception {
    String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

    HandoffProblem problem = problem("{\"handoffId\":\"deep\",\"unknown\":" + deep + "}");

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.type()).isEqualTo(HandoffProblem.MALFORMED);
    assertThat(problem.detail())
        .startsWith("the JSON exceeds a parser limit")
        .contains("nesting depth");
  }

  @Test
  void emptyBodyIsA400() {
    JsonIntake intake = translator().translate(new byte[0]);

    assertThat(((JsonIntake.Refused) intake).problem().status()).isEqualTo(400);
  }

  @Test
  void inlineAssessmentSummaryIsAccepted() throws Exception {
    ObjectNode body = example();
    ObjectNode assessment =
        JSON.createObjectNode()
            .put("instrument", "barc-10")
            .put("date", "2026-11-20")
            .put("totalScore", 41)
            .put("summary", "Strong family support; housing is the weakest domain");
    body.set("latestAssessment", assessment);
    Bundle bundle =
        ((JsonIntake.Translated) translator().translate(JSON.writeValueAsBytes(body)))
            .transaction();
    Composition composition =
        (Composition)
            bundle.getEntry().stream()
                .filter(e -> e.getResource() instanceof Composition)
                .findFirst()
                .orElseThrow()
                .getResource();

    assertThat(composition.getSection().get(2).getText().getDivAsString())
        .contains("Latest recovery-capital assessment (barc-10), 2026-11-20: total 41");
  }
}
