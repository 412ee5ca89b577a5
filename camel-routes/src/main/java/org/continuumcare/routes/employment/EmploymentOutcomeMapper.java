package org.continuumcare.routes.employment;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.continuumcare.routes.partnerjson.PartnerCodeMap;
import org.continuumcare.routes.partnerjson.PartnerEventTime;
import org.continuumcare.routes.referral.ReferralMappingException;
import org.continuumcare.routes.referral.TaskStatusUpdate;
import org.continuumcare.terminology.CodeSystemLookup;
import org.continuumcare.terminology.ConceptMapTranslator;
import org.continuumcare.terminology.ContinuumTerminology;
import org.continuumcare.terminology.Translation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * Outcome webhook + the ReferralTask it names -> Task update and employment-status Observation. The
 * outcome code is one of the terminology package's employment-outcome codes; its Task meaning comes
 * from the ConceptMap {@code employment/employment-outcome-to-referral-status.json}, its LOINC
 * 67875-5 answer from the package's {@code employment-outcome-to-employment-status} map (training
 * completed and a placement without hours have none, so they give no Observation). Bad input:
 * {@link InvalidRequestException}.
 */
public final class EmploymentOutcomeMapper {

  public static final String STATUS_MAP_RESOURCE =
      "employment/employment-outcome-to-referral-status.json";
  public static final String EMPLOYMENT_STATUS_LOINC = "67875-5";
  public static final String OUTCOME_ID_SYSTEM =
      ContinuumTerminology.BASE + "/sid/employment-outcome";
  static final String SOURCE = "employment-webhook";
  private static final String OBSERVATION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/observation-category";

  private final PartnerCodeMap statusMap;
  private final ConceptMapTranslator translator;
  private final CodeSystemLookup lookup;
  private final Clock clock;
  private final String partnerId;

  public EmploymentOutcomeMapper(
      PartnerCodeMap statusMap,
      ConceptMapTranslator translator,
      CodeSystemLookup lookup,
      Clock clock,
      String partnerId) {
    this.statusMap = Objects.requireNonNull(statusMap, "statusMap");
    this.translator = Objects.requireNonNull(translator, "translator");
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.partnerId = Objects.requireNonNull(partnerId, "partnerId");
  }

  public EmploymentOutcome map(EmploymentOutcomeWebhook webhook, Task task) {
    if (webhook == null) {
      throw new InvalidRequestException("empty outcome webhook");
    }
    if (webhook.referralId() == null || webhook.referralId().isBlank()) {
      throw new InvalidRequestException("referralId is required");
    }
    String taskId = task.getIdElement().getIdPart();
    if (!webhook.referralId().equals(taskId)) {
      throw new InvalidRequestException(
          "referralId " + webhook.referralId() + " does not name Task/" + taskId);
    }
    String outcome = webhook.outcome();
    if (outcome == null || !lookup.contains(ContinuumTerminology.EMPLOYMENT_OUTCOME, outcome)) {
      throw new InvalidRequestException(
          "Unknown employment outcome '"
              + outcome
              + "' (CodeSystem "
              + ContinuumTerminology.EMPLOYMENT_OUTCOME
              + ")");
    }
    Instant eventTime = PartnerEventTime.parse("eventTime", webhook.eventTime(), clock);
    LocalDate startDate =
        webhook.startDate() == null || webhook.startDate().isBlank()
            ? null
            : PartnerEventTime.parseDate("startDate", webhook.startDate());
    if (startDate == null && outcome.startsWith("job-placement")) {
      throw new InvalidRequestException("startDate is required for outcome " + outcome);
    }
    Optional<TaskStatus> status =
        statusMap
            .translate(
                ContinuumTerminology.EMPLOYMENT_OUTCOME, outcome, ContinuumTerminology.TASK_STATUS)
            .map(Translation::code)
            .map(TaskStatus::fromCode);
    String business =
        statusMap
            .translate(
                ContinuumTerminology.EMPLOYMENT_OUTCOME,
                outcome,
                ContinuumTerminology.REFERRAL_BUSINESS_STATUS)
            .map(Translation::code)
            .orElse(null);
    TaskStatusUpdate update =
        new TaskStatusUpdate(
            taskId,
            webhook.partnerReferralId(),
            status.orElse(null),
            business,
            eventTime,
            webhook.note(),
            SOURCE);
    Optional<Translation> answer =
        translator.translate(
            ContinuumTerminology.EMPLOYMENT_OUTCOME_TO_EMPLOYMENT_STATUS,
            ContinuumTerminology.EMPLOYMENT_OUTCOME,
            outcome,
            ContinuumTerminology.LOINC);
    if (answer.isEmpty()) {
      return new EmploymentOutcome(update, null, null);
    }
    String idValue = partnerId + "/" + taskId + "/" + outcome + "/" + eventTime;
    Observation o = new Observation();
    o.addIdentifier(new Identifier().setSystem(OUTCOME_ID_SYSTEM).setValue(idValue));
    o.setStatus(ObservationStatus.FINAL);
    o.addCategory(
        new CodeableConcept(new Coding(OBSERVATION_CATEGORY, "social-history", "Social History")));
    o.setCode(
        new CodeableConcept(
            new Coding(
                ContinuumTerminology.LOINC,
                EMPLOYMENT_STATUS_LOINC,
                "Employment status - current")));
    o.setSubject(subjectOf(task));
    if (task.hasFocus()) {
      o.addBasedOn(new Reference(task.getFocus().getReference()));
    }
    DateTimeType effective =
        startDate != null
            ? new DateTimeType(startDate.toString())
            : new DateTimeType(Date.from(eventTime));
    if (startDate == null) {
      effective.setTimeZoneZulu(true);
    }
    o.setEffective(effective);
    InstantType issued = new InstantType(Date.from(eventTime));
    issued.setTimeZoneZulu(true);
    o.setIssuedElement(issued);
    CodeableConcept value = new CodeableConcept(answer.get().toCoding());
    value.addCoding(
        new Coding(
            ContinuumTerminology.EMPLOYMENT_OUTCOME,
            outcome,
            lookup.display(ContinuumTerminology.EMPLOYMENT_OUTCOME, outcome).orElse(null)));
    o.setValue(value);
    o.addPerformer(new Reference("Organization/" + partnerId));
    return new EmploymentOutcome(update, o, "identifier=" + OUTCOME_ID_SYSTEM + "|" + idValue);
  }

  private static Reference subjectOf(Task task) {
    if (!task.hasFor()
        || !"Patient".equals(task.getFor().getReferenceElement().getResourceType())) {
      throw new ReferralMappingException(
          "Task/" + task.getIdElement().getIdPart() + " names no Patient (for)");
    }
    return new Reference(task.getFor().getReference());
  }
}
