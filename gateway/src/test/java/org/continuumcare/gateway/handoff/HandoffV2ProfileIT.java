package org.continuumcare.gateway.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.routes.prison.PrisonFhir;
import org.continuumcare.routes.prison.PrisonProperties;
import org.continuumcare.routes.prison.ReleaseHandoffTransactionMapper;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The v2 conformance profile end to end over HTTP: an ADT^A03 naming its receiving provider
 * (PV1-37), needs (OBX release-need), consent (CON) and MOUD last dose and days' supply (RXE, RXA)
 * is stored as the same handoff FHIR as the equivalent JSON handoff; a CON naming no stored consent
 * is answered AE with ERR on CON-4.
 */
class HandoffV2ProfileIT extends GatewayIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OID = "2.16.840.1.113883.3.999.1";

  @Autowired PrisonProperties properties;

  @BeforeEach
  void partnersAndConsentExist() {
    HandoffFixtures.ensureOrganizations(fhir(), properties.handoffDefaults());
    Organization clinic = new Organization().setName("North Clinic").setActive(true);
    clinic.setId("Organization/north-clinic");
    fhir().update().resource(clinic).execute();
    Consent consent = new Consent().setStatus(Consent.ConsentState.ACTIVE);
    consent.setId("Consent/v2-profile-consent");
    fhir().update().resource(consent).execute();
  }

  static String discharge(String personId, String consentId) {
    return String.join(
        "\r",
        "MSH|^~\\&|JMS|RIVERSIDE CF|CONTINUUM|GATEWAY|20261124153000+0000||ADT^A03^ADT_A03|"
            + personId
            + "|P|2.5.1",
        "EVN|A03|20261124153000||PAR",
        "PID|1||" + personId + "^^^RCF&" + OID + "&ISO^MR||Reyes^Jordan||19910412|M",
        segment(
            "PV1",
            1,
            "1",
            2,
            "I",
            3,
            "UNIT-B^12^1^Riverside CF",
            19,
            "V-" + personId,
            36,
            "01",
            37,
            "north-clinic&North Clinic&CCORG",
            45,
            "20261215090000"),
        "OBX|1|CWE|release-need^Need at release||housing-instability^Housing instability^SDOHCC"
            + "||||||F",
        "OBX|2|NM|29463-7^Body weight^LN||82|kg|||||F",
        "OBX|3|CWE|release-need^Need at release||peer-support^Peer recovery support^CCREFCAT"
            + "||||||F",
        segment("CON", 1, "1", 2, "001^Release of information^HL70496", 4, consentId, 11, "A"),
        segment(
            "RXE",
            1,
            "^^^20260602",
            2,
            METHADONE,
            3,
            "80",
            5,
            "mg",
            7,
            "QD^80 mg by mouth once daily, observed",
            10,
            "3",
            11,
            "d"),
        segment(
            "RXA",
            1,
            "0",
            2,
            "1",
            3,
            "202611230815-0500",
            5,
            METHADONE,
            6,
            "75",
            7,
            "mg",
            20,
            "CP"),
        segment(
            "RXA",
            1,
            "0",
            2,
            "2",
            3,
            "202611240820-0500",
            5,
            METHADONE,
            6,
            "80",
            7,
            "mg",
            20,
            "CP"));
  }

  private static final String METHADONE = "864706^Methadone 10 mg/mL oral solution^RXNORM";

  /** A segment with the given fields (position, value pairs), the others empty. */
  static String segment(String id, Object... positionsAndValues) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < positionsAndValues.length; i += 2) {
      int position = (Integer) positionsAndValues[i];
      while (fields.size() < position) {
        fields.add("");
      }
      fields.set(position - 1, (String) positionsAndValues[i + 1]);
    }
    return id + "|" + String.join("|", fields);
  }

  static String jsonHandoff(String personId) {
    return """
        {
          "handoffId": "IT-%s",
          "person": {"identifiers": [{"system": "urn:oid:%s", "value": "%s"}]},
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
          "consent": {"reference": "Consent/v2-profile-consent"}
        }
        """
        .formatted(personId, OID, personId);
  }

  @Test
  void aV2DischargeIsStoredAsTheSameHandoffFhirAsTheEquivalentJsonHandoff() throws Exception {
    String v2Person = "V2P-" + System.nanoTime();
    String jsonPerson = "JSP-" + System.nanoTime();

    HttpResponse<String> ack = postHandoffEr7(discharge(v2Person, "v2-profile-consent"));
    HttpResponse<String> receipt = postHandoffJson(jsonHandoff(jsonPerson));

    assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
    assertThat(HandoffHl7v2IT.msa(ack.body())[1]).isEqualTo("AA");
    assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(201);
    String v2Handoff =
        ReleaseHandoffTransactionMapper.handoffId(
            "hl7v2|urn:oid:" + OID + "|" + v2Person + "|visit:V-" + v2Person);
    String jsonHandoff = JSON.readTree(receipt.body()).path("handoffId").asText();

    List<String> fromV2 = storedHandoff(v2Handoff);
    assertThat(fromV2)
        .containsExactly(
            "addressed to Organization/north-clinic",
            "consent Consent/v2-profile-consent",
            "referral treatment-continuation -> Organization/north-clinic",
            "referral moud-continuation -> Organization/north-clinic",
            "referral housing-instability -> Organization/demo-housing",
            "referral peer-support -> Organization/demo-treatment",
            "medication 864706 active, supply 3 d, last dose 2026-11-24T08:20:00-05:00,"
                + " dose 80 mg, '80 mg by mouth once daily, observed'");
    assertThat(storedHandoff(jsonHandoff)).isEqualTo(fromV2);
  }

  @Test
  void aConsentThatIsNotStoredIsAnsweredAeNamingCon4AndNothingIsStored() throws Exception {
    String person = "V2C-" + System.nanoTime();

    HttpResponse<String> ack = postHandoffEr7(discharge(person, "no-such-consent"));

    assertThat(ack.statusCode()).isEqualTo(422);
    assertThat(HandoffHl7v2IT.msa(ack.body())[1]).isEqualTo("AE");
    assertThat(ack.body()).contains("ERR||CON^1^4^1^1|204");
    Bundle patients =
        fhir()
            .search()
            .byUrl("Patient?identifier=urn:oid:" + OID + "|" + person)
            .returnBundle(Bundle.class)
            .execute();
    assertThat(patients.getEntry()).isEmpty();
  }

  /** What the stored handoff says: addressee, consent, referrals, the MOUD statement. */
  private List<String> storedHandoff(String handoffId) {
    List<String> said = new ArrayList<>();
    Composition composition = one(Composition.class, handoffId + "-composition");
    said.add(
        "addressed to "
            + ((Reference)
                    composition.getExtensionByUrl(PrisonFhir.EXT_RECEIVING_ORGANIZATION).getValue())
                .getReference());
    composition.getSection().stream()
        .filter(s -> "59284-0".equals(s.getCode().getCodingFirstRep().getCode()))
        .flatMap(s -> s.getEntry().stream())
        .forEach(r -> said.add("consent " + r.getReferenceElement().toUnqualifiedVersionless()));
    for (String referral : List.of("treatment", "moud", "housing", "employment", "peer-support")) {
      ServiceRequest request = optional(ServiceRequest.class, handoffId + "-referral-" + referral);
      if (request != null) {
        said.add(
            "referral "
                + request.getCategoryFirstRep().getCodingFirstRep().getCode()
                + " -> "
                + request.getPerformerFirstRep().getReference());
      }
    }
    MedicationStatement statement = one(MedicationStatement.class, handoffId + "-medication-1");
    Quantity supply =
        (Quantity) statement.getExtensionByUrl(PrisonFhir.EXT_SUPPLY_AT_RELEASE).getValue();
    Quantity dose = statement.getDosageFirstRep().getDoseAndRateFirstRep().getDoseQuantity();
    said.add(
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
    return said;
  }

  private <T extends Resource> T one(Class<T> type, String identifier) {
    T found = optional(type, identifier);
    assertThat(found).as(type.getSimpleName() + " " + identifier).isNotNull();
    return found;
  }

  private <T extends Resource> T optional(Class<T> type, String identifier) {
    Bundle bundle =
        fhir()
            .search()
            .byUrl(
                type.getSimpleName()
                    + "?identifier="
                    + PrisonFhir.HANDOFF_IDENTIFIER_SYSTEM
                    + "|"
                    + identifier)
            .returnBundle(Bundle.class)
            .execute();
    return bundle.getEntry().isEmpty() ? null : type.cast(bundle.getEntryFirstRep().getResource());
  }
}
