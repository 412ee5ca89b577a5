package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class ReleaseHandoffDocumentMapperTest {

  private static final Instant NOW = Instant.parse("2026-11-24T16:05:00Z");
  private final ReleaseHandoffDocumentMapper mapper =
      new ReleaseHandoffDocumentMapper(FhirContext.forR4Cached(), Clock.fixed(NOW, ZoneOffset.UTC));

  /** A handoff as stored: relative references, versioned ids. */
  private static Composition handoff() {
    Composition composition = new Composition();
    composition.setId("Composition/c1/_history/2");
    composition.getMeta().addProfile(PrisonFhir.PROFILE_RELEASE_HANDOFF);
    composition.getMeta().addSecurity(new Coding(PrisonFhir.V3_CONFIDENTIALITY, "R", "restricted"));
    composition.getMeta().addSecurity(new Coding(PrisonFhir.V3_ACT_CODE, "42CFRPart2", null));
    composition.addExtension(
        PrisonFhir.EXT_RECEIVING_ORGANIZATION, new Reference("Organization/demo-treatment"));
    composition.setSubject(new Reference("Patient/p1"));
    composition.setEncounter(new Reference("Encounter/e1"));
    composition.addAuthor(new Reference("Organization/demo-prison"));
    composition.setCustodian(new Reference("Organization/demo-prison"));
    composition
        .addSection()
        .setTitle("Medications to continue")
        .addEntry(new Reference("MedicationStatement/m1"));
    composition.addSection().setTitle("Conditions").addEntry(new Reference("Condition/c9"));
    Composition.SectionComponent referrals = composition.addSection().setTitle("Referrals");
    referrals.addEntry(new Reference("ServiceRequest/s1"));
    referrals.addEntry(new Reference("Task/t1"));
    referrals.addEntry(new Reference("Observation/gone"));
    return composition;
  }

  private static <T extends Resource> T stored(T resource, String id) {
    resource.setId(id + "/_history/1");
    resource.getMeta().setVersionId("1");
    return resource;
  }

  private static List<Resource> storedResources() {
    Patient patient = stored(new Patient(), "Patient/p1");
    Encounter encounter =
        stored(new Encounter().setSubject(new Reference("Patient/p1")), "Encounter/e1");
    MedicationStatement buprenorphine =
        stored(
            new MedicationStatement()
                .setMedication(new CodeableConcept().setText("buprenorphine"))
                .setSubject(new Reference("Patient/p1"))
                .setContext(new Reference("Encounter/e1")),
            "MedicationStatement/m1");
    Condition someoneElses =
        stored(new Condition().setSubject(new Reference("Patient/p2")), "Condition/c9");
    ServiceRequest referral =
        stored(
            new ServiceRequest()
                .setSubject(new Reference("Patient/p1"))
                .addPerformer(new Reference("Organization/demo-treatment")),
            "ServiceRequest/s1");
    Task task =
        stored(
            new Task()
                .setFor(new Reference("Patient/p1"))
                .setFocus(new Reference("ServiceRequest/s1"))
                .setOwner(new Reference("Organization/demo-treatment")),
            "Task/t1");
    Organization prison =
        stored(new Organization().setName("Demo prison"), "Organization/demo-prison");
    Organization treatment =
        stored(new Organization().setName("Demo treatment"), "Organization/demo-treatment");
    // Resolved in any order: the document follows the Composition's order.
    return List.of(
        task, treatment, someoneElses, referral, buprenorphine, prison, encounter, patient);
  }

  @Test
  void referencesAreSubjectEncounterAuthorCustodianReceiverThenSectionEntriesOnce() {
    assertThat(ReleaseHandoffDocumentMapper.references(handoff()))
        .containsExactly(
            "Patient/p1",
            "Encounter/e1",
            "Organization/demo-prison",
            "Organization/demo-treatment",
            "MedicationStatement/m1",
            "Condition/c9",
            "ServiceRequest/s1",
            "Task/t1",
            "Observation/gone");
  }

  @Test
  void documentIsTheCompositionFirstThenWhatItReferencesInItsOrder() {
    Bundle document = mapper.document(handoff(), storedResources());

    assertThat(document.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
    assertThat(document.getTimestamp().toInstant()).isEqualTo(NOW);
    assertThat(document.hasIdentifier()).as("left to the relay adapter").isFalse();
    assertThat(document.getEntry())
        .extracting(e -> e.getResource().fhirType())
        .containsExactly(
            "Composition",
            "Patient",
            "Encounter",
            "Organization",
            "Organization",
            "MedicationStatement",
            "ServiceRequest",
            "Task");
    assertThat(document.getEntry())
        .extracting(Bundle.BundleEntryComponent::getFullUrl)
        .allMatch(url -> url.startsWith("urn:uuid:"))
        .doesNotHaveDuplicates();
    assertThat(document.getEntry())
        .allSatisfy(
            entry -> {
              assertThat(entry.getResource().hasId()).isFalse();
              assertThat(entry.getResource().getMeta().hasVersionId()).isFalse();
            });
  }

  @Test
  void referencesBetweenEntriesPointAtTheirFullUrlsAndTheOthersStayAsTheyWere() {
    Bundle document = mapper.document(handoff(), storedResources());
    Composition composition = (Composition) document.getEntry().get(0).getResource();
    Task task = (Task) document.getEntry().get(7).getResource();

    assertThat(composition.getSubject().getReference())
        .isEqualTo(document.getEntry().get(1).getFullUrl());
    assertThat(
            ((Reference)
                    composition.getExtensionByUrl(PrisonFhir.EXT_RECEIVING_ORGANIZATION).getValue())
                .getReference())
        .isEqualTo(document.getEntry().get(4).getFullUrl());
    assertThat(composition.getSection().get(2).getEntry())
        .extracting(Reference::getReference)
        .containsExactly(
            document.getEntry().get(6).getFullUrl(),
            document.getEntry().get(7).getFullUrl(),
            "Observation/gone");
    assertThat(task.getFocus().getReference()).isEqualTo(document.getEntry().get(6).getFullUrl());
    assertThat(task.getFor().getReference()).isEqualTo(document.getEntry().get(1).getFullUrl());
  }

  @Test
  void anotherPatientsRecordIsLeftOutEvenWhenTheCompositionPointsAtIt() {
    Bundle document = mapper.document(handoff(), storedResources());
    Composition composition = (Composition) document.getEntry().get(0).getResource();

    assertThat(document.getEntry()).noneMatch(e -> e.getResource() instanceof Condition);
    assertThat(composition.getSection().get(1).getEntryFirstRep().getReference())
        .isEqualTo("Condition/c9");
    assertThat(mapper.document(handoff(), List.of(stored(new Patient(), "Patient/p2"))).getEntry())
        .extracting(e -> e.getResource().fhirType())
        .containsExactly("Composition");
  }

  @Test
  void documentCarriesTheCompositionsSecurityLabelsAndLeavesTheStoredResourcesUntouched() {
    Composition stored = handoff();
    List<Resource> resources = storedResources();

    Bundle document = mapper.document(stored, resources);

    assertThat(document.getMeta().getSecurity())
        .extracting(Coding::getCode)
        .containsExactly("R", "42CFRPart2");
    assertThat(stored.getSubject().getReference()).isEqualTo("Patient/p1");
    assertThat(stored.getIdElement().getVersionIdPart()).isEqualTo("2");
    assertThat(((Task) resources.get(0)).getFocus().getReference()).isEqualTo("ServiceRequest/s1");
  }

  @Test
  void onlyReleaseHandoffCompositionsAreHandoffs() {
    assertThat(ReleaseHandoffDocumentMapper.isReleaseHandoff(handoff())).isTrue();
    assertThat(ReleaseHandoffDocumentMapper.isReleaseHandoff(new Composition())).isFalse();
    assertThat(ReleaseHandoffDocumentMapper.isReleaseHandoff(new Task())).isFalse();
  }
}
