package org.continuumcare.gateway.measures;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The measurement period: whole days {@code start} to {@code end}, both included, in UTC (an
 * instant is in the period if {@code start 00:00Z <= t < end+1 00:00Z}).
 */
record MeasurePeriod(LocalDate start, LocalDate end) {

  /**
   * Parses the operation's periodStart and periodEnd (YYYY-MM-DD); 400 if malformed or reversed.
   */
  static MeasurePeriod parse(String start, String end) {
    LocalDate from = day("periodStart", start);
    LocalDate to = day("periodEnd", end);
    if (to.isBefore(from)) {
      throw new InvalidRequestException("periodEnd " + to + " is before periodStart " + from);
    }
    return new MeasurePeriod(from, to);
  }

  private static LocalDate day(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(name + " is required (a date, YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(name + " '" + value + "' is not a date (YYYY-MM-DD)");
    }
  }

  Instant from() {
    return start.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  Instant until() {
    return end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  boolean contains(Instant at) {
    return at != null && !at.isBefore(from()) && at.isBefore(until());
  }

  boolean contains(LocalDate day) {
    return day != null && !day.isBefore(start) && !day.isAfter(end);
  }
}
