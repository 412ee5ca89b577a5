package org.continuumcare.profiles.scoring;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

/**
 * Turns scores into RecoveryCapitalScore Observations: profile, status final, category survey plus
 * the domain or dimension, code from recovery-capital-score-type, method = the instrument, subject
 * and effective time from the response, derivedFrom the response, issued from the injected clock.
 * Pure: no ids are assigned here.
 */
public final class ScoreObservationMapper {

  static final String OBSERVATION_CATEGORY_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/observation-category";

  private final Clock clock;

  public ScoreObservationMapper(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param responseReference how the Observations point at the response (e.g.
   *     "QuestionnaireResponse/123" or a transaction's "urn:uuid:..."), since the response may not
   *     have an id yet
   */
  public List<Observation> toObservations(
      String instrument,
      QuestionnaireResponse response,
      String responseReference,
      List<Score> scores) {
    Objects.requireNonNull(responseReference, "responseReference");
    return scores.stream()
        .map(score -> toObservation(instrument, response, responseReference, score))
        .toList();
  }

  private Observation toObservation(
      String instrument, QuestionnaireResponse response, String responseReference, Score score) {
    Observation observation = new Observation();
    observation.getMeta().addProfile(RecoveryCapitalCodes.SCORE_PROFILE);
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.addCategory(
        new CodeableConcept(new Coding(OBSERVATION_CATEGORY_SYSTEM, "survey", "Survey")));
    score
        .category()
        .ifPresent(
            c ->
                observation.addCategory(
                    new CodeableConcept(new Coding(c.system(), c.code(), null))));
    observation.setCode(
        new CodeableConcept(
            new Coding(RecoveryCapitalCodes.SCORE_TYPE_SYSTEM, score.scoreType(), null)));
    observation.setMethod(
        new CodeableConcept(new Coding(RecoveryCapitalCodes.INSTRUMENT_SYSTEM, instrument, null)));
    if (response.hasSubject()) {
      observation.setSubject(response.getSubject().copy());
    }
    if (response.hasAuthored()) {
      observation.setEffective(response.getAuthoredElement().copy());
    }
    observation.setIssued(Date.from(clock.instant()));
    observation.setValue(new IntegerType(score.value()));
    observation.addDerivedFrom(new Reference(responseReference));
    score
        .thresholdMet()
        .ifPresent(
            met ->
                observation.addExtension(
                    RecoveryCapitalCodes.THRESHOLD_MET_EXTENSION, new BooleanType(met)));
    return observation;
  }
}
