package org.continuumcare.routes.prison;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How long an inbound HL7 v2 field may be (under {@code continuum.prison.hl7v2.*}), in characters
 * as sent: the whole field, all repetitions, escape sequences not decoded. A longer field is
 * refused with AE, ERR-3 104 "Value too long" (102 before v2.7, see {@link
 * Hl7ErrorCode#inVersion(String)}), ERR-2 naming it.
 *
 * <p>The fields the handoff maps have their own limits ({@link #DEFAULT_FIELD_LENGTHS}): HL7 v2.5's
 * normative length of one occurrence (HD 227, CX/XPN/CE 250, NM 20; MSH-10 199 as of v2.7), times
 * four for the person's identifiers and names, which repeat. Every other field (kept only in the
 * original message, the Binary) may be up to {@code max-field-length}. Dates are not listed: they
 * must be a valid DTM (at most 24 characters) anyway.
 *
 * @param maxFieldLength any field not listed in {@code fieldLengths} (default 65536)
 * @param fieldLengths per-field limits keyed {@code SEG-n} (e.g. {@code PID-5}); the given ones
 *     replace the defaults of the same key, the other defaults stay (in properties use brackets,
 *     {@code field-lengths[PID-5]=500})
 */
public record Hl7v2FieldLimits(Integer maxFieldLength, Map<String, Integer> fieldLengths) {

  /** The handoff's own fields and their limits, used where no property says otherwise. */
  public static final Map<String, Integer> DEFAULT_FIELD_LENGTHS =
      Map.ofEntries(
          Map.entry("MSH-3", 227),
          Map.entry("MSH-4", 227),
          Map.entry("MSH-5", 227),
          Map.entry("MSH-6", 227),
          Map.entry("MSH-10", 199),
          Map.entry("EVN-4", 250),
          Map.entry("PID-3", 1000),
          Map.entry("PID-5", 1000),
          Map.entry("PV1-3", 250),
          Map.entry("PV1-19", 250),
          Map.entry("PV1-36", 250),
          Map.entry("DG1-3", 250),
          Map.entry("DG1-4", 250),
          Map.entry("RXO-1", 250),
          Map.entry("RXE-2", 250),
          Map.entry("RXE-7", 250),
          Map.entry("RXE-10", 20),
          Map.entry("RXE-11", 250),
          Map.entry("RXD-2", 250),
          Map.entry("RXD-4", 20),
          Map.entry("RXD-5", 250),
          Map.entry("PV1-37", 250),
          Map.entry("OBX-3", 250),
          Map.entry("CON-2", 250),
          Map.entry("CON-4", 427),
          Map.entry("CON-11", 250),
          Map.entry("RXA-5", 250),
          Map.entry("RXA-6", 20),
          Map.entry("RXA-7", 250));

  public static final int DEFAULT_MAX_FIELD_LENGTH = 65_536;
  private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9]{2}-[1-9][0-9]{0,2}");

  public Hl7v2FieldLimits {
    maxFieldLength = maxFieldLength == null ? DEFAULT_MAX_FIELD_LENGTH : maxFieldLength;
    positive("max-field-length", maxFieldLength);
    Map<String, Integer> merged = new TreeMap<>(DEFAULT_FIELD_LENGTHS);
    if (fieldLengths != null) {
      fieldLengths.forEach(
          (key, limit) -> {
            String field = key.trim().toUpperCase(Locale.ROOT);
            if (!KEY.matcher(field).matches()) {
              throw new IllegalArgumentException(
                  "continuum.prison.hl7v2.field-lengths: '"
                      + key
                      + "' is not a field such as PID-5");
            }
            positive("field-lengths[" + field + "]", limit);
            merged.put(field, limit);
          });
    }
    fieldLengths = Collections.unmodifiableMap(merged);
  }

  /** The defaults. */
  public static Hl7v2FieldLimits defaults() {
    return new Hl7v2FieldLimits(null, null);
  }

  /** The limit of field {@code field} of segment {@code segment}. */
  public int limit(String segment, int field) {
    Integer listed = fieldLengths.get(segment + "-" + field);
    return listed != null ? listed : maxFieldLength;
  }

  /** The smallest limit of all: a field no longer than this needs no look-up. */
  int smallest() {
    int smallest = maxFieldLength;
    for (int limit : fieldLengths.values()) {
      smallest = Math.min(smallest, limit);
    }
    return smallest;
  }

  private static void positive(String name, Integer value) {
    if (value == null || value < 1) {
      throw new IllegalArgumentException(
          "continuum.prison.hl7v2." + name + " must be at least 1, was " + value);
    }
  }
}
