package org.continuumcare.gateway.measures;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.continuumcare.gateway.security.AccessGate;
import org.continuumcare.gateway.security.Caller;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Measure/[id]/$evaluate-measure}: evaluates one of the outcome measures in Java over the
 * resources the {@link AccessGate} shows the caller. Summary reports suppress counts from 1 to 10
 * for everyone but administrators; subject-list reports are for administrators only (403); a
 * subject report covers one Patient the caller may see. Every evaluation, refused or not, is
 * audited.
 */
final class EvaluateMeasureProvider {

  private static final Logger log = LoggerFactory.getLogger(EvaluateMeasureProvider.class);

  private final DaoRegistry daos;
  private final AccessGate gate;
  private final Map<String, OutcomeMeasure> measures;
  private final MeasureAudit audit;
  private final Clock clock;

  EvaluateMeasureProvider(
      DaoRegistry daos,
      AccessGate gate,
      List<OutcomeMeasure> measures,
      MeasureAudit audit,
      Clock clock) {
    this.daos = daos;
    this.gate = gate;
    this.measures =
        measures.stream().collect(Collectors.toMap(OutcomeMeasure::id, Function.identity()));
    this.audit = audit;
    this.clock = clock;
  }

  @Operation(name = "$evaluate-measure", type = Measure.class, idempotent = true)
  public MeasureReport evaluate(
      @IdParam IdType id,
      @OperationParam(name = "periodStart", min = 1, max = 1) StringType periodStart,
      @OperationParam(name = "periodEnd", min = 1, max = 1) StringType periodEnd,
      @OperationParam(name = "reportType", min = 0, max = 1) StringType reportType,
      @OperationParam(name = "subject", min = 0, max = 1) StringType subject,
      RequestDetails request) {
    Caller caller =
        Caller.of(request).orElseThrow(() -> new ForbiddenOperationException("No caller"));
    String measureId = id.getIdPart();
    try {
      MeasureReport report =
          evaluate(
              measureId,
              value(periodStart),
              value(periodEnd),
              reportType == null ? "summary" : reportType.getValue(),
              value(subject),
              caller,
              request);
      audit.evaluated(caller, measureId, report.getType().toCode(), 200, null);
      log.info(
          "$evaluate-measure {} for {}: {} report",
          measureId,
          caller.clientId(),
          report.getType().toCode());
      return report;
    } catch (BaseServerResponseException refused) {
      audit.evaluated(
          caller,
          measureId,
          reportType == null ? "summary" : reportType.getValue(),
          refused.getStatusCode(),
          refused.getMessage());
      throw refused;
    }
  }

  private MeasureReport evaluate(
      String measureId,
      String start,
      String end,
      String reportType,
      String subject,
      Caller caller,
      RequestDetails request) {
    Measure measure = measure(measureId);
    OutcomeMeasure outcome = measures.get(measureId);
    if (outcome == null) {
      throw new ResourceNotFoundException(
          "Measure/" + measureId + " has no evaluation in this gateway");
    }
    MeasurePeriod period = MeasurePeriod.parse(start, end);
    MeasureReport.MeasureReportType type =
        switch (reportType) {
          case "summary", "population" -> MeasureReport.MeasureReportType.SUMMARY;
          case "subject-list" -> MeasureReport.MeasureReportType.SUBJECTLIST;
          case "subject", "individual" -> MeasureReport.MeasureReportType.INDIVIDUAL;
          default ->
              throw new InvalidRequestException(
                  "reportType '"
                      + reportType
                      + "' is not supported (summary, subject-list or subject)");
        };
    if (type == MeasureReport.MeasureReportType.INDIVIDUAL && subject == null) {
      throw new InvalidRequestException("reportType subject needs a subject (Patient/[id])");
    }
    if (type != MeasureReport.MeasureReportType.INDIVIDUAL && subject != null) {
      throw new InvalidRequestException("subject is only supported with reportType subject");
    }
    if (type == MeasureReport.MeasureReportType.SUBJECTLIST && !caller.isAdmin()) {
      throw new ForbiddenOperationException("Subject lists are for administrators only");
    }
    String patient =
        type == MeasureReport.MeasureReportType.INDIVIDUAL
            ? visiblePatient(subject, request)
            : null;
    GatedReader reader = new GatedReader(daos, gate, request, caller);
    List<MeasureCase> cases = outcome.cases(period, reader);
    if (patient != null) {
      cases = cases.stream().filter(c -> patient.equals(c.subject())).toList();
    }
    boolean suppress = type == MeasureReport.MeasureReportType.SUMMARY && !caller.isAdmin();
    MeasureReport report =
        new MeasureReportBuilder(suppress, type == MeasureReport.MeasureReportType.SUBJECTLIST)
            .build(measure.getUrl(), type, period, outcome, cases, Date.from(clock.instant()));
    if (patient != null) {
      report.setSubject(new Reference(patient));
    }
    return report;
  }

  private Measure measure(String measureId) {
    try {
      return daos.getResourceDao(Measure.class)
          .read(new IdType("Measure", measureId), new SystemRequestDetails());
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      throw new ResourceNotFoundException("Measure/" + measureId + " is not known");
    }
  }

  /** The Patient reference of {@code subject}, if the caller may see that Patient; else 404. */
  private String visiblePatient(String subject, RequestDetails request) {
    IdType id = new IdType(subject);
    if (!"Patient".equals(id.getResourceType()) || !id.hasIdPart()) {
      throw new InvalidRequestException(
          "subject '" + subject + "' is not a Patient reference (Patient/[id])");
    }
    IdType patient = new IdType("Patient", id.getIdPart());
    Patient found;
    try {
      found = daos.getResourceDao(Patient.class).read(patient, new SystemRequestDetails());
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      throw AccessGate.notKnown(patient);
    }
    if (!gate.maySee(request, found)) {
      throw AccessGate.notKnown(patient);
    }
    return "Patient/" + id.getIdPart();
  }

  private static String value(StringType value) {
    return value == null ? null : value.getValue();
  }
}
