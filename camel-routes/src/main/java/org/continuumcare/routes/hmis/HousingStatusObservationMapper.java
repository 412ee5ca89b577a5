package org.continuumcare.routes.hmis;

import java.util.Objects;
import java.util.Optional;
import org.continuumcare.terminology.CodeSystemLookup;
import org.continuumcare.terminology.ConceptMapTranslator;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Reference;

/**
 * HMIS record -> housing status Observation (LOINC 71802-3). The answer is the LOINC code the
 * terminology package's {@code hmis-living-situation-to-housing-status} map gives; the HMIS code
 * itself and its HUD category travel as further codings of the value. Codes the map leaves
 * unmatched (client doesn't know, data not collected ...) give no Observation.
 */
public final class HousingStatusObservationMapper {

  public static final String HOUSING_STATUS_LOINC = "71802-3";
  static final String OBSERVATION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/observation-category";

  private final ConceptMapTranslator translator;
  private final CodeSystemLookup lookup;
  private final String recordIdSystem;

  public HousingStatusObservationMapper(
      ConceptMapTranslator translator, CodeSystemLookup lookup, String recordIdSystem) {
    this.translator = Objects.requireNonNull(translator, "translator");
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.recordIdSystem = Objects.requireNonNull(recordIdSystem, "recordIdSystem");
  }

  /** Whether the code is an HMIS living situation / destination response at all. */
  boolean isKnownCode(String code) {
    return lookup.contains(ContinuumTerminology.HMIS_LIVING_SITUATION, code);
  }

  /** The HUD category (permanent, temporary, homeless ...) of a known HMIS code. */
  Optional<String> categoryOf(String code) {
    return translator
        .translate(
            ContinuumTerminology.HMIS_TO_HOUSING_STATUS,
            ContinuumTerminology.HMIS_LIVING_SITUATION,
            code,
            ContinuumTerminology.HOUSING_SITUATION_CATEGORY)
        .map(t -> t.code());
  }

  Optional<HousingStatusObservation> map(HmisRecord record, ReferredPerson person) {
    if (record.code() == null) {
      return Optional.empty();
    }
    return translator
        .translate(
            ContinuumTerminology.HMIS_TO_HOUSING_STATUS,
            ContinuumTerminology.HMIS_LIVING_SITUATION,
            record.code(),
            ContinuumTerminology.LOINC)
        .map(
            answer -> {
              Observation o = new Observation();
              String value = record.identifierValue();
              o.addIdentifier(new Identifier().setSystem(recordIdSystem).setValue(value));
              o.setStatus(ObservationStatus.FINAL);
              o.addCategory(
                  new CodeableConcept(
                      new Coding(OBSERVATION_CATEGORY, "social-history", "Social History")));
              o.setCode(
                  new CodeableConcept(
                      new Coding(
                          ContinuumTerminology.LOINC, HOUSING_STATUS_LOINC, "Housing status")));
              o.setSubject(new Reference("Patient/" + person.patientId()));
              o.addBasedOn(new Reference("ServiceRequest/" + person.serviceRequestId()));
              o.setEffective(new DateTimeType(record.date().toString()));
              CodeableConcept v = new CodeableConcept(answer.toCoding());
              v.addCoding(
                  new Coding(
                      ContinuumTerminology.HMIS_LIVING_SITUATION,
                      record.code(),
                      lookup
                          .display(ContinuumTerminology.HMIS_LIVING_SITUATION, record.code())
                          .orElse(null)));
              categoryOf(record.code())
                  .ifPresent(
                      c ->
                          v.addCoding(
                              new Coding(
                                  ContinuumTerminology.HOUSING_SITUATION_CATEGORY,
                                  c,
                                  lookup
                                      .display(ContinuumTerminology.HOUSING_SITUATION_CATEGORY, c)
                                      .orElse(null))));
              o.setValue(v);
              o.setMethod(new CodeableConcept().setText(record.kind().method()));
              return new HousingStatusObservation(o, "identifier=" + recordIdSystem + "|" + value);
            });
  }
}
