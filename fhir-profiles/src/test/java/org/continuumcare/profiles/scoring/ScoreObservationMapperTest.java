package org.continuumcare.profiles.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class ScoreObservationMapperTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
  private final ScoreObservationMapper mapper =
      new ScoreObservationMapper(Clock.fixed(NOW, ZoneOffset.UTC));

  private static QuestionnaireResponse response() {
    QuestionnaireResponse response = new QuestionnaireResponse();
    response.setSubject(new Reference("Patient/jordan-reyes"));
    response.setAuthoredElement(new DateTimeType("2026-11-20T09:00:00Z"));
    return response;
  }

  @Test
  void aBarcTotalBecomesAFinalScoreObservationDerivedFromTheResponse() {
    Score total = new Score("barc-10-total", Optional.empty(), 48, 10, 60, Optional.of(true));
    List<Observation> observations =
        mapper.toObservations("barc-10", response(), "QuestionnaireResponse/qr-1", List.of(total));

    assertThat(observations)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getMeta().getProfile().get(0).getValue())
                  .isEqualTo(RecoveryCapitalCodes.SCORE_PROFILE);
              assertThat(o.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
              assertThat(o.getCategory()).hasSize(1);
              assertThat(o.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("survey");
              assertThat(o.getCode().getCodingFirstRep().getSystem())
                  .isEqualTo(RecoveryCapitalCodes.SCORE_TYPE_SYSTEM);
              assertThat(o.getCode().getCodingFirstRep().getCode()).isEqualTo("barc-10-total");
              assertThat(o.getMethod().getCodingFirstRep().getCode()).isEqualTo("barc-10");
              assertThat(((IntegerType) o.getValue()).getValue()).isEqualTo(48);
              assertThat(o.getSubject().getReference()).isEqualTo("Patient/jordan-reyes");
              assertThat(o.getEffectiveDateTimeType().getValueAsString())
                  .isEqualTo("2026-11-20T09:00:00Z");
              assertThat(o.getIssued().toInstant()).isEqualTo(NOW);
              assertThat(o.getDerivedFromFirstRep().getReference())
                  .isEqualTo("QuestionnaireResponse/qr-1");
              assertThat(
                      ((BooleanType)
                              o.getExtensionByUrl(RecoveryCapitalCodes.THRESHOLD_MET_EXTENSION)
                                  .getValue())
                          .booleanValue())
                  .isTrue();
            });
  }

  @Test
  void aDomainStrengthIsCategorisedByItsDomainAndHasNoThresholdFlag() {
    Score strength =
        new Score(
            "rc-8-domain-strength",
            Optional.of(new Score.Category(RecoveryCapitalCodes.DOMAIN_SYSTEM, "safe-housing")),
            2,
            1,
            5,
            Optional.empty());
    Observation o =
        mapper.toObservations("rc-8-domain", response(), "urn:uuid:1", List.of(strength)).get(0);
    assertThat(o.getCategory()).hasSize(2);
    assertThat(o.getCategory().get(1).getCodingFirstRep().getSystem())
        .isEqualTo(RecoveryCapitalCodes.DOMAIN_SYSTEM);
    assertThat(o.getCategory().get(1).getCodingFirstRep().getCode()).isEqualTo("safe-housing");
    assertThat(o.getExtensionByUrl(RecoveryCapitalCodes.THRESHOLD_MET_EXTENSION)).isNull();
  }
}
