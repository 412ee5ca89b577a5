package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class ReleaseHandoffTransactionMapperTest {

  private final PrisonHl7v2Translator translator = PrisonFixtures.translator();

  private Bundle transaction(String er7) {
    return ((Hl7v2Intake.Translated) PrisonFixtures.translator().translate(er7)).transaction();
  }

  private static <T> List<T> resources(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  private static Bundle.BundleEntryComponent entryOf(Bundle bundle, Class<?> type) {
    return bundle.getEntry().stream()
        .filter(e -> type.isInstance(e.getResource()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void oneTransactionWithEveryPartOfTheHandoffInOrder() {
    Bundle bundle = transaction(Hl7v2Samples.discharge());

    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
    assertThat(bundle.getEntry())
        .extracting(e -> e.getResource().fhirType())
        .containsExactly(
            "Binary",
            "Patient",
            "Encounter",
            "MedicationStatement",
            "MedicationStatement",
            "Condition",
            "Observation",
            "ServiceRequest",
            "Task",
            "ServiceRequest",
            "Task",
            "Composition",
            "Provenance");
    assertThat(bundle.getEntry())
        .extracting(Bundle.BundleEntryComponent::getFullUrl)
        .allMatch(url -> url.startsWith("urn:uuid:"))
        .doesNotHaveDuplicates();
  }

  @Test
  void patientIsAConditionalUpdateOnItsFirstIdentifier() {
    Bundle bundle = transaction(Hl7v2Samples.discharge());
    Bundle.BundleEntryComponent entry = entryOf(bundle, Patient.class);
    Patient patient = (Patient) entry.getResource();

    assertThat(entry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PUT);
    assertThat(entry.getRequest().getUrl())
        .isEqualTo("Patient?identifier=urn%3Aoid%3A2.16.840.1.113883.3.999.1%7CRCF-2024-00417");
    assertThat(patient.getIdentifier()).hasSize(2);
    assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Reyes");
    assertThat(patient.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Jordan M");
    assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1991-04-12");
    assertThat(patient.getGender().toCode()).isEqualTo("male");
    assertThat(patient.getMeta().getSecurity()).isEmpty();
  }

  @Test
  void encounterCarriesReleaseDateDispositionAndIsConditionalOnTheHandoff() {
    Bundle bundle = transaction(Hl7v2Samples.discharge());
    Bundle.BundleEntryComponent entry = entryOf(bundle, Encounter.class);
    Encounter encounter = (Encounter) entry.getResource();

    assertThat(entry.getRequest().getUrl())
        .startsWith(
            "Encounter?identifier=https%3A%2F%2Fcontinuumcare.org%2Ffhir%2Fsid%2Frelease-handoff%7C")
        .endsWith("-encounter");
    Extension releaseDate = encounter.getExtensionByUrl(PrisonFhir.EXT_RELEASE_DATE);
    assertThat(releaseDate.getExtensionByUrl("date").getValue().primitiveValue())
        .isEqualTo("2026-12-15");
    assertThat(releaseDate.getExtensionByUrl("confirmed").getValue().primitiveValue())
        .isEqualTo("true");
    assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.INPROGRESS);
    assertThat(
            encounter.getHospitalization().getDischargeDisposition().getCodingFirstRep().getCode())
        .isEqualTo("home");
    assertThat(encounter.getSubject().getReference())
        .isEqualTo(entryOf(bundle, Patient.class).getFullUrl());
    assertThat(encounter.getServiceProvider().getReference()).isEqualTo("Organization/demo-prison");
  }

  @Test
  void moudContinuesWithSupplyAtReleaseAndNaloxoneIsIntended() {
    List<MedicationStatement> statements =
        resources(transaction(Hl7v2Samples.discharge()), MedicationStatement.class);

    MedicationStatement bup = statements.get(0);
    assertThat(bup.getStatus()).isEqualTo(MedicationStatement.MedicationStatementStatus.ACTIVE);
    Quantity supply = (Quantity) bup.getExtensionByUrl(PrisonFhir.EXT_SUPPLY_AT_RELEASE).getValue();
    assertThat(supply.getValue().intValue()).isEqualTo(7);
    assertThat(supply.getCode()).isEqualTo("d");
    assertThat(supply.getSystem()).isEqualTo("http://unitsofmeasure.org");
    assertThat(bup.getMedicationCodeableConcept().getCodingFirstRep().getCode())
        .isEqualTo("1010604");
    assertThat(bup.getDosageFirstRep().getText()).isEqualTo("One film under the tongue once daily");
    assertThat(bup.getInformationSource().getReference()).isEqualTo("Organization/demo-prison");
    MedicationStatement naloxone = statements.get(1);
    assertThat(naloxone.getStatus())
        .isEqualTo(MedicationStatement.MedicationStatementStatus.INTENDED);
    assertThat(naloxone.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-12-15");
  }

  @Test
  void conditionFromTheDiagnosis() {
    Condition condition = resources(transaction(Hl7v2Samples.discharge()), Condition.class).get(0);

    assertThat(condition.getCode().getCodingFirstRep().getSystem())
        .isEqualTo("http://hl7.org/fhir/sid/icd-10-cm");
    assertThat(condition.getCode().getCodingFirstRep().getCode()).isEqualTo("F11.20");
    assertThat(condition.getOnsetDateTimeType().getValueAsString()).isEqualTo("2024-06-01");
    assertThat(condition.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
  }

  @Test
  void referralsAndTasksFollowTheGravityPatternAndAreCreatedOnlyOnce() {
    Bundle bundle = transaction(Hl7v2Samples.discharge());
    List<Bundle.BundleEntryComponent> referrals =
        bundle.getEntry().stream().filter(e -> e.getResource() instanceof ServiceRequest).toList();
    List<Bundle.BundleEntryComponent> tasks =
        bundle.getEntry().stream().filter(e -> e.getResource() instanceof Task).toList();

    assertThat(referrals)
        .extracting(
            e ->
                ((ServiceRequest) e.getResource())
                    .getCategoryFirstRep()
                    .getCodingFirstRep()
                    .getCode())
        .containsExactly("treatment-continuation", "moud-continuation");
    ServiceRequest moud = (ServiceRequest) referrals.get(1).getResource();
    assertThat(moud.getMeta().hasProfile(PrisonFhir.PROFILE_REFERRAL)).isTrue();
    assertThat(moud.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
    assertThat(moud.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.URGENT);
    assertThat(moud.getPerformerFirstRep().getReference()).isEqualTo("Organization/demo-treatment");
    assertThat(moud.getRequester().getReference()).isEqualTo("Organization/demo-prison");
    assertThat(moud.getOccurrenceDateTimeType().getValueAsString()).isEqualTo("2026-12-15");
    assertThat(moud.getSupportingInfo()).hasSize(2);
    for (Bundle.BundleEntryComponent entry : referrals) {
      assertThat(entry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST);
      assertThat(entry.getRequest().getIfNoneExist()).startsWith("identifier=");
    }
    Task moudTask = (Task) tasks.get(1).getResource();
    assertThat(moudTask.getMeta().hasProfile(PrisonFhir.PROFILE_REFERRAL_TASK)).isTrue();
    assertThat(moudTask.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
    assertThat(moudTask.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
    assertThat(moudTask.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("created");
    assertThat(moudTask.getCode().getCodingFirstRep().getCode()).isEqualTo("fulfill");
    assertThat(moudTask.getFocus().getReference()).isEqualTo(referrals.get(1).getFullUrl());
    assertThat(moudTask.getOwner().getReference()).isEqualTo("Organization/demo-treatment");
    assertThat(moudTask.getRestriction().getPeriod().getStartElement().getValueAsString())
        .as("fulfilment sought from the release date")
        .isEqualTo("2026-12-15");
    assertThat(tasks.get(1).getRequest().getIfNoneExist()).endsWith("-task-moud");
  }

  @Test
  void compositionIsTheReleaseHandoffProfileWithItsSections() {
    Bundle bundle = transaction(Hl7v2Samples.discharge());
    Composition composition = resources(bundle, Composition.class).get(0);

    assertThat(composition.getMeta().hasProfile(PrisonFhir.PROFILE_RELEASE_HANDOFF)).isTrue();
    assertThat(composition.getType().getCodingFirstRep().getCode()).isEqualTo("18761-7");
    assertThat(composition.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("parole");
    assertThat(composition.getConfidentiality()).isEqualTo(Composition.DocumentConfidentiality.R);
    assertThat(composition.getEventFirstRep().getPeriod().getStartElement().getValueAsString())
        .isEqualTo("2026-12-15");
    assertThat(composition.getSection())
        .extracting(s -> s.getCode().getCodingFirstRep().getCode())
        .containsExactly("10160-0", "11450-4", "57133-1", "71802-3");
    assertThat(composition.getSectionFirstRep().getEntry()).hasSize(2);
    assertThat(composition.getSection().get(2).getEntry()).hasSize(4);
    assertThat(composition.getDateElement().getValueAsString()).startsWith("2026-11-24T16:00:00");
    assertThat(
            ((Reference)
                    composition.getExtensionByUrl(PrisonFhir.EXT_RECEIVING_ORGANIZATION).getValue())
                .getReference())
        .isEqualTo("Organization/demo-treatment");
  }

  @Test
  void compositionIsAddressedToTheHandoffsReceivingProviderLikeItsTreatmentReferral() {
    ReleaseHandoff base =
        ((Hl7v2Intake.Translated) translator.translate(Hl7v2Samples.discharge())).handoff();
    ReleaseHandoff elsewhere =
        new ReleaseHandoff(
            base.handoffKey(),
            base.identifiers(),
            base.names(),
            base.birthDate(),
            base.gender(),
            base.releaseDate(),
            base.releaseType(),
            base.releaseFacility(),
            base.dischargeDisposition(),
            base.medications(),
            base.conditions(),
            null,
            base.needs(),
            "riverside-recovery",
            null,
            base.source());
    Bundle bundle = PrisonFixtures.transactionMapper().map(elsewhere);
    Composition composition = resources(bundle, Composition.class).get(0);

    assertThat(composition.getExtensionsByUrl(PrisonFhir.EXT_RECEIVING_ORGANIZATION))
        .singleElement()
        .satisfies(
            extension ->
                assertThat(((Reference) extension.getValue()).getReference())
                    .isEqualTo("Organization/riverside-recovery"));
    assertThat(resources(bundle, ServiceRequest.class).get(0).getPerformerFirstRep().getReference())
        .isEqualTo("Organization/riverside-recovery");
    assertThat(composition.getAuthorFirstRep().getReference())
        .isEqualTo("Organization/demo-prison");
    assertThat(composition.getCustodian().getReference()).isEqualTo("Organization/demo-prison");
  }

  @Test
  void housingSituationAtReleaseIsHmis207WithItsHudGroup() {
    Bundle bundle = transaction(Hl7v2Samples.discharge());
    org.hl7.fhir.r4.model.Observation housing =
        resources(bundle, org.hl7.fhir.r4.model.Observation.class).get(0);
    Composition composition = resources(bundle, Composition.class).get(0);

    assertThat(housing.getCode().getCodingFirstRep().getCode()).isEqualTo("71802-3");
    assertThat(housing.getValueCodeableConcept().getCoding())
        .extracting(c -> c.getSystem() + "#" + c.getCode())
        .containsExactly(
            "https://continuumcare.org/fhir/CodeSystem/hmis-living-situation#207",
            "https://continuumcare.org/fhir/CodeSystem/housing-situation-category#institutional");
    assertThat(composition.getSection().get(3).getEntryFirstRep().getReference())
        .isEqualTo(entryOf(bundle, org.hl7.fhir.r4.model.Observation.class).getFullUrl());
  }

  @Test
  void handoffWithoutMedicationsSaysSoWithTheIpsNoMedicationInformationCode() {
    Bundle bundle =
        transaction(
            PrisonFixtures.er7(
                Hl7v2Samples.MSH_251, Hl7v2Samples.EVN, Hl7v2Samples.PID, Hl7v2Samples.PV1));
    Composition composition = resources(bundle, Composition.class).get(0);
    List<MedicationStatement> statements = resources(bundle, MedicationStatement.class);

    assertThat(statements).hasSize(1);
    assertThat(statements.get(0).getStatus())
        .isEqualTo(MedicationStatement.MedicationStatementStatus.UNKNOWN);
    assertThat(statements.get(0).getMedicationCodeableConcept().getCodingFirstRep().getCode())
        .isEqualTo("no-medication-info");
    assertThat(composition.getSectionFirstRep().getEntry()).hasSize(1);
    assertThat(resources(bundle, ServiceRequest.class)).hasSize(1);
  }

  @Test
  void originalMessageIsABinaryAndOneProvenanceNamesEveryOtherResource() {
    Bundle bundle = transaction(Hl7v2Samples.discharge());
    Bundle.BundleEntryComponent binaryEntry = entryOf(bundle, Binary.class);
    Binary binary = (Binary) binaryEntry.getResource();
    Provenance provenance = resources(bundle, Provenance.class).get(0);

    assertThat(binary.getContentType()).isEqualTo("x-application/hl7-v2+er7");
    assertThat(new String(binary.getData(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(Hl7v2Samples.discharge());
    assertThat(binaryEntry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PUT);
    assertThat(binaryEntry.getRequest().getUrl()).startsWith("Binary/");
    assertThat(provenance.getEntityFirstRep().getWhat().getReference())
        .isEqualTo(binaryEntry.getFullUrl());
    Set<String> expected =
        bundle.getEntry().stream()
            .filter(
                e ->
                    !(e.getResource() instanceof Binary)
                        && !(e.getResource() instanceof Provenance))
            .map(Bundle.BundleEntryComponent::getFullUrl)
            .collect(Collectors.toSet());
    assertThat(provenance.getTarget())
        .extracting(Reference::getReference)
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(provenance.getAgent())
        .extracting(a -> a.getWho().getReference())
        .containsExactly("Organization/demo-prison", "Organization/continuum-gateway");
  }

  @Test
  void everyResourceButThePatientCarriesTheSudLabels() {
    Bundle bundle = transaction(Hl7v2Samples.discharge());

    assertThat(
            bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> !(r instanceof Patient)))
        .allSatisfy(
            r ->
                assertThat(r.getMeta().getSecurity())
                    .extracting(c -> c.getCode())
                    .containsExactly("R", "42CFRPart2"));
  }

  @Test
  void theSameMessageTwiceProducesIdenticalRequests() {
    String first =
        PrisonFixtures.FHIR
            .newJsonParser()
            .encodeResourceToString(transaction(Hl7v2Samples.discharge()));
    String second =
        PrisonFixtures.FHIR
            .newJsonParser()
            .encodeResourceToString(transaction(Hl7v2Samples.discharge()));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void aLaterHandoffForTheSamePersonUpdatesTheSamePatient() {
    Bundle first = transaction(Hl7v2Samples.discharge());
    String later =
        Hl7v2Samples.discharge().replace("CTRL-1", "CTRL-2").replace("V-2026-88", "V-2027-01");
    Bundle second = transaction(later);

    assertThat(entryOf(second, Patient.class).getRequest().getUrl())
        .isEqualTo(entryOf(first, Patient.class).getRequest().getUrl());
    assertThat(entryOf(second, Composition.class).getRequest().getUrl())
        .isNotEqualTo(entryOf(first, Composition.class).getRequest().getUrl());
  }

  @Test
  void preReleaseRegistrationAndTheLaterDischargeOfTheSameStayUpdateOneHandoff() {
    String msh =
        Hl7v2Samples.MSH_251
            .replace("ADT^A03^ADT_A03", "ADT^A04^ADT_A01")
            .replace("CTRL-1", "CTRL-0");
    String pv1 =
        Hl7v2Samples.segment("PV1", 1, "1", 2, "I", 3, "UNIT-B^12^1^Riverside CF", 19, "V-2026-88");
    String pv2 = Hl7v2Samples.segment("PV2", 9, "20261215");
    Bundle registration =
        transaction(PrisonFixtures.er7(msh, "EVN|A04|20261120090000", Hl7v2Samples.PID, pv1, pv2));
    Bundle discharge = transaction(Hl7v2Samples.discharge());

    for (Class<?> type : List.of(Patient.class, Encounter.class, Composition.class)) {
      assertThat(entryOf(discharge, type).getRequest().getUrl())
          .isEqualTo(entryOf(registration, type).getRequest().getUrl());
    }
    Extension before =
        ((Encounter) entryOf(registration, Encounter.class).getResource())
            .getExtensionByUrl(PrisonFhir.EXT_RELEASE_DATE);
    assertThat(before.getExtensionByUrl("confirmed").getValue().primitiveValue())
        .isEqualTo("false");
  }

  @Test
  void needsAddHousingEmploymentAndPeerSupportReferralsToTheirPartners() {
    ReleaseHandoff base =
        ((Hl7v2Intake.Translated) translator.translate(Hl7v2Samples.discharge())).handoff();
    ReleaseHandoff withNeeds =
        new ReleaseHandoff(
            base.handoffKey(),
            base.identifiers(),
            base.names(),
            base.birthDate(),
            base.gender(),
            base.releaseDate(),
            base.releaseType(),
            base.releaseFacility(),
            base.dischargeDisposition(),
            base.medications(),
            base.conditions(),
            null,
            new ReleaseHandoff.Needs(true, true, true),
            base.receivingProviderId(),
            "Consent/jordan-sud-consent",
            base.source());
    Bundle bundle = PrisonFixtures.transactionMapper().map(withNeeds);

    assertThat(resources(bundle, Task.class))
        .extracting(t -> t.getOwner().getReference())
        .containsExactly(
            "Organization/demo-treatment",
            "Organization/demo-treatment",
            "Organization/demo-housing",
            "Organization/demo-employment",
            "Organization/demo-treatment");
    Composition composition = resources(bundle, Composition.class).get(0);
    assertThat(
            composition
                .getSection()
                .get(composition.getSection().size() - 1)
                .getEntryFirstRep()
                .getReference())
        .isEqualTo("Consent/jordan-sud-consent");
  }
}
