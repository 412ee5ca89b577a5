package org.continuumcare.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.continuumcare.gateway.consent.ConsentFixtures;
import org.continuumcare.gateway.security.DevTokenIssuerConfig.DevSigningKey;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.gateway.support.Tokens;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A patient-facing app (SMART {@code patient/} scopes with the launch context {@code patient})
 * reads the patient's own list of disclosures, {@code Patient/[id]/$disclosures}, and nothing else.
 * Tokens as an external issuer's (claim {@code patient}) and from the development issuer's {@code
 * demo-patient-app}.
 */
class PatientAppIT extends GatewayIntegrationTest {

  @Autowired DevSigningKey signingKey;

  private String patientId;
  private String otherPatientId;
  private String medicationId;

  @BeforeEach
  void patientWithADisclosure() {
    for (String id : List.of("demo-prison", "demo-treatment", "continuum-gateway")) {
      Organization organization = new Organization().setName(id);
      organization.setId(id);
      fhir().update().resource(organization).execute();
    }
    patientId = newPatient();
    otherPatientId = newPatient();
    medicationId =
        fhir()
            .create()
            .resource(
                new MedicationStatement()
                    .setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE)
                    .setMedication(
                        new CodeableConcept(
                            new Coding(
                                "http://www.nlm.nih.gov/research/umls/rxnorm", "1819", null)))
                    .setSubject(new Reference("Patient/" + patientId))
                    .setInformationSource(new Reference("Organization/demo-prison")))
            .execute()
            .getId()
            .getIdPart();
    Consent consent =
        ConsentFixtures.consent(
            patientId,
            "2026-01-01",
            "2099-12-31",
            new String[] {"Organization/demo-treatment"},
            "TREAT");
    consent.getOrganizationFirstRep().setReference("Organization/demo-prison");
    fhir().create().resource(consent).execute();
    fhirAs("demo-ehr").read().resource(MedicationStatement.class).withId(medicationId).execute();
  }

  private String newPatient() {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(uniqueSystem()).setValue("p");
    return fhir().create().resource(patient).execute().getId().getIdPart();
  }

  /** A token as an external issuer would sign it for a patient-facing app. */
  private String patientToken(String scope, String patient) throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject("patient-portal")
            .claim("client_id", "patient-portal")
            .claim("scope", scope)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)));
    if (patient != null) {
      claims.claim("patient", patient);
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(signingKey.jwk().getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims.build());
    jwt.sign(new RSASSASigner(signingKey.jwk()));
    return jwt.serialize();
  }

  private HttpResponse<String> get(String token, String path) throws Exception {
    return http(anonymousRequest(path).header("Authorization", "Bearer " + token).GET());
  }

  private List<AuditEvent> listed(HttpResponse<String> response) {
    Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(AuditEvent.class::isInstance)
        .map(AuditEvent.class::cast)
        .toList();
  }

  @Test
  void thePatientsAppListsThePatientsOwnDisclosures() throws Exception {
    for (String scope :
        List.of("patient/AuditEvent.rs", "patient/*.rs", "patient/AuditEvent.read")) {
      String token = patientToken(scope, patientId);

      HttpResponse<String> own =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> get(token, "/fhir/Patient/" + patientId + "/$disclosures"),
                  r -> r.statusCode() != 200 || !listed(r).isEmpty());

      assertThat(own.statusCode()).as(scope).isEqualTo(200);
      assertThat(listed(own))
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.getSubtypeFirstRep().getCode()).isEqualTo("disclosure");
                assertThat(event.getAgentFirstRep().getWho().getIdentifier().getValue())
                    .isEqualTo("demo-treatment");
                assertThat(event.getEntity())
                    .extracting(e -> e.getWhat().getReference())
                    .contains("MedicationStatement/" + medicationId + "/_history/1");
              });
    }
  }

  /** The gate's convention: a record the caller may not see answers exactly as an unknown id. */
  @Test
  void anotherPatientsListAnswers404AsAnUnknownPatientDoes() throws Exception {
    String token = patientToken("patient/AuditEvent.rs", patientId);

    HttpResponse<String> other = get(token, "/fhir/Patient/" + otherPatientId + "/$disclosures");
    HttpResponse<String> unknown = get(token, "/fhir/Patient/no-such-patient/$disclosures");

    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body())
        .contains("OperationOutcome")
        .contains("Patient/" + otherPatientId + " is not known")
        .doesNotContain("AuditEvent");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Patient/no-such-patient is not known");
  }

  @Test
  void thePatientTokenReadsNothingElse() throws Exception {
    String token = patientToken("patient/*.cruds", patientId);
    String batch =
        "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[{\"request\":{\"method\":\"GET\","
            + "\"url\":\"Patient/"
            + patientId
            + "/$disclosures\"}},{\"request\":{\"method\":\"GET\",\"url\":\"Patient/"
            + patientId
            + "\"}}]}";

    assertThat(get(token, "/fhir/Patient/" + patientId).statusCode()).isEqualTo(404);
    assertThat(get(token, "/fhir/Patient?_id=" + patientId).statusCode()).isEqualTo(403);
    assertThat(get(token, "/fhir/AuditEvent?patient=Patient/" + patientId).statusCode())
        .isEqualTo(403);
    assertThat(get(token, "/fhir/MedicationStatement/" + medicationId).statusCode()).isEqualTo(403);
    assertThat(get(token, "/fhir/Patient/" + patientId + "/$everything").statusCode())
        .isIn(403, 404);
    assertThat(
            http(anonymousRequest("/fhir")
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofString(batch)))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void patientScopesWithoutALaunchPatientGrantNothing() throws Exception {
    String token = patientToken("patient/AuditEvent.rs", null);

    assertThat(get(token, "/fhir/Patient/" + patientId + "/$disclosures").statusCode())
        .isEqualTo(404);
    assertThat(get(token, "/fhir/AuditEvent?patient=Patient/" + patientId).statusCode())
        .isEqualTo(403);
  }

  @Test
  void aLaunchPatientWithoutPatientScopesGrantsNothing() throws Exception {
    String token = patientToken("patient/Observation.rs", patientId);

    assertThat(get(token, "/fhir/Patient/" + patientId + "/$disclosures").statusCode())
        .isEqualTo(404);
  }

  @Test
  void theDemoPatientAppReadsJordansListAndNobodyElses() throws Exception {
    String token = Tokens.request(baseUrl(), "demo-patient-app", "demo-patient-app-secret", null);
    Patient jordan = new Patient();
    jordan.setId("jordan-reyes");
    jordan.addName().setFamily("Reyes").addGiven("Jordan");
    if (http(request("/fhir/Patient/jordan-reyes").GET()).statusCode() == 404) {
      fhir().update().resource(jordan).execute();
    }

    HttpResponse<String> own = get(token, "/fhir/Patient/jordan-reyes/$disclosures");

    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(listed(own))
        .allSatisfy(
            event -> assertThat(event.getSubtypeFirstRep().getCode()).isEqualTo("disclosure"));
    assertThat(get(token, "/fhir/Patient/" + patientId + "/$disclosures").statusCode())
        .isEqualTo(404);
    assertThat(get(token, "/fhir/Patient/jordan-reyes").statusCode()).isEqualTo(404);
  }
}
