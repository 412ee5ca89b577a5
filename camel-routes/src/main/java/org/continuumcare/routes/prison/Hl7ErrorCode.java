package org.continuumcare.routes.prison;

/**
 * HL7 table 0357 (message error condition codes) as used in ERR-3 (v2.5+) and ERR-1.4 (v2.3/2.4).
 *
 * <p>104 "Value too long" ("a value exceeded the normative length, or the length that the
 * application is able to safely handle") was added to the table in v2.7; a message of an earlier
 * version (2.3 to 2.6) is answered 102 "Data type error" for the same fault instead (see {@link
 * #inVersion(String)}), the code most engines use there.
 */
public enum Hl7ErrorCode {
  SEGMENT_SEQUENCE_ERROR("100", "Segment sequence error"),
  REQUIRED_FIELD_MISSING("101", "Required field missing"),
  DATA_TYPE_ERROR("102", "Data type error"),
  TABLE_VALUE_NOT_FOUND("103", "Table value not found"),
  VALUE_TOO_LONG("104", "Value too long"),
  UNSUPPORTED_MESSAGE_TYPE("200", "Unsupported message type"),
  UNSUPPORTED_EVENT_CODE("201", "Unsupported event code"),
  UNSUPPORTED_PROCESSING_ID("202", "Unsupported processing id"),
  UNSUPPORTED_VERSION_ID("203", "Unsupported version id"),
  UNKNOWN_KEY_IDENTIFIER("204", "Unknown key identifier"),
  APPLICATION_INTERNAL_ERROR("207", "Application internal error");

  private final String code;
  private final String text;

  Hl7ErrorCode(String code, String text) {
    this.code = code;
    this.text = text;
  }

  public String code() {
    return code;
  }

  public String text() {
    return text;
  }

  /**
   * The code as a message of {@code version} can carry it: 104 becomes 102 before v2.7 (no 104
   * there).
   */
  public Hl7ErrorCode inVersion(String version) {
    if (this == VALUE_TOO_LONG && !atLeast27(version)) {
      return DATA_TYPE_ERROR;
    }
    return this;
  }

  private static boolean atLeast27(String version) {
    return version != null
        && (version.startsWith("2.7") || version.startsWith("2.8") || version.startsWith("2.9"));
  }
}
