package org.continuumcare.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.profiles.packages.FhirPackages;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * A recovery goal that targets a recovery-capital domain strength gets its achievementStatus from
 * the patient's latest score, set by the server when the goal is stored and whenever a new
 * assessment is scored.
 */
class GoalAchievementIT extends GatewayIntegrationTest {

  private static final String BASE = "https://continuumcare.org/fhir/";

  @Test
  void aSafeHousingGoalFollowsTheSafeHousingStrengthOfEachNewAssessment() {
    IGenericClient client = fhir();
    String patient = newPatient(client);
    assess(client, patient, 1, "2026-11-20T11:30:00Z");

    String goalId =
        client.create().resource(safeHousingGoal(patient, 4)).execute().getId().getIdPart();
    assertThat(achievement(client, goalId)).isEqualTo("in-progress");

    assess(client, patient, 3, "2027-01-20T10:00:00Z");
    assertThat(achievement(client, goalId)).isEqualTo("improving");

    assess(client, patient, 2, "2027-03-20T10:00:00Z");
    assertThat(achievement(client, goalId)).isEqualTo("worsening");

    assess(client, patient, 4, "2027-05-20T10:00:00Z");
    assertThat(achievement(client, goalId)).isEqualTo("achieved");
  }

  @Test
  void aGoalStoredAfterTwoAssessmentsStartsFromThem() {
    IGenericClient client = fhir();
    String patient = newPatient(client);
    assess(client, patient, 1, "2026-11-20T11:30:00Z");
    assess(client, patient, 2, "2027-01-20T10:00:00Z");

    Goal goal = safeHousingGoal(patient, 4);
    goal.setAchievementStatus(
        new CodeableConcept(new Coding(GOAL_ACHIEVEMENT, "not-achieved", null)));
    String goalId = client.create().resource(goal).execute().getId().getIdPart();

    assertThat(achievement(client, goalId)).isEqualTo("improving");
  }

  @Test
  void anotherPatientsScoresAndOtherDomainsLeaveTheGoalAlone() {
    IGenericClient client = fhir();
    String patient = newPatient(client);
    String other = newPatient(client);
    assess(client, patient, 1, "2026-11-20T11:30:00Z");
    String goalId =
        client.create().resource(safeHousingGoal(patient, 4)).execute().getId().getIdPart();
    String version =
        client.read().resource(Goal.class).withId(goalId).execute().getMeta().getVersionId();

    assess(client, other, 5, "2027-01-20T10:00:00Z");

    Goal goal = client.read().resource(Goal.class).withId(goalId).execute();
    assertThat(goal.getMeta().getVersionId()).isEqualTo(version);
    assertThat(goal.getAchievementStatus().getCodingFirstRep().getCode()).isEqualTo("in-progress");
  }

  private static final String GOAL_ACHIEVEMENT =
      "http://terminology.hl7.org/CodeSystem/goal-achievement";

  private static String achievement(IGenericClient client, String goalId) {
    return client
        .read()
        .resource(Goal.class)
        .withId(goalId)
        .execute()
        .getAchievementStatus()
        .getCodingFirstRep()
        .getCode();
  }

  private static Goal safeHousingGoal(String patient, int atLeast) {
    Goal goal = new Goal();
    goal.getMeta().addProfile(BASE + "StructureDefinition/recovery-goal");
    goal.addExtension(
        BASE + "StructureDefinition/recovery-capital-domain",
        new CodeableConcept(
            new Coding(BASE + "CodeSystem/recovery-capital-domain", "safe-housing", null)));
    goal.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
    goal.getDescription().setText("A safe place of my own");
    goal.setSubject(new Reference(patient));
    goal.addTarget()
        .setMeasure(
            new CodeableConcept(
                new Coding(
                    BASE + "CodeSystem/recovery-capital-score-type", "rc-8-domain-strength", null)))
        .setDetail(new IntegerType(atLeast));
    return goal;
  }

  /** The package's 8-domain example for {@code patient}, its safe-housing rating replaced. */
  private static void assess(IGenericClient client, String patient, int safeHousing, String at) {
    QuestionnaireResponse example =
        (QuestionnaireResponse)
            FhirPackages.resources(
                    FHIR, FhirPackages.load(FhirPackages.RECOVERY), "QuestionnaireResponse")
                .stream()
                .filter(r -> r.getIdElement().getIdPart().equals("jordan-8-domain-2026-11-20"))
                .findFirst()
                .orElseThrow();
    QuestionnaireResponse assessment = example.copy();
    assessment.setId((String) null);
    assessment.setSubject(new Reference(patient));
    assessment.setAuthor(new Reference(patient));
    assessment.setSource(null);
    assessment.setAuthoredElement(new DateTimeType(at));
    var safeHousingItem =
        assessment.getItem().stream()
            .filter(i -> i.getLinkId().equals("rc-8-safe-housing"))
            .findFirst()
            .orElseThrow();
    safeHousingItem.getItemFirstRep().getAnswerFirstRep().setValue(new IntegerType(safeHousing));
    client.create().resource(assessment).execute();
  }

  private static String newPatient(IGenericClient client) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(uniqueSystem()).setValue("goal");
    return "Patient/" + client.create().resource(patient).execute().getId().getIdPart();
  }
}
