package org.continuumcare.gateway.measures;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * A generated population with a fixed seed: referrals (2031), release handoffs (2032) and BARC-10
 * totals (2033), each measure in its own year so the measures' periods see only this data. Every
 * generated fact is also kept as a plain record, from which the test computes the expected answers
 * by direct counting.
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
      String referral) {}

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

  final List<Referral> referrals = new ArrayList<>();
  final List<Handoff> handoffs = new ArrayList<>();
  final List<Score> scores = new ArrayList<>();

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
              referral));
      if (draft) {
        continue;
      }
      if (accepted != null) {
        task = update(task, "accepted", accepted, null);
      }
      if (completed != null) {
        task = update(task, "completed", completed, null);
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

  private void composition(
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
    fhir.create().resource(handoff).execute();
  }
}
