package org.continuumcare.gateway.measures;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * A generated population with a fixed seed: referrals (2031), release handoffs (2032) and BARC-10
 * totals (2033), releases on MOUD (2034) and housing and employment referrals (2035), each measure
 * in its own year so the measures' periods see only this data. Every generated fact is also kept as
 * a plain record, from which the test computes the expected answers by direct counting.
 */
final class OutcomePopulation {

  static final String CATEGORY_SYSTEM =
      "https://continuumcare.org/fhir/CodeSystem/referral-category";
  static final String BUSINESS_STATUS =
      "https://continuumcare.org/fhir/CodeSystem/referral-business-status";
  static final List<String> PARTNERS = List.of("measures-it-a", "measures-it-b", "measures-it-c");
  static final List<String> CATEGORIES =
      List.of("treatment-continuation", "moud-continuation", "peer-support");
  static final List<String> RELEASE_TYPES = List.of("parole", "probation", "sentence-completed");

  /** One generated referral Task: its fate and when each state was reached (null if never). */
  record Referral(
      String patient,
      String partner,
      String category,
      Instant sent,
      boolean draft,
      String finalStatus,
      Instant accepted,
      Instant completed,
      String task,
      String referral,
      String reason) {}

  /** One handoff: release day, arrival, and per referral its category, acceptance and flag. */
  record Handoff(
      String patient,
      LocalDate release,
      Instant date,
      String releaseType,
      String provider,
      List<HandoffReferral> referrals) {}

  record HandoffReferral(String category, Instant accepted, boolean flagged) {}

  /** One BARC-10 total. */
  record Score(String patient, Instant at, int value, String status) {}

  /**
   * One release for M4: whether the handoff lists active MOUD, when a MOUD referral of the person
   * was accepted (null if never), and the community medication record written after release: its
   * kind (none, request from the provider, request from the prison, statement from the provider)
   * and time.
   */
  record MoudRelease(
      String patient,
      LocalDate release,
      String releaseType,
      String provider,
      boolean onMoud,
      Instant referralAccepted,
      String community,
      Instant communityAt) {}

  /**
   * One person for M5: when the housing and employment referrals were sent (null if none), and the
   * outcome of each: its kind and when.
   */
  record Reintegrating(String patient, Outcome housing, Outcome employment) {}

  /**
   * A referral of M5 (null if none): when sent, its Task and ServiceRequest, the outcome's kind,
   * when, and the Observation that records it (null unless an Observation).
   */
  record Outcome(
      Instant sent, String task, String referral, String kind, Instant at, String observation) {}

  /** One 8-domain strength rating. */
  record DomainScore(String patient, Instant at, String domain, int value, String status) {}

  static final List<String> DOMAINS =
      List.of(
          "physical-mental-health",
          "family-social-leisure",
          "safe-housing",
          "peer-support",
          "employment-legal",
          "vocational-education",
          "community-culture",
          "meaning-purpose");

  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  static final String BUPRENORPHINE_NALOXONE = "351267";
  static final String NALOXONE = "7242";
  static final String SDOHCC =
      "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";
  static final String HOUSING_CATEGORY =
      "https://continuumcare.org/fhir/CodeSystem/housing-situation-category";

  final List<Referral> referrals = new ArrayList<>();
  final List<Handoff> handoffs = new ArrayList<>();
  final List<Score> scores = new ArrayList<>();
  final List<MoudRelease> moudReleases = new ArrayList<>();
  final List<DomainScore> domainScores = new ArrayList<>();
  final List<Reintegrating> reintegrating = new ArrayList<>();

  private final IGenericClient fhir;
  final String system;
  private final Random random = new Random(22);

  OutcomePopulation(IGenericClient fhir, String system) {
    this.fhir = fhir;
    this.system = system;
  }

  OutcomePopulation create() {
    for (String partner : PARTNERS) {
      Organization organization = new Organization();
      organization.setId(partner);
      organization.setName("Measures IT partner " + partner);
      fhir.update().resource(organization).execute();
    }
    referrals();
    handoffs();
    scores();
    moudReleases();
    reintegration();
    domainScores();
    return this;
  }

  private String patient(String name) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(system).setValue(name);
    return "Patient/" + fhir.create().resource(patient).execute().getId().getIdPart();
  }

  private void referrals() {
    List<String> people = new ArrayList<>();
    for (int p = 0; p < 25; p++) {
      people.add(patient("referred-" + p));
    }
    Instant start = Instant.parse("2031-03-01T00:00:00Z");
    for (int i = 0; i < 60; i++) {
      String person = people.get(i % people.size());
      String partner = PARTNERS.get(random.nextInt(PARTNERS.size()));
      String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
      Instant sent =
          i < 4
              ? Instant.parse("2031-02-20T12:00:00Z")
              : start.plus(Duration.ofHours(random.nextInt(90 * 24)));
      boolean draft = i >= 4 && i < 7;
      int fate = random.nextInt(6);
      Instant accepted = null;
      Instant completed = null;
      String status = draft ? "draft" : "requested";
      if (!draft) {
        if (fate == 1 || fate == 2 || fate == 5) {
          accepted = sent.plus(Duration.ofMinutes(30 + random.nextInt(10 * 24 * 60)));
          status = "accepted";
        }
        if (fate == 2) {
          completed = accepted.plus(Duration.ofMinutes(60 + random.nextInt(40 * 24 * 60)));
          status = "completed";
        }
        if (fate == 3) {
          status = "rejected";
        }
        if (fate == 4 || fate == 5) {
          status = "cancelled";
        }
      }
      String referral = serviceRequest(person, category, sent, partner);
      Task task = task(person, referral, partner, sent, draft ? "draft" : "requested", sent, null);
      // a coded reason for most rejections and cancellations, none for some
      String reason =
          fate == 3
              ? List.of("no-capacity", "not-eligible").get(i % 2)
              : fate == 4 || fate == 5
                  ? Arrays.asList("client-declined", "client-unreachable", null).get(i % 3)
                  : null;
      referrals.add(
          new Referral(
              person,
              partner,
              category,
              sent,
              draft,
              status,
              accepted,
              completed,
              "Task/" + task.getIdElement().getIdPart(),
              referral,
              reason));
      if (draft) {
        continue;
      }
      if (accepted != null) {
        task = update(task, "accepted", accepted, null);
      }
      if (completed != null) {
        task = update(task, "completed", completed, null);
      }
      if (reason != null) {
        task.setStatusReason(
            new CodeableConcept(
                new Coding(
                    "https://continuumcare.org/fhir/CodeSystem/measures-it-reason", reason, null)));
      }
      if (fate == 3) {
        task = update(task, "rejected", sent.plus(Duration.ofHours(5)), null);
      }
      if (fate == 4 || fate == 5) {
        update(
            task,
            "cancelled",
            (accepted != null ? accepted : sent).plus(Duration.ofHours(3)),
            null);
      }
    }
  }

  private void handoffs() {
    LocalDate first = LocalDate.parse("2032-03-05");
    for (int j = 0; j < 24; j++) {
      String person = patient("released-" + j);
      LocalDate release =
          j < 3 ? LocalDate.parse("2032-07-01") : first.plusDays(random.nextInt(80));
      Instant releaseStart = release.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant date = releaseStart.minus(Duration.ofMinutes(60 + random.nextInt(20 * 24 * 60)));
      String releaseType = RELEASE_TYPES.get(random.nextInt(RELEASE_TYPES.size()));
      String provider = "Organization/" + PARTNERS.get(random.nextInt(2));
      List<HandoffReferral> made = new ArrayList<>();
      List<String> references = new ArrayList<>();
      int count = 1 + random.nextInt(2);
      for (int r = 0; r < count; r++) {
        String category = r == 0 ? CATEGORIES.get(random.nextInt(2)) : "peer-support";
        String referral =
            serviceRequest(person, category, date, provider.substring("Organization/".length()));
        references.add(referral);
        boolean flagged = random.nextInt(4) == 0;
        int fate = random.nextInt(3);
        // fate 0: never accepted; 1: accepted before release; 2: accepted after release
        Instant accepted =
            fate == 0
                ? null
                : fate == 1
                    ? date.plus(
                        Duration.ofMinutes(
                            random.nextInt((int) Duration.between(date, releaseStart).toMinutes())))
                    : releaseStart.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
        Task task =
            task(
                person,
                referral,
                provider.substring("Organization/".length()),
                date,
                "requested",
                date,
                null);
        if (flagged) {
          task =
              update(
                  task,
                  "requested",
                  releaseStart.minus(Duration.ofHours(12)),
                  "not-acknowledged-before-release");
        }
        if (accepted != null) {
          update(task, "accepted", accepted, "accepted");
        }
        made.add(new HandoffReferral(category, accepted, flagged));
      }
      handoffs.add(new Handoff(person, release, date, releaseType, provider, made));
      composition(person, release, date, releaseType, provider, references);
    }
  }

  private void scores() {
    LocalDate first = LocalDate.parse("2033-01-01");
    for (int k = 0; k < 30; k++) {
      String person = patient("assessed-" + k);
      int count = 1 + random.nextInt(4);
      List<Integer> days = new ArrayList<>();
      while (days.size() < count) {
        int day = random.nextInt(180);
        if (!days.contains(day)) {
          days.add(day);
        }
      }
      for (int s = 0; s < count; s++) {
        Instant at =
            first
                .plusDays(days.get(s))
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plus(Duration.ofHours(10));
        int value = 10 + random.nextInt(51);
        String status = random.nextInt(8) == 0 ? "entered-in-error" : "final";
        scores.add(new Score(person, at, value, status));
        Observation total = new Observation();
        total.setStatus(Observation.ObservationStatus.fromCode(status));
        total
            .getCode()
            .addCoding(
                new Coding(RecoveryCapitalChange.SCORE_TYPE, "barc-10-total", "BARC-10 total"));
        total.setSubject(new Reference(person));
        total.setEffective(new DateTimeType(Date.from(at)));
        total.setValue(new IntegerType(value));
        fhir.create().resource(total).execute();
      }
    }
  }

  /**
   * M1 per domain (2033, with the BARC-10 totals): 8-domain assessments of the assessed people and
   * of three more, each rating a random half of the domains.
   */
  private void domainScores() {
    List<String> people = new ArrayList<>(scores.stream().map(Score::patient).distinct().toList());
    for (int extra = 0; extra < 3; extra++) {
      people.add(patient("domains-only-" + extra));
    }
    LocalDate first = LocalDate.parse("2033-01-01");
    for (String person : people) {
      int count = random.nextInt(4);
      List<Integer> days = new ArrayList<>();
      while (days.size() < count) {
        int day = random.nextInt(180);
        if (!days.contains(day)) {
          days.add(day);
        }
      }
      for (int day : days) {
        Instant at =
            first.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(11));
        for (String domain : DOMAINS) {
          if (!random.nextBoolean()) {
            continue;
          }
          int value = random.nextInt(11);
          String status = random.nextInt(10) == 0 ? "entered-in-error" : "final";
          domainScores.add(new DomainScore(person, at, domain, value, status));
          Observation strength = new Observation();
          strength.setStatus(Observation.ObservationStatus.fromCode(status));
          strength.addCategory(
              new CodeableConcept(
                  new Coding(
                      "http://terminology.hl7.org/CodeSystem/observation-category",
                      "survey",
                      null)));
          strength.addCategory(
              new CodeableConcept(
                  new Coding(
                      "https://continuumcare.org/fhir/CodeSystem/recovery-capital-domain",
                      domain,
                      null)));
          strength
              .getCode()
              .addCoding(
                  new Coding(RecoveryCapitalChange.SCORE_TYPE, "rc-8-domain-strength", null));
          strength.setSubject(new Reference(person));
          strength.setEffective(new DateTimeType(Date.from(at)));
          strength.setValue(new IntegerType(value));
          fhir.create().resource(strength).execute();
        }
      }
    }
  }

  /** M4 (2034): releases, half of them on MOUD, with referrals and community prescriptions. */
  private void moudReleases() {
    String prison = "Organization/" + PARTNERS.get(2);
    LocalDate first = LocalDate.parse("2034-03-05");
    for (int j = 0; j < 26; j++) {
      String person = patient("moud-" + j);
      LocalDate release =
          j < 2 ? LocalDate.parse("2034-07-02") : first.plusDays(random.nextInt(80));
      Instant releaseStart = release.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant date = releaseStart.minus(Duration.ofMinutes(60 + random.nextInt(20 * 24 * 60)));
      String releaseType = RELEASE_TYPES.get(random.nextInt(RELEASE_TYPES.size()));
      String provider = "Organization/" + PARTNERS.get(random.nextInt(2));
      // 0: naloxone only; 1: MOUD entered in error; 2-5: MOUD active
      int kind = random.nextInt(6);
      List<String> medications = new ArrayList<>();
      medications.add(
          statement(
              person,
              kind == 0 ? NALOXONE : BUPRENORPHINE_NALOXONE,
              kind == 1 ? "entered-in-error" : kind == 0 ? "intended" : "active",
              prison,
              release.minusDays(100).toString()));
      String referral = serviceRequest(person, "moud-continuation", date, PARTNERS.get(0));
      Task task = task(person, referral, provider.substring(13), date, "requested", date, null);
      // 0: never; 1: before release; 2: 0-25 days after; 3: an older referral, 120 days before;
      // 4: exactly at the end of day 14 after release (too late)
      int fate = random.nextInt(5);
      Instant accepted =
          switch (fate) {
            case 1 ->
                date.plus(
                    Duration.ofMinutes(
                        random.nextInt((int) Duration.between(date, releaseStart).toMinutes())));
            case 2 -> releaseStart.plus(Duration.ofMinutes(random.nextInt(25 * 24 * 60)));
            case 3 -> releaseStart.minus(Duration.ofDays(120));
            case 4 -> releaseStart.plus(Duration.ofDays(15));
            default -> null;
          };
      if (fate == 3) {
        Instant sent = accepted.minus(Duration.ofDays(1));
        String older = serviceRequest(person, "moud-continuation", sent, PARTNERS.get(0));
        update(
            task(person, older, provider.substring(13), sent, "requested", sent, null),
            "accepted",
            accepted,
            "accepted");
      } else if (accepted != null) {
        update(task, "accepted", accepted, "accepted");
      }
      // 0: none; 1: request by the provider; 2: request by the prison; 3: statement by the provider
      int community = random.nextInt(4);
      Instant communityAt = null;
      String communityKind =
          List.of("none", "provider-request", "prison-request", "provider-statement")
              .get(community);
      if (community == 1 || community == 2) {
        communityAt = releaseStart.plus(Duration.ofMinutes(random.nextInt(20 * 24 * 60)));
        request(person, community == 1 ? provider : prison, communityAt);
      } else if (community == 3) {
        LocalDate day = release.plusDays(random.nextInt(20));
        communityAt = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        statement(person, BUPRENORPHINE_NALOXONE, "active", provider, day.toString());
      }
      moudReleases.add(
          new MoudRelease(
              person,
              release,
              releaseType,
              provider,
              kind >= 2,
              accepted,
              communityKind,
              communityAt));
      Composition handoff =
          composition(person, release, date, releaseType, provider, List.of(referral));
      Composition.SectionComponent section = handoff.addSection().setTitle("Medications");
      section.getCode().addCoding(new Coding("http://loinc.org", "10160-0", null));
      medications.forEach(m -> section.addEntry(new Reference(m)));
      handoff.setCustodian(new Reference(prison));
      fhir.update().resource(handoff).execute();
    }
  }

  private String statement(String person, String code, String status, String source, String start) {
    MedicationStatement statement = new MedicationStatement();
    statement.addIdentifier().setSystem(system).setValue(person + "/" + code + "/" + start);
    statement.setStatus(MedicationStatement.MedicationStatementStatus.fromCode(status));
    statement.setMedication(new CodeableConcept(new Coding(RXNORM, code, null)));
    statement.setSubject(new Reference(person));
    statement.setEffective(new Period().setStartElement(new DateTimeType(start)));
    statement.setInformationSource(new Reference(source));
    return "MedicationStatement/" + fhir.create().resource(statement).execute().getId().getIdPart();
  }

  private void request(String person, String requester, Instant at) {
    MedicationRequest request = new MedicationRequest();
    request.addIdentifier().setSystem(system).setValue(person + "/" + requester + "/" + at);
    request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
    request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
    request.setMedication(new CodeableConcept(new Coding(RXNORM, BUPRENORPHINE_NALOXONE, null)));
    request.setSubject(new Reference(person));
    request.setAuthoredOn(Date.from(at));
    request.setRequester(new Reference(requester));
    fhir.create().resource(request).execute();
  }

  /** M5 (2035): people referred to housing, employment or both, and their outcomes. */
  private void reintegration() {
    Instant start = Instant.parse("2035-03-01T00:00:00Z");
    for (int k = 0; k < 28; k++) {
      String person = patient("reintegrating-" + k);
      int kind = random.nextInt(3); // 0 housing, 1 employment, 2 both
      Outcome housing = null;
      Outcome employment = null;
      if (kind != 1) {
        Instant sent =
            k < 2
                ? Instant.parse("2035-02-20T09:00:00Z")
                : start.plus(Duration.ofHours(random.nextInt(90 * 24)));
        housing =
            outcome(
                person,
                "housing-instability",
                PARTNERS.get(1),
                sent,
                List.of(
                        "none",
                        "task-placed",
                        "observation-permanent",
                        "observation-temporary",
                        "task-enrolled")
                    .get(random.nextInt(5)),
                130);
      }
      if (kind != 0) {
        Instant sent = start.plus(Duration.ofHours(random.nextInt(90 * 24)));
        employment =
            outcome(
                person,
                "employment-status",
                PARTNERS.get(0),
                sent,
                List.of("none", "task-started", "observation-employed", "observation-unemployed")
                    .get(random.nextInt(4)),
                250);
      }
      reintegrating.add(new Reintegrating(person, housing, employment));
    }
  }

  private Outcome outcome(
      String person, String category, String partner, Instant sent, String kind, int days) {
    String referral = sdohReferral(person, category, sent);
    Task task = task(person, referral, partner, sent, "requested", sent, null);
    Instant at = sent.plus(Duration.ofHours(random.nextInt(days * 24)));
    String observation = null;
    switch (kind) {
      case "task-placed" -> update(task, "completed", at, "placed-in-housing");
      case "task-enrolled" -> update(task, "in-progress", at, "enrolled");
      case "task-started" -> update(task, "completed", at, "job-started");
      case "observation-permanent", "observation-temporary" -> {
        at = at.truncatedTo(ChronoUnit.DAYS);
        observation =
            status(
                person,
                "71802-3",
                at,
                new Coding(
                    HOUSING_CATEGORY,
                    kind.endsWith("permanent") ? "permanent" : "temporary",
                    null));
      }
      case "observation-employed", "observation-unemployed" -> {
        at = at.truncatedTo(ChronoUnit.DAYS);
        observation =
            status(
                person,
                "67875-5",
                at,
                new Coding(
                    "http://loinc.org",
                    kind.endsWith("unemployed") ? "LA17956-6" : "LA30136-8",
                    null));
      }
      default -> at = null;
    }
    return new Outcome(
        sent, "Task/" + task.getIdElement().getIdPart(), referral, kind, at, observation);
  }

  private String sdohReferral(String person, String category, Instant authored) {
    ServiceRequest referral = new ServiceRequest();
    referral.addIdentifier().setSystem(system).setValue(person + "/" + category + "/" + authored);
    referral
        .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
        .setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    referral.addCategory(new CodeableConcept(new Coding(SDOHCC, category, null)));
    referral.setSubject(new Reference(person));
    referral.setAuthoredOn(Date.from(authored));
    return "ServiceRequest/" + fhir.create().resource(referral).execute().getId().getIdPart();
  }

  /** A housing- or employment-status Observation effective on the UTC day of {@code day}. */
  private String status(String person, String loinc, Instant day, Coding answer) {
    Observation observation = new Observation();
    observation.addIdentifier().setSystem(system).setValue(person + "/" + loinc + "/" + day);
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.setCode(new CodeableConcept(new Coding("http://loinc.org", loinc, null)));
    observation.setSubject(new Reference(person));
    observation.setEffective(new DateTimeType(day.atZone(ZoneOffset.UTC).toLocalDate().toString()));
    observation.setValue(new CodeableConcept(answer));
    return "Observation/" + fhir.create().resource(observation).execute().getId().getIdPart();
  }

  private String serviceRequest(String person, String category, Instant authored, String partner) {
    ServiceRequest referral = new ServiceRequest();
    referral.addIdentifier().setSystem(system).setValue(person + "/" + category + "/" + authored);
    referral
        .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
        .setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    referral.addCategory(new CodeableConcept(new Coding(CATEGORY_SYSTEM, category, null)));
    referral.setSubject(new Reference(person));
    referral.setAuthoredOn(Date.from(authored));
    referral.addPerformer(new Reference("Organization/" + partner));
    return "ServiceRequest/" + fhir.create().resource(referral).execute().getId().getIdPart();
  }

  private Task task(
      String person,
      String referral,
      String partner,
      Instant sent,
      String status,
      Instant at,
      String businessStatus) {
    Task task = new Task();
    task.addIdentifier().setSystem(system).setValue(referral);
    task.setStatus(Task.TaskStatus.fromCode(status));
    task.setIntent(Task.TaskIntent.ORDER);
    task.getCode()
        .addCoding(new Coding("http://hl7.org/fhir/CodeSystem/task-code", "fulfill", null));
    task.setFocus(new Reference(referral));
    task.setFor(new Reference(person));
    task.setAuthoredOn(Date.from(sent));
    task.setLastModified(Date.from(at));
    task.setOwner(new Reference("Organization/" + partner));
    if (businessStatus != null) {
      task.setBusinessStatus(
          new CodeableConcept(new Coding(BUSINESS_STATUS, businessStatus, null)));
    }
    task.setId(fhir.create().resource(task).execute().getId().toUnqualifiedVersionless());
    return task;
  }

  private Task update(Task task, String status, Instant at, String businessStatus) {
    task.setStatus(Task.TaskStatus.fromCode(status));
    task.setLastModified(Date.from(at));
    if (businessStatus != null) {
      task.setBusinessStatus(
          new CodeableConcept(new Coding(BUSINESS_STATUS, businessStatus, null)));
    }
    fhir.update().resource(task).execute();
    return task;
  }

  private Composition composition(
      String person,
      LocalDate release,
      Instant date,
      String releaseType,
      String provider,
      List<String> referrals) {
    Composition handoff = new Composition();
    Extension releaseDate = handoff.addExtension().setUrl(HandoffTimeliness.RELEASE_DATE);
    releaseDate.addExtension("date", new DateType(release.toString()));
    handoff.addExtension(HandoffTimeliness.RECEIVING, new Reference(provider));
    handoff.setStatus(Composition.CompositionStatus.FINAL);
    handoff.getType().addCoding(new Coding("http://loinc.org", "18761-7", "Transfer summary note"));
    handoff.addCategory(
        new CodeableConcept(
            new Coding(
                "https://continuumcare.org/fhir/CodeSystem/release-type", releaseType, null)));
    handoff.setSubject(new Reference(person));
    handoff.setDate(Date.from(date));
    handoff.addAuthor(new Reference("Organization/" + PARTNERS.get(2)));
    handoff.setTitle("Release handoff");
    Composition.SectionComponent section = handoff.addSection().setTitle("Referrals");
    section.getCode().addCoding(new Coding("http://loinc.org", "57133-1", null));
    referrals.forEach(r -> section.addEntry(new Reference(r)));
    handoff.setId(fhir.create().resource(handoff).execute().getId().toUnqualifiedVersionless());
    return handoff;
  }
}
