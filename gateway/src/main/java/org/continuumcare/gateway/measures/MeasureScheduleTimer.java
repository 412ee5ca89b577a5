package org.continuumcare.gateway.measures;

import java.time.ZoneOffset;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs the scheduled evaluation on its cron (UTC) on a thread of its own, when enabled. The
 * scheduler is kept private (not a bean), so it never stands in for the application's executor.
 */
final class MeasureScheduleTimer implements AutoCloseable {

  private final ThreadPoolTaskScheduler scheduler;

  MeasureScheduleTimer(
      MeasureScheduleProperties properties, ScheduledMeasureEvaluation evaluation) {
    if (!properties.enabled()) {
      scheduler = null;
      return;
    }
    scheduler = new ThreadPoolTaskScheduler();
    scheduler.setPoolSize(1);
    scheduler.setThreadNamePrefix("measure-schedule-");
    scheduler.initialize();
    scheduler.schedule(evaluation::run, new CronTrigger(properties.cron(), ZoneOffset.UTC));
  }

  boolean isRunning() {
    return scheduler != null;
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdown();
    }
  }
}
