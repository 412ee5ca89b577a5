package org.continuumcare.routes.prison;

import static org.continuumcare.routes.prison.PrisonFhir.*;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Supplier;
import org.continuumcare.routes.prison.ReleaseHandoff.Coded;
import org.continuumcare.routes.prison.ReleaseHandoff.HandoffCondition;
import org.continuumcare.routes.prison.ReleaseHandoff.HandoffMedication;
import org.continuumcare.routes.prison.ReleaseHandoff.PersonIdentifier;
import org.continuumcare.routes.prison.ReleaseHandoff.PersonName;
import org.continuumcare.terminology.ConceptMapTranslator;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Pure mapper from a {@link ReleaseHandoff} to ONE FHIR R4 transaction Bundle: the original message
 * (Binary), the Patient (conditional update on its first identifier: a second handoff for the same
 * person updates it), the release Encounter, MedicationStatements, Conditions, Referrals +
 * ReferralTasks (conditional create, so a resent handoff never resets a Task the partner already
 * moved on), the ReleaseHandoff Composition and one Provenance naming every resource and pointing
 * at the Binary. The Composition names the receiving treatment provider (extension
 * receiving-organization), so the relay routes the handoff to it as it routes the referrals. Every
 * request is keyed on the handoff, so the same handoff twice produces the same requests; fullUrls
 * come from the injected id generator.
 */
public final class ReleaseHandoffTransactionMapper {

  /** HMIS living situation 207: where every person handed over lives until release. */
  static final String HMIS_IN_CUSTODY = "207";

  private final ConceptMapTranslator translator;
  private final HandoffDefaults defaults;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public ReleaseHandoffTransactionMapper(
      ConceptMapTranslator translator, HandoffDefaults defaults, Clock clock, Supplier<UUID> ids) {
    this.translator = Objects.requireNonNull(translator, "translator");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /**
   * The identifier value prefix of every resource of this handoff (UUID derived from the handoff
   * key).
   */
  public static String handoffId(ReleaseHandoff handoff) {
    return handoffId(handoff.handoffKey());
  }

  /** The handoff id of a handoff key (a name-based UUID). */
  public static String handoffId(String handoffKey) {
    return UUID.nameUUIDFromBytes(handoffKey.getBytes(StandardCharsets.UTF_8)).toString();
  }

  public Bundle map(ReleaseHandoff handoff) {
    Date now = Date.from(clock.instant());
    String handoffId = handoffId(handoff);
    Reference sender = org(defaults.senderOrganizationId());
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    bundle.setTimestamp(now);
    List<Bundle.BundleEntryComponent> created = new ArrayList<>();

    String binaryId = UUID.nameUUIDFromBytes(handoff.source().content()).toString();
    Reference patientRef = new Reference(urn());
    Binary binary =
        new Binary()
            .setContentType(handoff.source().contentType())
            .setData(handoff.source().content());
    binary.setSecurityContext(patientRef);
    label(binary);
    Bundle.BundleEntryComponent binaryEntry = put(bundle, binary, "Binary/" + binaryId);

    Patient patient = patient(handoff);
    PersonIdentifier key = handoff.identifiers().get(0);
    created.add(
        entry(
            bundle,
            patient,
            patientRef.getReference(),
            HTTPVerb.PUT,
            "Patient?identifier=" + encode(key.system() + "|" + key.value()),
            null));

    Encounter encounter = encounter(handoff, handoffId, patientRef, sender);
    Reference encounterRef = new Reference(urn());
    created.add(conditionalPut(bundle, encounter, encounterRef, handoffId + "-encounter"));

    List<Reference> medicationRefs = new ArrayList<>();
    int n = 0;
    for (HandoffMedication medication : handoff.medications()) {
      n++;
      MedicationStatement statement =
          medication(
              handoff,
              medication,
              handoffId + "-medication-" + n,
              patientRef,
              encounterRef,
              sender,
              now);
      Reference ref = new Reference(urn());
      medicationRefs.add(ref);
      created.add(conditionalPut(bundle, statement, ref, handoffId + "-medication-" + n));
    }

    if (handoff.medications().isEmpty()) {
      Reference ref = new Reference(urn());
      medicationRefs.add(ref);
      created.add(
          conditionalPut(
              bundle,
              noMedicationInformation(
                  handoffId + "-medication-none", patientRef, encounterRef, sender, now),
              ref,
              handoffId + "-medication-none"));
    }

    List<Reference> conditionRefs = new ArrayList<>();
    n = 0;
    for (HandoffCondition condition : handoff.conditions()) {
      n++;
      Reference ref = new Reference(urn());
      conditionRefs.add(ref);
      created.add(
          conditionalPut(
              bundle,
              condition(condition, handoffId + "-condition-" + n, patientRef, encounterRef, now),
              ref,
              handoffId + "-condition-" + n));
    }

    Reference housingRef = new Reference(urn());
    created.add(
        conditionalPut(
            bundle,
            livingSituation(handoffId + "-housing", patientRef, encounterRef, sender, now),
            housingRef,
            handoffId + "-housing"));

    List<Reference> referralRefs = new ArrayList<>();
    for (ReferralSpec spec : referrals(handoff)) {
      String referralId = handoffId + "-referral-" + spec.name();
      Reference srRef = new Reference(urn());
      ServiceRequest request =
          referral(
              handoff,
              spec,
              referralId,
              patientRef,
              encounterRef,
              sender,
              now,
              spec.moud() ? medicationRefs : List.of());
      created.add(conditionalCreate(bundle, request, srRef, referralId));
      referralRefs.add(srRef);
      String taskId = handoffId + "-task-" + spec.name();
      Reference taskRef = new Reference(urn());
      created.add(
          conditionalCreate(
              bundle,
              task(
                  spec,
                  taskId,
                  srRef,
                  patientRef,
                  encounterRef,
                  sender,
                  now,
                  handoff.releaseDate().date()),
              taskRef,
              taskId));
      referralRefs.add(taskRef);
    }

    Composition composition =
        composition(
            handoff,
            handoffId,
            patientRef,
            encounterRef,
            sender,
            now,
            medicationRefs,
            conditionRefs,
            referralRefs,
            housingRef);
    created.add(
        conditionalPut(bundle, composition, new Reference(urn()), handoffId + "-composition"));

    Provenance provenance = new Provenance();
    for (Bundle.BundleEntryComponent entry : created) {
      provenance.addTarget(new Reference(entry.getFullUrl()));
    }
    provenance.setRecorded(now);
    provenance.setActivity(
        new CodeableConcept(new Coding(V3_DATA_OPERATION, "CREATE", "create"))
            .setText("translated from the prison partner's release message"));
    provenance
        .addAgent()
        .setType(new CodeableConcept(new Coding(PROVENANCE_PARTICIPANT, "author", "Author")))
        .setWho(org(defaults.senderOrganizationId()));
    provenance
        .addAgent()
        .setType(new CodeableConcept(new Coding(PROVENANCE_PARTICIPANT, "assembler", "Assembler")))
        .setWho(org(defaults.gatewayOrganizationId()));
    provenance
        .addEntity()
        .setRole(Provenance.ProvenanceEntityRole.SOURCE)
        .setWhat(new Reference(binaryEntry.getFullUrl()));
    label(provenance);
    put(
        bundle,
        provenance,
        "Provenance/"
            + UUID.nameUUIDFromBytes(
                (handoffId + "|" + binaryId).getBytes(StandardCharsets.UTF_8)));
    return bundle;
  }

  private static Patient patient(ReleaseHandoff handoff) {
    Patient patient = new Patient();
    for (PersonIdentifier identifier : handoff.identifiers()) {
      Identifier id =
          patient.addIdentifier().setSystem(identifier.system()).setValue(identifier.value());
      if (identifier.typeCode() != null) {
        id.setType(
            new CodeableConcept(
                new Coding(
                    "http://terminology.hl7.org/CodeSystem/v2-0203", identifier.typeCode(), null)));
      }
    }
    for (PersonName name : handoff.names()) {
      HumanName human = patient.addName().setFamily(name.family());
      name.given().forEach(human::addGiven);
    }
    if (handoff.gender() != null) {
      patient.setGender(AdministrativeGender.fromCode(handoff.gender()));
    }
    if (handoff.birthDate() != null) {
      patient.setBirthDateElement(new DateType(handoff.birthDate().toString()));
    }
    return patient;
  }

  private Encounter encounter(
      ReleaseHandoff handoff, String handoffId, Reference patient, Reference sender) {
    Encounter encounter = new Encounter();
    encounter.addExtension(releaseDateExtension(handoff.releaseDate()));
    encounter.addIdentifier(handoffIdentifier(handoffId + "-encounter"));
    boolean released =
        handoff.releaseDate().confirmed()
            && !handoff.releaseDate().date().isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    encounter.setStatus(
        released ? Encounter.EncounterStatus.FINISHED : Encounter.EncounterStatus.INPROGRESS);
    encounter.setClass_(new Coding(V3_ACT_CODE, "NONAC", "inpatient non-acute"));
    encounter.addType().setText("Custody ending in release");
    encounter.setSubject(patient);
    Period period = new Period();
    if (released) {
      period.setEndElement(new DateTimeType(handoff.releaseDate().date().toString()));
    }
    encounter.setPeriod(period);
    if (handoff.dischargeDisposition() != null) {
      encounter
          .getHospitalization()
          .setDischargeDisposition(concept(handoff.dischargeDisposition(), null));
    }
    if (handoff.releaseFacility() != null && handoff.releaseFacility().name() != null) {
      encounter
          .addLocation()
          .setLocation(new Reference().setDisplay(handoff.releaseFacility().name()));
    }
    encounter.setServiceProvider(sender);
    label(encounter);
    return encounter;
  }

  private static MedicationStatement medication(
      ReleaseHandoff handoff,
      HandoffMedication medication,
      String identifier,
      Reference patient,
      Reference encounter,
      Reference sender,
      Date now) {
    MedicationStatement statement = new MedicationStatement();
    if (medication.supplyAtReleaseDays() != null) {
      statement.addExtension(
          EXT_SUPPLY_AT_RELEASE,
          new Quantity()
              .setValue(medication.supplyAtReleaseDays())
              .setUnit("days")
              .setSystem(UCUM)
              .setCode("d"));
    }
    statement.addIdentifier(handoffIdentifier(identifier));
    statement.setStatus(
        medication.role() == MedicationRole.NALOXONE
            ? MedicationStatement.MedicationStatementStatus.INTENDED
            : MedicationStatement.MedicationStatementStatus.ACTIVE);
    statement.setMedication(concept(medication.code(), medication.text()));
    statement.setSubject(patient);
    statement.setContext(encounter);
    if (medication.role() == MedicationRole.NALOXONE) {
      statement.setEffective(new DateTimeType(handoff.releaseDate().date().toString()));
    } else if (medication.startDate() != null) {
      statement.setEffective(
          new Period().setStartElement(new DateTimeType(medication.startDate().toString())));
    }
    statement.setDateAsserted(now);
    statement.setInformationSource(sender);
    ReleaseHandoff.LastDose lastDose = medication.lastDose();
    if (lastDose != null) {
      statement.addExtension(
          EXT_LAST_DOSE,
          new DateTimeType(
              Date.from(lastDose.at().toInstant()),
              TemporalPrecisionEnum.SECOND,
              TimeZone.getTimeZone(lastDose.at().getOffset())));
    }
    if (medication.dosage() != null || (lastDose != null && lastDose.amount() != null)) {
      Dosage dosage = statement.addDosage();
      if (medication.dosage() != null) {
        dosage.setText(medication.dosage());
      }
      if (lastDose != null && lastDose.amount() != null) {
        // The dose being taken, as last given in custody.
        dosage
            .addDoseAndRate()
            .setDose(new Quantity().setValue(lastDose.amount()).setUnit(lastDose.unit()));
      }
    }
    label(statement);
    return statement;
  }

  /**
   * The release-handoff profile needs at least one medication entry; when the message lists none,
   * say so the way the International Patient Summary does
   * (absent-unknown-uv-ips#no-medication-info) rather than invent one.
   */
  private static MedicationStatement noMedicationInformation(
      String identifier, Reference patient, Reference encounter, Reference sender, Date now) {
    MedicationStatement statement = new MedicationStatement();
    statement.addIdentifier(handoffIdentifier(identifier));
    statement.setStatus(MedicationStatement.MedicationStatementStatus.UNKNOWN);
    statement.setMedication(
        new CodeableConcept(
                new Coding(
                    IPS_ABSENT_UNKNOWN, "no-medication-info", "No information about medications"))
            .setText("The release message listed no medication"));
    statement.setSubject(patient);
    statement.setContext(encounter);
    statement.setDateAsserted(now);
    statement.setInformationSource(sender);
    label(statement);
    return statement;
  }

  /**
   * The living situation at release: HMIS 207 (jail, prison or juvenile detention facility), with
   * HUD's group translated through the ConceptMap hmis-living-situation-to-housing-status.
   */
  private Observation livingSituation(
      String identifier, Reference patient, Reference encounter, Reference sender, Date now) {
    Observation observation = new Observation();
    observation.addIdentifier(handoffIdentifier(identifier));
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.addCategory(
        new CodeableConcept(new Coding(OBSERVATION_CATEGORY, "social-history", "Social History")));
    observation.setCode(
        new CodeableConcept(new Coding(ContinuumTerminology.LOINC, "71802-3", "Housing status")));
    observation.setSubject(patient);
    observation.setEncounter(encounter);
    observation.setEffective(new DateTimeType(now));
    observation.addPerformer(sender);
    CodeableConcept value =
        new CodeableConcept(
            new Coding(
                ContinuumTerminology.HMIS_LIVING_SITUATION,
                HMIS_IN_CUSTODY,
                "Jail, prison or juvenile detention facility"));
    translator
        .translate(
            ContinuumTerminology.HMIS_TO_HOUSING_STATUS,
            ContinuumTerminology.HMIS_LIVING_SITUATION,
            HMIS_IN_CUSTODY,
            ContinuumTerminology.HOUSING_SITUATION_CATEGORY)
        .ifPresent(t -> value.addCoding(t.toCoding()));
    observation.setValue(value);
    label(observation);
    return observation;
  }

  private static Condition condition(
      HandoffCondition condition,
      String identifier,
      Reference patient,
      Reference encounter,
      Date now) {
    Condition resource = new Condition();
    resource.addIdentifier(handoffIdentifier(identifier));
    resource.setClinicalStatus(
        new CodeableConcept(new Coding(CONDITION_CLINICAL, "active", "Active")));
    resource.addCategory(
        new CodeableConcept(
            new Coding(CONDITION_CATEGORY, "encounter-diagnosis", "Encounter Diagnosis")));
    resource.setCode(concept(condition.code(), condition.text()));
    resource.setSubject(patient);
    resource.setEncounter(encounter);
    if (condition.onsetDate() != null) {
      resource.setOnset(new DateTimeType(condition.onsetDate().toString()));
    }
    resource.setRecordedDate(now);
    label(resource);
    return resource;
  }

  private List<ReferralSpec> referrals(ReleaseHandoff handoff) {
    List<ReferralSpec> specs = new ArrayList<>();
    String provider = handoff.receivingProviderId();
    specs.add(
        new ReferralSpec(
            "treatment",
            new Coding(
                ContinuumTerminology.REFERRAL_CATEGORY,
                "treatment-continuation",
                "Treatment continuation"),
            "Continue treatment with the community provider from the day of release",
            provider,
            false));
    if (handoff.medications().stream().anyMatch(m -> m.role() == MedicationRole.MOUD)) {
      specs.add(
          new ReferralSpec(
              "moud",
              new Coding(
                  ContinuumTerminology.REFERRAL_CATEGORY,
                  "moud-continuation",
                  "Medication for opioid use disorder continuation"),
              "Continue medication for opioid use disorder without interruption",
              provider,
              true));
    }
    if (handoff.needs().housing()) {
      specs.add(
          new ReferralSpec(
              "housing",
              new Coding(SDOHCC_TEMPORARY_CODES, "housing-instability", "Housing Instability"),
              "Housing at release",
              defaults.housingProviderId(),
              false));
    }
    if (handoff.needs().employment()) {
      specs.add(
          new ReferralSpec(
              "employment",
              new Coding(SDOHCC_TEMPORARY_CODES, "employment-status", "Employment Status"),
              "Employment support after release",
              defaults.employmentProviderId(),
              false));
    }
    if (handoff.needs().peerSupport()) {
      specs.add(
          new ReferralSpec(
              "peer-support",
              new Coding(
                  ContinuumTerminology.REFERRAL_CATEGORY, "peer-support", "Peer recovery support"),
              "Peer recovery support from release",
              defaults.peerSupportProviderId(),
              false));
    }
    return specs;
  }

  private static ServiceRequest referral(
      ReleaseHandoff handoff,
      ReferralSpec spec,
      String identifier,
      Reference patient,
      Reference encounter,
      Reference sender,
      Date now,
      List<Reference> supportingInfo) {
    ServiceRequest request = new ServiceRequest();
    request.getMeta().addProfile(PROFILE_REFERRAL);
    request.addIdentifier(handoffIdentifier(identifier));
    request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    request.setPriority(
        spec.moud()
            ? ServiceRequest.ServiceRequestPriority.URGENT
            : ServiceRequest.ServiceRequestPriority.ROUTINE);
    request.addCategory(new CodeableConcept(spec.category().copy()));
    request.getCode().setText(spec.text());
    request.setSubject(patient);
    request.setEncounter(encounter);
    request.setOccurrence(new DateTimeType(handoff.releaseDate().date().toString()));
    request.setAuthoredOn(now);
    request.setRequester(sender);
    request.addPerformer(org(spec.providerId()));
    supportingInfo.forEach(ref -> request.addSupportingInfo(new Reference(ref.getReference())));
    label(request);
    return request;
  }

  private static Task task(
      ReferralSpec spec,
      String identifier,
      Reference focus,
      Reference patient,
      Reference encounter,
      Reference sender,
      Date now,
      LocalDate releaseDate) {
    Task task = new Task();
    task.getMeta().addProfile(PROFILE_REFERRAL_TASK);
    task.addIdentifier(handoffIdentifier(identifier));
    task.setStatus(Task.TaskStatus.REQUESTED);
    task.setBusinessStatus(
        new CodeableConcept(
            new Coding(ContinuumTerminology.REFERRAL_BUSINESS_STATUS, "created", "Created")));
    task.setIntent(Task.TaskIntent.ORDER);
    task.setCode(
        new CodeableConcept(new Coding(TASK_CODE, "fulfill", "Fulfill the focal request")));
    task.setFocus(new Reference(focus.getReference()));
    task.setFor(patient);
    task.setEncounter(encounter);
    task.setAuthoredOn(now);
    task.setLastModified(now);
    task.setRequester(sender);
    task.setOwner(org(spec.providerId()));
    // Fulfilment is sought from the day of release (what the relay's deliver-by and the alert
    // read).
    task.getRestriction()
        .setPeriod(new Period().setStartElement(new DateTimeType(releaseDate.toString())));
    label(task);
    return task;
  }

  private Composition composition(
      ReleaseHandoff handoff,
      String handoffId,
      Reference patient,
      Reference encounter,
      Reference sender,
      Date now,
      List<Reference> medications,
      List<Reference> conditions,
      List<Reference> referrals,
      Reference housing) {
    Composition composition = new Composition();
    composition.getMeta().addProfile(PROFILE_RELEASE_HANDOFF);
    composition.addExtension(releaseDateExtension(handoff.releaseDate()));
    // R4 Composition has no recipient element (author/attester/custodian are not the addressee).
    composition.addExtension(EXT_RECEIVING_ORGANIZATION, org(handoff.receivingProviderId()));
    composition.setIdentifier(handoffIdentifier(handoffId + "-composition"));
    composition.setStatus(Composition.CompositionStatus.FINAL);
    composition.setType(
        new CodeableConcept(
            new Coding(ContinuumTerminology.LOINC, "18761-7", "Transfer summary note")));
    composition.addCategory(
        new CodeableConcept(
            new Coding(ContinuumTerminology.RELEASE_TYPE, handoff.releaseType(), null)));
    composition.setSubject(patient);
    composition.setEncounter(encounter);
    composition.setDate(now);
    composition.addAuthor(sender);
    composition.setTitle("Release handoff");
    composition.setConfidentiality(Composition.DocumentConfidentiality.R);
    composition.setCustodian(sender);
    Composition.CompositionEventComponent event = composition.addEvent();
    event.setPeriod(
        new Period().setStartElement(new DateTimeType(handoff.releaseDate().date().toString())));
    event.addDetail(org(defaults.senderOrganizationId()));
    Composition.SectionComponent meds =
        section(
            composition,
            "Medications to continue",
            "10160-0",
            "History of Medication use Narrative");
    medications.forEach(ref -> meds.addEntry(new Reference(ref.getReference())));
    if (!conditions.isEmpty()) {
      Composition.SectionComponent problems =
          section(composition, "Conditions", "11450-4", "Problem list - Reported");
      conditions.forEach(ref -> problems.addEntry(new Reference(ref.getReference())));
    }
    if (handoff.latestAssessment() != null) {
      Composition.SectionComponent plan =
          section(
              composition, "Recovery plan and latest assessment", "18776-5", "Plan of care note");
      ReleaseHandoff.AssessmentSummary assessment = handoff.latestAssessment();
      if (assessment.reference() != null) {
        plan.addEntry(new Reference(assessment.reference()));
      } else {
        Narrative narrative = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
        narrative.setDivAsString(assessmentDiv(assessment));
        plan.setText(narrative);
      }
    }
    Composition.SectionComponent referralSection =
        section(composition, "Referrals", "57133-1", "Referral note");
    referrals.forEach(ref -> referralSection.addEntry(new Reference(ref.getReference())));
    section(composition, "Housing situation at release", "71802-3", "Housing status")
        .addEntry(new Reference(housing.getReference()));
    if (handoff.consentReference() != null) {
      section(composition, "Consents", "59284-0", "Consent Document")
          .addEntry(new Reference(handoff.consentReference()));
    }
    label(composition);
    return composition;
  }

  private static String assessmentDiv(ReleaseHandoff.AssessmentSummary assessment) {
    StringBuilder text = new StringBuilder("Latest recovery-capital assessment");
    if (assessment.instrument() != null) {
      text.append(" (").append(assessment.instrument()).append(')');
    }
    if (assessment.date() != null) {
      text.append(", ").append(assessment.date());
    }
    if (assessment.totalScore() != null) {
      text.append(": total ").append(assessment.totalScore());
    }
    if (assessment.summary() != null) {
      text.append(". ").append(assessment.summary());
    }
    return "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>"
        + escapeXml(text.toString())
        + "</p></div>";
  }

  private static String escapeXml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static Composition.SectionComponent section(
      Composition composition, String title, String loinc, String display) {
    return composition
        .addSection()
        .setTitle(title)
        .setCode(new CodeableConcept(new Coding(ContinuumTerminology.LOINC, loinc, display)));
  }

  private static Extension releaseDateExtension(ReleaseHandoff.ReleaseDate date) {
    Extension extension = new Extension(EXT_RELEASE_DATE);
    extension.addExtension("date", new DateType(date.date().toString()));
    extension.addExtension("confirmed", new BooleanType(date.confirmed()));
    if (date.earliest() != null) {
      extension.addExtension("earliest", new DateType(date.earliest().toString()));
    }
    if (date.latest() != null) {
      extension.addExtension("latest", new DateType(date.latest().toString()));
    }
    return extension;
  }

  private static CodeableConcept concept(Coded code, String text) {
    CodeableConcept concept = new CodeableConcept();
    if (code != null && code.code() != null) {
      concept.addCoding(new Coding(code.system(), code.code(), code.display()));
    }
    String display = text != null ? text : code == null ? null : code.display();
    if (display != null) {
      concept.setText(display);
    }
    return concept;
  }

  private static Identifier handoffIdentifier(String value) {
    return new Identifier().setSystem(HANDOFF_IDENTIFIER_SYSTEM).setValue(value);
  }

  private static void label(Resource resource) {
    resource.getMeta().addSecurity(new Coding(V3_CONFIDENTIALITY, "R", "restricted"));
    resource.getMeta().addSecurity(new Coding(V3_ACT_CODE, "42CFRPart2", "42 CFR Part2"));
  }

  private static Reference org(String id) {
    return new Reference("Organization/" + id);
  }

  private String urn() {
    return "urn:uuid:" + ids.get();
  }

  private Bundle.BundleEntryComponent conditionalPut(
      Bundle bundle, Resource resource, Reference ref, String identifier) {
    return entry(
        bundle,
        resource,
        ref.getReference(),
        HTTPVerb.PUT,
        resource.fhirType() + "?identifier=" + encode(HANDOFF_IDENTIFIER_SYSTEM + "|" + identifier),
        null);
  }

  private Bundle.BundleEntryComponent conditionalCreate(
      Bundle bundle, Resource resource, Reference ref, String identifier) {
    return entry(
        bundle,
        resource,
        ref.getReference(),
        HTTPVerb.POST,
        resource.fhirType(),
        "identifier=" + encode(HANDOFF_IDENTIFIER_SYSTEM + "|" + identifier));
  }

  private Bundle.BundleEntryComponent put(Bundle bundle, Resource resource, String url) {
    resource.setId(url);
    return entry(bundle, resource, urn(), HTTPVerb.PUT, url, null);
  }

  private static Bundle.BundleEntryComponent entry(
      Bundle bundle,
      Resource resource,
      String fullUrl,
      HTTPVerb verb,
      String url,
      String ifNoneExist) {
    Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
    entry.getRequest().setMethod(verb).setUrl(url);
    if (ifNoneExist != null) {
      entry.getRequest().setIfNoneExist(ifNoneExist);
    }
    return entry;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private record ReferralSpec(
      String name, Coding category, String text, String providerId, boolean moud) {}
}
