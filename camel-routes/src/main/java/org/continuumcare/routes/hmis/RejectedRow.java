package org.continuumcare.routes.hmis;

/**
 * A row (or a whole file, row 0 / header row 1) the import could not use, and why.
 *
 * @param file CSV file name within the export
 * @param row line number in the file (the header is line 1; 0 for the file as a whole)
 * @param reason what was wrong (field names and the offending value, never the rest of the row)
 */
public record RejectedRow(String file, long row, String reason) {}
