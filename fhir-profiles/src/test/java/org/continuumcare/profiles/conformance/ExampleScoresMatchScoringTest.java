package org.continuumcare.profiles.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.continuumcare.profiles.packages.FhirPackages;
import org.continuumcare.profiles.scoring.AssessmentScoring;
import org.continuumcare.profiles.scoring.MircScoringKey;
import org.continuumcare.profiles.scoring.ScoreObservationMapper;
import org.continuumcare.profiles.scoring.ScoringResult;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.Test;

/**
 * The worked scenario's score Observations are what the scorer computes from its assessments, and
 * mapped scores validate.
 */
class ExampleScoresMatchScoringTest {

  private static final NpmPackage RECOVERY = FhirPackages.load(FhirPackages.RECOVERY);
  private final AssessmentScoring scoring = AssessmentScoring.standard(MircScoringKey.UNVERIFIED);
  private final ScoreObservationMapper mapper =
      new ScoreObservationMapper(
          Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC));

  private static Map<String, QuestionnaireResponse> responses() {
    return FhirPackages.resources(RecoveryValidator.CONTEXT, RECOVERY, "QuestionnaireResponse")
        .stream()
        .map(QuestionnaireResponse.class::cast)
        .collect(Collectors.toMap(r -> r.getIdElement().getIdPart(), Function.identity()));
  }

  private static List<Observation> exampleScores() {
    return FhirPackages.resources(RecoveryValidator.CONTEXT, RECOVERY, "Observation").stream()
        .map(Observation.class::cast)
        .filter(
            o ->
                o.getMeta()
                    .hasProfile(
                        "https://continuumcare.org/fhir/StructureDefinition/recovery-capital-score"))
        .toList();
  }

  private static String key(Observation o) {
    String category =
        o.getCategory().stream()
            .flatMap(c -> c.getCoding().stream())
            .filter(c -> !c.getSystem().endsWith("observation-category"))
            .map(c -> c.getCode())
            .findFirst()
            .orElse("");
    return o.getDerivedFromFirstRep().getReferenceElement().getIdPart()
        + "|"
        + o.getCode().getCodingFirstRep().getCode()
        + "|"
        + category;
  }

  @Test
  void everyExampleScoreEqualsTheScoreComputedFromItsAssessment() {
    Map<String, QuestionnaireResponse> responses = responses();
    List<Observation> examples = exampleScores();
    assertThat(examples).hasSize(10);
    for (Observation example : examples) {
      String responseId = example.getDerivedFromFirstRep().getReferenceElement().getIdPart();
      QuestionnaireResponse response = responses.get(responseId);
      assertThat(response)
          .as("response %s of %s", responseId, example.getIdElement().getIdPart())
          .isNotNull();
      ScoringResult result = scoring.score(response).orElseThrow();
      assertThat(result).isInstanceOf(ScoringResult.Scored.class);
      List<Observation> computed =
          mapper.toObservations(
              result.instrument(),
              response,
              "QuestionnaireResponse/" + responseId,
              ((ScoringResult.Scored) result).scores());
      Observation match =
          computed.stream()
              .filter(c -> key(c).equals(key(example)))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no computed score for " + key(example)));
      assertThat(((IntegerType) match.getValue()).getValue())
          .as(example.getIdElement().getIdPart())
          .isEqualTo(((IntegerType) example.getValue()).getValue());
    }
  }

  @Test
  void scoresMappedFromTheScenarioAssessmentsValidateAgainstTheScoreProfile() {
    QuestionnaireResponse eightDomain = responses().get("jordan-8-domain-2026-11-20");
    ScoringResult.Scored scored = (ScoringResult.Scored) scoring.score(eightDomain).orElseThrow();
    List<Observation> observations =
        mapper.toObservations(
            scored.instrument(),
            eightDomain,
            "QuestionnaireResponse/jordan-8-domain-2026-11-20",
            scored.scores());
    assertThat(observations).hasSize(9);
    for (Observation observation : observations) {
      var errors = RecoveryValidator.errors(observation);
      assertThat(errors).as("errors:%s", RecoveryValidator.describe(errors)).isEmpty();
    }
  }

  @Test
  void theScenarioMircIsValidButNotScoredWithoutAVerifiedChart() {
    ScoringResult result =
        scoring.score(responses().get("jordan-mirc-28-2026-11-20")).orElseThrow();
    assertThat(result).isInstanceOf(ScoringResult.NotScored.class);
  }
}
