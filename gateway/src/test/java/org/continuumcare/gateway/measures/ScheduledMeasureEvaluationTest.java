package org.continuumcare.gateway.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduledMeasureEvaluationTest {

  @Test
  void monthlyPeriodsAreWholeCalendarMonthsEndingWithTheCurrentOne() {
    assertThat(ScheduledMeasureEvaluation.periods(LocalDate.parse("2028-03-01"), "month", 3))
        .containsExactly(
            new MeasurePeriod(LocalDate.parse("2028-01-01"), LocalDate.parse("2028-01-31")),
            new MeasurePeriod(LocalDate.parse("2028-02-01"), LocalDate.parse("2028-02-29")),
            new MeasurePeriod(LocalDate.parse("2028-03-01"), LocalDate.parse("2028-03-31")));
  }

  @Test
  void weeklyPeriodsRunMondayToSunday() {
    assertThat(ScheduledMeasureEvaluation.periods(LocalDate.parse("2026-12-06"), "week", 2))
        .containsExactly(
            new MeasurePeriod(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-29")),
            new MeasurePeriod(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-06")));
  }

  @Test
  void aReportIdNamesTheMeasureAndPeriodAndFitsAFhirId() {
    String id =
        ScheduledMeasureEvaluation.reportId(
            "recovery-capital-change",
            new MeasurePeriod(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
    assertThat(id).isEqualTo("recovery-capital-change-2026-11-01-2026-11-30");
    assertThat(id).matches("[A-Za-z0-9\\-.]{1,64}");
  }

  @Test
  void anUnknownGranularityOrNoPeriodIsAConfigurationError() {
    assertThatThrownBy(() -> new MeasureScheduleProperties(true, null, "year", 2, List.of(), true))
        .hasMessageContaining("month or week");
    assertThatThrownBy(() -> new MeasureScheduleProperties(true, null, "month", 0, List.of(), true))
        .hasMessageContaining("at least 1");
  }

  @Test
  void theScheduleIsOffAndMasksSmallCountsUnlessConfigured() {
    MeasureScheduleProperties defaults =
        new MeasureScheduleProperties(null, null, null, null, null, null);
    assertThat(defaults.enabled()).isFalse();
    assertThat(defaults.suppress()).isTrue();
    assertThat(defaults.cron()).isEqualTo("0 30 2 * * *");
    assertThat(defaults.periods()).isEqualTo(2);
  }
}
