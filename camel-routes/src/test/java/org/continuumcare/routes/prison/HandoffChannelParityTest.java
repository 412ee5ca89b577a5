package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.continuumcare.routes.prison.Hl7v2Samples.*;
import static org.continuumcare.routes.prison.PrisonHl7v2SenderProfileTest.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

/**
 * An HL7 v2 discharge with PV1-37, OBX release-needs, CON and RXE/RXA says what the equivalent JSON
 * handoff says, and both become the same handoff FHIR: receiving provider, referrals for the needs,
 * the consent, the MOUD statement with its days' supply and last dose.
 */
class HandoffChannelParityTest {

  static final String JSON_HANDOFF =
      """
      {
        "person": {"identifiers": [{"system": "urn:oid:2.16.840.1.113883.3.999.1",
                                    "value": "RCF-2024-00417"}]},
        "release": {"date": "2026-12-15", "confirmed": true,
                    "facility": {"id": "RCF", "name": "Riverside CF"}},
        "medications": [{
          "role": "moud",
          "name": "Methadone 10 mg/mL oral solution",
          "code": {"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "864706",
                   "display": "Methadone 10 mg/mL oral solution"},
          "dosage": "80 mg by mouth once daily, observed",
          "supplyAtReleaseDays": 3,
          "lastDose": {"dateTime": "2026-11-24T08:20:00-05:00", "amount": 80, "unit": "mg"}
        }],
        "needs": {"housing": true, "employment": false, "peerSupport": true},
        "receivingProvider": {"organizationId": "north-clinic"},
        "consent": {"reference": "Consent/jordan-sud-consent"}
      }
      """;

  static String v2Handoff() {
    return PrisonFixtures.er7(
        MSH_251,
        EVN,
        PID,
        PV1_TO_PROVIDER,
        OBX_HOUSING,
        OBX_WEIGHT,
        OBX_PEER,
        CON,
        RXE_METHADONE,
        RXA_EARLIER,
        RXA_LAST);
  }

  @Test
  void aV2DischargeAndTheEquivalentJsonHandoffBecomeTheSameHandoffFhir() {
    Hl7v2Intake v2 = PrisonFixtures.translator().translate(v2Handoff());
    assertThat(v2).isInstanceOf(Hl7v2Intake.Translated.class);
    JsonIntake json =
        new PrisonJsonTranslator(
                new ObjectMapper(),
                new ReleaseHandoffJsonValidator(PrisonFixtures.CLOCK),
                new ReleaseHandoffJsonMapper(),
                PrisonFixtures.transactionMapper())
            .translate(JSON_HANDOFF.getBytes(StandardCharsets.UTF_8));
    assertThat(json).isInstanceOf(JsonIntake.Translated.class);

    List<String> fromV2 = handoffFhir(((Hl7v2Intake.Translated) v2).transaction());
    List<String> fromJson = handoffFhir(((JsonIntake.Translated) json).transaction());

    assertThat(fromV2)
        .containsExactly(
            "addressed to Organization/north-clinic",
            "consent Consent/jordan-sud-consent",
            "referral treatment-continuation -> Organization/north-clinic",
            "referral moud-continuation -> Organization/north-clinic",
            "referral housing-instability -> Organization/demo-housing",
            "referral peer-support -> Organization/demo-treatment",
            "medication 864706 active, supply 3 d, last dose 2026-11-24T08:20:00-05:00,"
                + " dose 80 mg, '80 mg by mouth once daily, observed'");
    assertThat(fromJson).isEqualTo(fromV2);
  }

  /** What a handoff says, as its FHIR transaction says it. */
  static List<String> handoffFhir(Bundle transaction) {
    List<String> said = new ArrayList<>();
    List<String> referrals = new ArrayList<>();
    List<String> medications = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : transaction.getEntry()) {
      if (entry.getResource() instanceof Composition composition) {
        said.add(
            "addressed to "
                + ((Reference)
                        composition
                            .getExtensionByUrl(PrisonFhir.EXT_RECEIVING_ORGANIZATION)
                            .getValue())
                    .getReference());
        composition.getSection().stream()
            .filter(s -> "59284-0".equals(s.getCode().getCodingFirstRep().getCode()))
            .flatMap(s -> s.getEntry().stream())
            .forEach(r -> said.add("consent " + r.getReference()));
      } else if (entry.getResource() instanceof ServiceRequest request) {
        referrals.add(
            "referral "
                + request.getCategoryFirstRep().getCodingFirstRep().getCode()
                + " -> "
                + request.getPerformerFirstRep().getReference());
      } else if (entry.getResource() instanceof MedicationStatement statement) {
        Quantity supply =
            (Quantity) statement.getExtensionByUrl(PrisonFhir.EXT_SUPPLY_AT_RELEASE).getValue();
        Quantity dose = statement.getDosageFirstRep().getDoseAndRateFirstRep().getDoseQuantity();
        medications.add(
            "medication "
                + statement.getMedicationCodeableConcept().getCodingFirstRep().getCode()
                + " "
                + statement.getStatus().toCode()
                + ", supply "
                + supply.getValue()
                + " "
                + supply.getCode()
                + ", last dose "
                + ((DateTimeType) statement.getExtensionByUrl(PrisonFhir.EXT_LAST_DOSE).getValue())
                    .getValueAsString()
                + ", dose "
                + dose.getValue().stripTrailingZeros().toPlainString()
                + " "
                + dose.getUnit()
                + ", '"
                + statement.getDosageFirstRep().getText()
                + "'");
      }
    }
    said.addAll(referrals);
    said.addAll(medications);
    return said;
  }
}
