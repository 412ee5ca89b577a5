package org.continuumcare.gateway.consent;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SUD consent enforcement ({@code continuum.consent.*}); see the README section "SUD consent".
 *
 * @param enabled label SUD records at storage and enforce consent on reads and relays
 * @param sudPrograms ids of the Organizations that are SUD (42 CFR Part 2) programs: what a client
 *     acting for one of them writes is labelled when its type is in {@code programRecordTypes}
 * @param programRecordTypes clinical resource types labelled when a SUD program writes them
 * @param labelRules which resources are SUD records whoever writes them (rules as data; the codes
 *     they look for are ValueSets of the terminology package, e.g. {@code sud-conditions})
 * @param relayPurpose the purpose of use (v3 ActReason code) of a relay to a partner
 * @param relayPurposes per partner Organization id, a purpose other than {@code relayPurpose}
 * @param notice the 42 CFR § 2.32 notice that accompanies every disclosure
 * @param narrowSearches let the database leave out of a caller's search the SUD records the caller
 *     may not see (by the {@code disclosure-key} search parameter), rather than reading them to
 *     withhold them; the rule judges every record either way
 */
@ConfigurationProperties("continuum.consent")
public record ConsentProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue({"demo-treatment", "demo-prison"}) List<String> sudPrograms,
    @DefaultValue({
          "Observation",
          "Condition",
          "MedicationStatement",
          "MedicationRequest",
          "MedicationDispense",
          "MedicationAdministration",
          "Procedure",
          "Encounter",
          "QuestionnaireResponse",
          "Composition",
          "DocumentReference",
          "DiagnosticReport",
          "CarePlan",
          "Goal",
          "ServiceRequest",
          "ClinicalImpression",
          "EpisodeOfCare"
        })
        List<String> programRecordTypes,
    List<LabelRule> labelRules,
    @DefaultValue("COC") String relayPurpose,
    Map<String, String> relayPurposes,
    @DefaultValue(DEFAULT_NOTICE) String notice,
    @DefaultValue("true") boolean narrowSearches) {

  /** The § 2.32(a)(1) statement, the form the 2024 rule allows. */
  public static final String DEFAULT_NOTICE =
      "42 CFR part 2 prohibits unauthorized use or disclosure of these records.";

  public ConsentProperties {
    sudPrograms = sudPrograms == null ? List.of() : List.copyOf(sudPrograms);
    programRecordTypes = programRecordTypes == null ? List.of() : List.copyOf(programRecordTypes);
    labelRules = labelRules == null ? List.of() : List.copyOf(labelRules);
    relayPurposes = relayPurposes == null ? Map.of() : Map.copyOf(relayPurposes);
  }

  /** The purpose of use of a relay to {@code partnerId}. */
  public String relayPurposeFor(String partnerId) {
    return relayPurposes.getOrDefault(partnerId, relayPurpose);
  }

  /**
   * One labelling rule: resources of {@code resourceType} are SUD records when the FHIRPath {@code
   * criteria} is true, when a code that one of {@code codes} selects is in its ValueSet of the
   * terminology package, or when a resource that {@code inheritFrom} points at (a FHIRPath to
   * references, e.g. {@code focus}) is itself labelled.
   *
   * @param name for logs and the README
   * @param resourceType the resource type the rule looks at
   * @param criteria a FHIRPath boolean expression on the resource; null when none
   * @param inheritFrom a FHIRPath expression yielding references; null when none
   * @param codes coded elements and the ValueSet their codes must be in; empty when none
   */
  public record LabelRule(
      String name, String resourceType, String criteria, String inheritFrom, List<CodedIn> codes) {

    public LabelRule {
      codes = codes == null ? List.of() : List.copyOf(codes);
    }
  }

  /**
   * Codes of a resource that make it a SUD record when one of them is in a ValueSet.
   *
   * @param path a FHIRPath expression yielding CodeableConcepts or Codings, e.g. {@code code} or
   *     {@code medication.ofType(CodeableConcept)}
   * @param valueSet canonical URL or id of a ValueSet of the continuumcare.terminology package,
   *     e.g. {@code sud-conditions}
   */
  public record CodedIn(String path, String valueSet) {}
}
