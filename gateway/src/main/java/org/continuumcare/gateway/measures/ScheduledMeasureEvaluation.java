package org.continuumcare.gateway.measures;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.gateway.security.SmartScopes;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MeasureReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the outcome measures over the last calendar periods and stores each summary as a
 * MeasureReport with a fixed id per measure and period ({@code [measure]-[start]-[end]}), so a
 * re-evaluation replaces the period's report (a new version) instead of adding one, and {@code
 * MeasureReport?measure=[url]&period=...} gives the series. Evaluated as the gateway's analysts are
 * (the gateway's organisation, purpose HOPERAT, analyst access), so a stored report counts exactly
 * what an analyst's own evaluation would: a substance-use record only under a consent that permits
 * it. Whoever may read MeasureReports therefore learns nothing an analyst could not; counts from 1
 * to 10 are masked unless configured otherwise; every evaluation is audited with the scheduler as
 * the client.
 */
final class ScheduledMeasureEvaluation {

  static final String CLIENT = "continuum-measure-schedule";
  static final String REPORT_SYSTEM = "https://continuumcare.org/fhir/sid/scheduled-measure-report";
  private static final Logger log = LoggerFactory.getLogger(ScheduledMeasureEvaluation.class);

  private final MeasureScheduleProperties properties;
  private final EvaluateMeasureProvider evaluator;
  private final DaoRegistry daos;
  private final Clock clock;
  private final Caller caller =
      new Caller(
          CLIENT,
          Caller.GATEWAY_ORGANIZATION,
          Caller.Access.ANALYST,
          "HOPERAT",
          SmartScopes.parse("system/*.rs"));

  ScheduledMeasureEvaluation(
      MeasureScheduleProperties properties,
      EvaluateMeasureProvider evaluator,
      DaoRegistry daos,
      Clock clock) {
    this.properties = properties;
    this.evaluator = evaluator;
    this.daos = daos;
    this.clock = clock;
  }

  /**
   * One run: every configured measure over every period; a measure that fails is logged and the
   * others still run.
   *
   * @return the ids of the stored reports ({@code MeasureReport/[id]})
   */
  List<String> run() {
    List<String> measures =
        properties.measures().isEmpty() ? evaluator.measureIds() : properties.measures();
    List<MeasurePeriod> periods =
        periods(
            LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
            properties.granularity(),
            properties.periods());
    List<String> stored = new ArrayList<>();
    for (String measureId : measures) {
      for (MeasurePeriod period : periods) {
        try {
          // The caller bound to the request, so the access gate judges every record as it would
          // for an analyst (an unbound system request is the gateway's own work and sees all).
          SystemRequestDetails asAnalyst = new SystemRequestDetails();
          Caller.bind(asAnalyst, caller);
          MeasureReport report =
              evaluator.summary(measureId, period, caller, asAnalyst, properties.suppress());
          String id = reportId(measureId, period);
          report.setId(id);
          report.addIdentifier(new Identifier().setSystem(REPORT_SYSTEM).setValue(id));
          daos.getResourceDao(MeasureReport.class).update(report, new SystemRequestDetails());
          stored.add("MeasureReport/" + id);
        } catch (BaseServerResponseException | IllegalArgumentException failed) {
          log.warn(
              "Scheduled evaluation of Measure/{} over {}..{} failed: {}",
              measureId,
              period.start(),
              period.end(),
              failed.getMessage());
        }
      }
    }
    log.info("Scheduled measure evaluation stored {} MeasureReports", stored.size());
    return stored;
  }

  /**
   * The {@code count} periods up to and including the one containing {@code today}, oldest first.
   */
  static List<MeasurePeriod> periods(LocalDate today, String granularity, int count) {
    List<MeasurePeriod> periods = new ArrayList<>();
    for (int back = count - 1; back >= 0; back--) {
      if (granularity.equals("week")) {
        LocalDate monday =
            today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(back);
        periods.add(new MeasurePeriod(monday, monday.plusDays(6)));
      } else {
        LocalDate first = today.withDayOfMonth(1).minusMonths(back);
        periods.add(new MeasurePeriod(first, first.with(TemporalAdjusters.lastDayOfMonth())));
      }
    }
    return periods;
  }

  /** The id of the stored report of a measure and period (64 characters at most). */
  static String reportId(String measureId, MeasurePeriod period) {
    return measureId + "-" + period.start() + "-" + period.end();
  }
}
