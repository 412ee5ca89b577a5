package org.continuumcare.gateway.measures;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The scheduled evaluation of the outcome measures ({@code continuum.measures.schedule.*}): every
 * night, each measure over each of the last {@code periods} calendar periods (the current one
 * included), stored as a MeasureReport that replaces the one of the same measure and period.
 *
 * @param enabled whether the schedule runs (default false; application.yaml turns it on)
 * @param cron when it runs, a Spring cron expression in UTC (default 02:30 every night)
 * @param granularity the length of a period: {@code month} (default) or {@code week} (ISO weeks,
 *     Monday to Sunday)
 * @param periods how many periods back, the current one included, are (re)evaluated each run
 *     (default 2: the month so far, and the month before, so it is final once it has ended)
 * @param measures the ids of the measures to evaluate (default: all)
 * @param suppress whether stored reports mask counts from 1 to 10 as non-administrators' reports
 *     are (default true: the stored series may be read by anyone allowed to read MeasureReports)
 */
@ConfigurationProperties("continuum.measures.schedule")
public record MeasureScheduleProperties(
    Boolean enabled,
    String cron,
    String granularity,
    Integer periods,
    List<String> measures,
    Boolean suppress) {

  public MeasureScheduleProperties {
    enabled = enabled != null && enabled;
    cron = cron == null || cron.isBlank() ? "0 30 2 * * *" : cron;
    granularity = granularity == null || granularity.isBlank() ? "month" : granularity.trim();
    if (!granularity.equals("month") && !granularity.equals("week")) {
      throw new IllegalArgumentException(
          "continuum.measures.schedule.granularity must be month or week, not " + granularity);
    }
    periods = periods == null ? 2 : periods;
    if (periods < 1) {
      throw new IllegalArgumentException("continuum.measures.schedule.periods must be at least 1");
    }
    measures = measures == null ? List.of() : List.copyOf(measures);
    suppress = suppress == null || suppress;
  }
}
