package org.continuumcare.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PreferReturnEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.profiles.packages.FhirPackages;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Continuum's FHIR packages installed, enforced on write, and assessments scored as they are
 * stored.
 */
class ConformanceIT extends GatewayIntegrationTest {

  private static final String BASE = "https://continuumcare.org/fhir/";
  private static final String AGREEMENT_6 = BASE + "CodeSystem/agreement-scale-6";

  @Autowired PooledInstanceValidator validator;

  @Test
  void everyProfileAndExtensionIsFoundByItsCanonicalUrl() {
    // HAPI's package installer stores only active conformance resources: a draft extension is
    // skipped with a warning at every start and missing from StructureDefinition searches.
    for (String id :
        List.of(
            "recovery-capital-assessment",
            "recovery-capital-score",
            "recovery-plan",
            "recovery-goal",
            "recovery-care-team",
            "referral",
            "referral-task",
            "release-handoff",
            "sud-disclosure-consent",
            "medication-supply-at-release",
            "medication-last-dose",
            "pre-release-window",
            "receiving-organization",
            "recovery-capital-domain",
            "redisclosure-notice",
            "release-date",
            "score-threshold-met",
            "irrevocable-until",
            "disclosure-consent-scope")) {
      Bundle found =
          fhir()
              .search()
              .byUrl("StructureDefinition?url=" + BASE + "StructureDefinition/" + id)
              .returnBundle(Bundle.class)
              .execute();
      assertThat(found.getEntry()).as(id).hasSize(1);
    }
  }

  @Test
  void valueSetExpansionListsTheEightRecoveryCapitalDomains() {
    ValueSet expansion =
        fhir()
            .operation()
            .onType(ValueSet.class)
            .named("$expand")
            .withParameter(
                Parameters.class, "url", new UriType(BASE + "ValueSet/recovery-capital-domain"))
            .returnResourceType(ValueSet.class)
            .execute();

    assertThat(expansion.getExpansion().getContains())
        .extracting(ValueSet.ValueSetExpansionContainsComponent::getCode)
        .containsExactlyInAnyOrder(
            "physical-mental-health",
            "family-social-leisure",
            "safe-housing",
            "peer-support",
            "employment-legal",
            "vocational-education",
            "community-culture",
            "meaning-purpose");
  }

  @Test
  void codeSystemValidateCodeKnowsOurCodesAndRejectsOthers() {
    assertThat(validateCode("safe-housing")).isTrue();
    assertThat(validateCode("space-travel")).isFalse();
  }

  @Test
  void theMeasureGroupAndStratifierCodeSystemsAreInstalledWithTheCodesTheMeasureReportsUse() {
    assertThat(validateCode("measure-group", "closed-loop")).isTrue();
    assertThat(validateCode("measure-group", "change-safe-housing")).isTrue();
    assertThat(validateCode("measure-group", "space-travel")).isFalse();
    assertThat(validateCode("measure-stratifier", "release-type")).isTrue();
    assertThat(validateCode("measure-stratifier", "space-travel")).isFalse();
  }

  @Test
  void conceptMapTranslatesHmisEmergencyShelterToTheLoincHousingStatusAnswer() {
    Parameters translation =
        fhir()
            .operation()
            .onType("ConceptMap")
            .named("$translate")
            .withParameter(
                Parameters.class,
                "url",
                new UriType(BASE + "ConceptMap/hmis-living-situation-to-housing-status"))
            .andParameter("system", new UriType(BASE + "CodeSystem/hmis-living-situation"))
            .andParameter("code", new StringType("101"))
            .execute();

    assertThat(((BooleanType) translation.getParameter("result").getValue()).booleanValue())
        .isTrue();
    assertThat(
            translation.getParameter().stream()
                .filter(p -> p.getName().equals("match"))
                .flatMap(match -> match.getPart().stream())
                .filter(part -> part.getName().equals("concept"))
                .map(part -> ((Coding) part.getValue()).getCode()))
        .contains("LA31995-6");
  }

  @Test
  void storingABarc10AssessmentDerivesItsTotalInTheSameWriteWithProvenance() {
    IGenericClient client = fhir();
    QuestionnaireResponse assessment = barc10For(newPatient(client));

    String id = client.create().resource(assessment).execute().getId().getIdPart();

    Observation total = single(scoresOf(client, id, "barc-10-total"));
    assertThat(((IntegerType) total.getValue()).getValue()).isEqualTo(sumOfAnswers(assessment));
    assertThat(total.getDerivedFromFirstRep().getReference())
        .isEqualTo("QuestionnaireResponse/" + id);
    Bundle provenance =
        client
            .search()
            .byUrl("Provenance?target=Observation/" + total.getIdElement().getIdPart())
            .returnBundle(Bundle.class)
            .execute();
    assertThat(
            ((Provenance) provenance.getEntryFirstRep().getResource())
                .getEntityFirstRep()
                .getWhat()
                .getReference())
        .startsWith("QuestionnaireResponse/" + id);
  }

  @Test
  void aBarc10AssessmentSentInATransactionDerivesItsTotalWithProvenance() {
    IGenericClient client = fhir();
    QuestionnaireResponse assessment = barc10For(newPatient(client));
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction
        .addEntry()
        .setFullUrl("urn:uuid:5d1e6c2a-0000-4000-8000-000000000010")
        .setResource(assessment)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("QuestionnaireResponse");

    Bundle response = client.transaction().withBundle(transaction).execute();

    String id = new IdType(response.getEntryFirstRep().getResponse().getLocation()).getIdPart();
    Observation total = single(scoresOf(client, id, "barc-10-total"));
    assertThat(((IntegerType) total.getValue()).getValue()).isEqualTo(sumOfAnswers(assessment));
    Bundle provenance =
        client
            .search()
            .byUrl("Provenance?target=Observation/" + total.getIdElement().getIdPart())
            .returnBundle(Bundle.class)
            .execute();
    assertThat(provenance.getEntry()).hasSize(1);
  }

  @Test
  void storingAnAssessmentValidatesWhatTheClientSentOnceAndNotTheScoresDerivedFromIt() {
    IGenericClient client = fhir();
    QuestionnaireResponse assessment = barc10For(newPatient(client));
    long before = validator.validationsRun();

    String id = client.create().resource(assessment).execute().getId().getIdPart();

    assertThat(single(scoresOf(client, id, "barc-10-total")).getMeta().getProfile())
        .extracting(UriType::getValue)
        .contains(BASE + "StructureDefinition/recovery-capital-score");
    assertThat(validator.validationsRun() - before).isEqualTo(1);
  }

  @Test
  void aScoreObservationSentByAClientIsStillValidated() {
    IGenericClient client = fhir();
    Observation score = new Observation();
    score.getMeta().addProfile(BASE + "StructureDefinition/recovery-capital-score");
    score.setStatus(Observation.ObservationStatus.FINAL);
    score
        .getCode()
        .addCoding()
        .setSystem(BASE + "CodeSystem/recovery-capital-score-type")
        .setCode("barc-10-total");
    score.setSubject(new Reference(newPatient(client)));
    score.setValue(new IntegerType(40));

    UnprocessableEntityException refused =
        catchThrowableOfType(
            UnprocessableEntityException.class, () -> client.create().resource(score).execute());

    assertThat(diagnostics(refused)).contains("Observation");
  }

  @Test
  void updatingTheAssessmentReplacesItsScoresInsteadOfAddingMore() {
    IGenericClient client = fhir();
    QuestionnaireResponse assessment = barc10For(newPatient(client));
    String id = client.create().resource(assessment).execute().getId().getIdPart();
    Observation before = single(scoresOf(client, id, "barc-10-total"));

    assessment.setId(id);
    answer(assessment, 0).setValue(new Coding(AGREEMENT_6, "1", null));
    client.update().resource(assessment).execute();

    Observation after = single(scoresOf(client, id, "barc-10-total"));
    assertThat(after.getIdElement().getIdPart()).isEqualTo(before.getIdElement().getIdPart());
    assertThat(((IntegerType) after.getValue()).getValue()).isEqualTo(sumOfAnswers(assessment));
  }

  @Test
  void answerOutOfRangeIsRefusedNamingTheItemAndNothingIsStored() {
    IGenericClient client = fhir();
    String patient = newPatient(client);
    QuestionnaireResponse assessment = barc10For(patient);
    answer(assessment, 2).setValue(new Coding(AGREEMENT_6, "9", null));

    UnprocessableEntityException refused =
        catchThrowableOfType(
            UnprocessableEntityException.class,
            () -> client.create().resource(assessment).execute());

    assertThat(diagnostics(refused))
        .contains("QuestionnaireResponse.item[2].answer[0]")
        .contains("agreement-scale-6::9");
    assertThat(
            client
                .search()
                .byUrl("QuestionnaireResponse?subject=" + patient)
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .isEmpty();
    assertThat(
            client
                .search()
                .byUrl("Observation?subject=" + patient)
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .isEmpty();
  }

  @Test
  void unknownItemIsRefusedNamingIt() {
    IGenericClient client = fhir();
    QuestionnaireResponse assessment = barc10For(newPatient(client));
    assessment
        .addItem()
        .setLinkId("barc-10-99")
        .addAnswer()
        .setValue(new Coding(AGREEMENT_6, "3", null));

    UnprocessableEntityException refused =
        catchThrowableOfType(
            UnprocessableEntityException.class,
            () -> client.create().resource(assessment).execute());

    assertThat(diagnostics(refused)).contains("barc-10-99");
  }

  @Test
  void inProgressAssessmentIsStoredWithoutATotalAndTheCallerIsToldWhy() {
    IGenericClient client = fhir();
    QuestionnaireResponse assessment = barc10For(newPatient(client));
    assessment.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
    assessment.getItem().subList(7, assessment.getItem().size()).clear();

    MethodOutcome outcome =
        client.create().resource(assessment).prefer(PreferReturnEnum.OPERATION_OUTCOME).execute();

    assertThat(outcome.getCreated()).isTrue();
    assertThat(((OperationOutcome) outcome.getOperationOutcome()).getIssue())
        .anySatisfy(
            issue -> {
              assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
              assertThat(issue.getDiagnostics()).contains("no total").contains("barc-10-08");
            });
    assertThat(scoresOf(client, outcome.getId().getIdPart(), "barc-10-total")).isEmpty();
  }

  @Test
  void mircIsInstalledAsDraftAndExperimentalAndEveryMircResponseStoredCarriesTheWarning() {
    IGenericClient client = fhir();
    org.hl7.fhir.r4.model.Questionnaire mirc =
        (org.hl7.fhir.r4.model.Questionnaire)
            client
                .search()
                .byUrl("Questionnaire?url=" + BASE + "Questionnaire/mirc-28")
                .returnBundle(Bundle.class)
                .execute()
                .getEntryFirstRep()
                .getResource();
    assertThat(mirc.getStatus())
        .isEqualTo(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.DRAFT);
    assertThat(mirc.getExperimental()).isTrue();
    QuestionnaireResponse assessment = exampleFor("jordan-mirc-28-2026-11-20", newPatient(client));

    MethodOutcome created =
        client.create().resource(assessment).prefer(PreferReturnEnum.OPERATION_OUTCOME).execute();
    assessment.setId(created.getId().toUnqualifiedVersionless());
    assessment.setAuthoredElement(new org.hl7.fhir.r4.model.DateTimeType("2026-11-21"));
    MethodOutcome updated =
        client.update().resource(assessment).prefer(PreferReturnEnum.OPERATION_OUTCOME).execute();

    for (MethodOutcome outcome : List.of(created, updated)) {
      assertThat(((OperationOutcome) outcome.getOperationOutcome()).getIssue())
          .anySatisfy(
              issue -> {
                assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
                assertThat(issue.getDiagnostics()).contains("mirc-28 is draft and experimental");
              });
    }
  }

  @Test
  void aBarc10ResponseIsNotToldAboutMirc() {
    IGenericClient client = fhir();

    MethodOutcome outcome =
        client
            .create()
            .resource(barc10For(newPatient(client)))
            .prefer(PreferReturnEnum.OPERATION_OUTCOME)
            .execute();

    assertThat(((OperationOutcome) outcome.getOperationOutcome()).getIssue())
        .noneSatisfy(issue -> assertThat(issue.getDiagnostics()).contains("mirc-28"));
  }

  @Test
  void referralWithoutRequesterIsRefusedWith422NamingTheElement() {
    IGenericClient client = fhir();
    ServiceRequest referral = new ServiceRequest();
    referral.getMeta().addProfile(BASE + "StructureDefinition/referral");
    referral.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    referral.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    referral.setSubject(new Reference(newPatient(client)));

    UnprocessableEntityException refused =
        catchThrowableOfType(
            UnprocessableEntityException.class, () -> client.create().resource(referral).execute());

    assertThat(diagnostics(refused)).contains("ServiceRequest.requester");
  }

  @Test
  void transactionWithInvalidProfiledEntriesIsRefusedNamingEachEntryAndStoresNothing() {
    IGenericClient client = fhir();
    String system = uniqueSystem();
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(system).setValue("in-a-transaction");
    transaction
        .addEntry()
        .setFullUrl("urn:uuid:0b7c5a3e-0000-4000-8000-000000000001")
        .setResource(patient)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Patient");
    ServiceRequest referral = new ServiceRequest();
    referral.getMeta().addProfile(BASE + "StructureDefinition/referral");
    referral.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    referral.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    referral.setSubject(new Reference("urn:uuid:0b7c5a3e-0000-4000-8000-000000000001"));
    transaction
        .addEntry()
        .setFullUrl("urn:uuid:0b7c5a3e-0000-4000-8000-000000000002")
        .setResource(referral)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("ServiceRequest");
    org.hl7.fhir.r4.model.Task task = new org.hl7.fhir.r4.model.Task();
    task.getMeta().addProfile(BASE + "StructureDefinition/referral-task");
    task.setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.REQUESTED);
    task.setIntent(org.hl7.fhir.r4.model.Task.TaskIntent.ORDER);
    task.setFocus(new Reference("urn:uuid:0b7c5a3e-0000-4000-8000-000000000002"));
    task.setFor(new Reference("urn:uuid:0b7c5a3e-0000-4000-8000-000000000001"));
    transaction
        .addEntry()
        .setFullUrl("urn:uuid:0b7c5a3e-0000-4000-8000-000000000003")
        .setResource(task)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Task");

    UnprocessableEntityException refused =
        catchThrowableOfType(
            UnprocessableEntityException.class,
            () -> client.transaction().withBundle(transaction).execute());

    assertThat(diagnostics(refused))
        .contains(
            "Bundle.entry[1] (fullUrl urn:uuid:0b7c5a3e-0000-4000-8000-000000000002, POST ServiceRequest)")
        .contains("ServiceRequest.requester")
        .contains(
            "Bundle.entry[2] (fullUrl urn:uuid:0b7c5a3e-0000-4000-8000-000000000003, POST Task)")
        .contains("Task.owner");
    assertThat(
            client
                .search()
                .byUrl("Patient?identifier=" + system + "|in-a-transaction")
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .isEmpty();
  }

  @Test
  void validateOperationReportsProfileErrorsWithoutStoring() {
    ServiceRequest referral = new ServiceRequest();
    referral.getMeta().addProfile(BASE + "StructureDefinition/referral");
    referral.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    referral.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);

    MethodOutcome result = fhir().validate().resource(referral).execute();

    assertThat(((OperationOutcome) result.getOperationOutcome()).getIssue())
        .anySatisfy(
            issue ->
                assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR));
  }

  private boolean validateCode(String code) {
    return validateCode("recovery-capital-domain", code);
  }

  private boolean validateCode(String codeSystemId, String code) {
    Parameters result =
        fhir()
            .operation()
            .onType("CodeSystem")
            .named("$validate-code")
            .withParameter(
                Parameters.class, "url", new UriType(BASE + "CodeSystem/" + codeSystemId))
            .andParameter("code", new StringType(code))
            .execute();
    return ((BooleanType) result.getParameter("result").getValue()).booleanValue();
  }

  private static String newPatient(IGenericClient client) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(uniqueSystem()).setValue("assessed");
    return "Patient/" + client.create().resource(patient).execute().getId().getIdPart();
  }

  /** The package's worked BARC-10 example, answered by and about a fresh patient. */
  private static QuestionnaireResponse barc10For(String patient) {
    return exampleFor("jordan-barc-10-2026-11-20", patient);
  }

  /** A worked example response of the package, answered by and about a fresh patient. */
  private static QuestionnaireResponse exampleFor(String exampleId, String patient) {
    QuestionnaireResponse example =
        (QuestionnaireResponse)
            FhirPackages.resources(
                    FHIR, FhirPackages.load(FhirPackages.RECOVERY), "QuestionnaireResponse")
                .stream()
                .filter(resource -> resource.getIdElement().getIdPart().equals(exampleId))
                .findFirst()
                .orElseThrow();
    QuestionnaireResponse assessment = example.copy();
    assessment.setId((String) null);
    assessment.setSubject(new Reference(patient));
    assessment.setAuthor(new Reference(patient));
    assessment.setSource(null);
    return assessment;
  }

  private static QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent answer(
      QuestionnaireResponse response, int item) {
    return response.getItem().get(item).getAnswerFirstRep();
  }

  private static int sumOfAnswers(QuestionnaireResponse response) {
    return response.getItem().stream()
        .mapToInt(item -> Integer.parseInt(item.getAnswerFirstRep().getValueCoding().getCode()))
        .sum();
  }

  private static List<Observation> scoresOf(
      IGenericClient client, String responseId, String scoreType) {
    return client
        .search()
        .byUrl(
            "Observation?derived-from=QuestionnaireResponse/"
                + responseId
                + "&code="
                + BASE
                + "CodeSystem/recovery-capital-score-type|"
                + scoreType
                + "&status=final")
        .returnBundle(Bundle.class)
        .execute()
        .getEntry()
        .stream()
        .map(entry -> (Observation) entry.getResource())
        .toList();
  }

  private static Observation single(List<Observation> observations) {
    assertThat(observations).hasSize(1);
    return observations.get(0);
  }

  private static String diagnostics(UnprocessableEntityException refused) {
    assertThat(refused).isNotNull();
    return ((OperationOutcome) refused.getOperationOutcome())
        .getIssue().stream()
            .map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
            .reduce("", (a, b) -> a + "\n" + b);
  }
}
