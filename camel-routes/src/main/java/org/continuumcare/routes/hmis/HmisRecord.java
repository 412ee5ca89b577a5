package org.continuumcare.routes.hmis;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One validated HMIS record of a referred person: where its living situation / destination code
 * sits.
 *
 * @param sourceId HMIS source (Export.SourceID)
 * @param file CSV file name (Enrollment.csv, Exit.csv, CurrentLivingSituation.csv)
 * @param recordId the file's own record id (EnrollmentID, ExitID, CurrentLivingSitID)
 * @param personalId the client's PersonalID in that HMIS
 * @param kind what the code means (prior living situation, exit destination, current situation)
 * @param code HMIS living-situation / destination code, or null when not collected
 * @param date the record's date (entry, exit or information date)
 */
record HmisRecord(
    String sourceId,
    String file,
    String recordId,
    String personalId,
    Kind kind,
    String code,
    LocalDate date) {

  HmisRecord {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(personalId, "personalId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(date, "date");
  }

  /** Deterministic identifier value: source system + file + PersonalID + record id. */
  String identifierValue() {
    return sourceId + "/" + file + "/" + personalId + "/" + recordId;
  }

  enum Kind {
    PRIOR_LIVING_SITUATION("HMIS prior living situation at project entry (3.917)"),
    CURRENT_LIVING_SITUATION("HMIS current living situation (4.12)"),
    EXIT_DESTINATION("HMIS destination at project exit (3.12)");

    private final String method;

    Kind(String method) {
      this.method = method;
    }

    String method() {
      return method;
    }
  }
}
