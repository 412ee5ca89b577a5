package org.continuumcare.routes.prison;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HL7 v2 DT/TS/DTM value (YYYY[MM[DD[HH[MM[SS[.S+]]]]]][+/-ZZZZ]) read strictly: a value that
 * does not match the format or names an impossible date (month 13, 30 February, hour 25, offset
 * +1600) is refused.
 */
public final class Hl7v2DateTime {

  private static final Pattern FORMAT =
      Pattern.compile(
          "(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\.\\d{1,4})?([+-]\\d{4})?");

  private Hl7v2DateTime() {}

  /**
   * The calendar date of a value as written (the sender's local date; the offset does not move it).
   *
   * @return empty for a blank value
   * @throws DateTimeException when the value is malformed or impossible
   */
  public static Optional<LocalDate> date(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(value.trim());
    if (!m.matches()) {
      throw new DateTimeException("not an HL7 date/time (YYYY[MM[DD[HHMM[SS]]]][+/-ZZZZ])");
    }
    int year = Integer.parseInt(m.group(1));
    int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
    int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
    int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
    int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
    int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
    if (m.group(8) != null) {
      int offsetHours = Integer.parseInt(m.group(8).substring(1, 3));
      int offsetMinutes = Integer.parseInt(m.group(8).substring(3, 5));
      if (offsetHours > 14 || offsetMinutes > 59) {
        throw new DateTimeException("impossible time zone offset " + m.group(8));
      }
    }
    LocalDateTime parsed = LocalDateTime.of(year, month, day, hour, minute, second);
    return Optional.of(parsed.toLocalDate());
  }

  /**
   * An instant of a value given at least to the minute: its own offset, else {@code senderZone}
   * (HL7: a value without offset is in the sender's time zone).
   *
   * @return empty for a blank value
   * @throws DateTimeException when the value is malformed, impossible or has no time of day
   */
  public static Optional<OffsetDateTime> dateTime(String value, ZoneId senderZone) {
    Optional<LocalDate> date = date(value);
    if (date.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(value.trim());
    m.matches();
    if (m.group(5) == null) {
      throw new DateTimeException("a date and time to the minute is required (YYYYMMDDHHMM)");
    }
    LocalDateTime local =
        date.get()
            .atTime(
                Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
    if (m.group(8) != null) {
      return Optional.of(local.atOffset(ZoneOffset.of(m.group(8))));
    }
    return Optional.of(local.atZone(senderZone).toOffsetDateTime());
  }
}
