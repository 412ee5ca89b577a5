package org.continuumcare.routes.partnerjson;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parsing and plausibility of the timestamps and dates partners send in callbacks. */
public final class PartnerEventTime {

  /** How far a partner's clock may run ahead of ours. */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  private PartnerEventTime() {}

  /** An ISO-8601 date-time with offset, not later than now plus the allowed skew. */
  public static Instant parse(String field, String value, Clock clock) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(field + " is required (ISO-8601 date-time with offset)");
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          field
              + " '"
              + value
              + "' is not an ISO-8601 date-time with offset (e.g. 2026-11-24T09:00:00Z)");
    }
    if (instant.isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
      throw new InvalidRequestException(field + " " + value + " is in the future");
    }
    return instant;
  }

  /** An ISO-8601 date (yyyy-MM-dd). */
  public static LocalDate parseDate(String field, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new InvalidRequestException(field + " '" + value + "' is not a date (yyyy-MM-dd)");
    }
  }
}
