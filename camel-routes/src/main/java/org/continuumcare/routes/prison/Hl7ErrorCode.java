package org.continuumcare.routes.prison;

/** HL7 table 0357 (message error condition codes) as used in ERR-3 (v2.5+) and ERR-1.4 (v2.3/2.4). */
public enum Hl7ErrorCode {
    SEGMENT_SEQUENCE_ERROR("100", "Segment sequence error"),
    REQUIRED_FIELD_MISSING("101", "Required field missing"),
    DATA_TYPE_ERROR("102", "Data type error"),
    TABLE_VALUE_NOT_FOUND("103", "Table value not found"),
    UNSUPPORTED_MESSAGE_TYPE("200", "Unsupported message type"),
    UNSUPPORTED_EVENT_CODE("201", "Unsupported event code"),
    UNSUPPORTED_PROCESSING_ID("202", "Unsupported processing id"),
    UNSUPPORTED_VERSION_ID("203", "Unsupported version id"),
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
}
