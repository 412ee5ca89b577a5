package org.continuumcare.gateway.measures;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.continuumcare.gateway.fhir.StoreScan;
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
 * for everyone but administrators; subject-list reports are for administrators and care-team
 * clients (403 otherwise), a care team's naming only people whose Patient it may see, counted over
 * what the gate shows it (SUD records only under a consent that permits disclosure to it); a
 * subject report covers one Patient the caller may see. Every evaluation, refused or not, is
 * audited.
 */
final class EvaluateMeasureProvider {

  private static final Logger log = LoggerFactory.getLogger(EvaluateMeasureProvider.class);

  private final DaoRegistry daos;
  private final StoreScan scan;
  private final VersionHistory history;
  private final AccessGate gate;
  private final Map<String, OutcomeMeasure> measures;
  private final MeasureAudit audit;
  private final Clock clock;

  EvaluateMeasureProvider(
      DaoRegistry daos,
      StoreScan scan,
      VersionHistory history,
      AccessGate gate,
      List<OutcomeMeasure> measures,
      MeasureAudit audit,
      Clock clock) {
    this.daos = daos;
    this.scan = scan;
    this.history = history;
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
    if (type == MeasureReport.MeasureReportType.SUBJECTLIST
        && !caller.isAdmin()
        && caller.access() != Caller.Access.CARE_TEAM) {
      throw new ForbiddenOperationException(
          "Subject lists are for administrators and care-team clients only");
    }
    String patient =
        type == MeasureReport.MeasureReportType.INDIVIDUAL
            ? visiblePatient(subject, request)
            : null;
    GatedReader reader = new GatedReader(daos, scan, history, gate, request, caller);
    List<MeasureCase> cases = outcome.cases(period, reader);
    if (patient != null) {
      cases = cases.stream().filter(c -> patient.equals(c.subject())).toList();
    }
    if (type == MeasureReport.MeasureReportType.SUBJECTLIST && !caller.isAdmin()) {
      Set<String> shown = visiblePatients(reader, cases);
      cases = cases.stream().filter(c -> shown.contains(c.subject())).toList();
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

  /**
   * A summary report of {@code measureId} over {@code period}, evaluated for {@code caller} over
   * what the gate shows {@code request} (the scheduled evaluation: the gateway itself), counts from
   * 1 to 10 masked if {@code suppress}; audited like an operation.
   */
  MeasureReport summary(
      String measureId,
      MeasurePeriod period,
      Caller caller,
      RequestDetails request,
      boolean suppress) {
    try {
      Measure measure = measure(measureId);
      OutcomeMeasure outcome = measures.get(measureId);
      if (outcome == null) {
        throw new ResourceNotFoundException(
            "Measure/" + measureId + " has no evaluation in this gateway");
      }
      List<MeasureCase> cases =
          outcome.cases(period, new GatedReader(daos, scan, history, gate, request, caller));
      MeasureReport report =
          new MeasureReportBuilder(suppress, false)
              .build(
                  measure.getUrl(),
                  MeasureReport.MeasureReportType.SUMMARY,
                  period,
                  outcome,
                  cases,
                  Date.from(clock.instant()));
      audit.evaluated(caller, measureId, "summary", 200, null);
      return report;
    } catch (BaseServerResponseException refused) {
      audit.evaluated(caller, measureId, "summary", refused.getStatusCode(), refused.getMessage());
      throw refused;
    }
  }

  /** The ids of the measures this gateway evaluates. */
  List<String> measureIds() {
    return measures.keySet().stream().sorted().toList();
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

  /**
   * The subjects of {@code cases} whose Patient the caller may see (a care team's subject list
   * names no one else).
   */
  private static Set<String> visiblePatients(GatedReader reader, List<MeasureCase> cases) {
    List<String> ids =
        cases.stream()
            .map(MeasureCase::subject)
            .filter(s -> s != null && s.startsWith("Patient/"))
            .map(s -> s.substring("Patient/".length()))
            .distinct()
            .toList();
    Set<String> shown = new HashSet<>();
    for (int from = 0; from < ids.size(); from += 500) {
      TokenOrListParam chunk = new TokenOrListParam();
      ids.subList(from, Math.min(ids.size(), from + 500))
          .forEach(id -> chunk.addOr(new TokenParam(id)));
      SearchParameterMap query = SearchParameterMap.newSynchronous();
      query.add("_id", chunk);
      reader
          .search(Patient.class, query)
          .forEach(p -> shown.add("Patient/" + p.getIdElement().getIdPart()));
    }
    return shown;
  }

  private static String value(StringType value) {
    return value == null ? null : value.getValue();
  }
}
