package org.continuumcare.gateway.partners;

import java.util.List;
import org.continuumcare.routes.hmis.HmisFileCounts;
import org.continuumcare.routes.hmis.HmisImportReport;
import org.continuumcare.routes.hmis.RejectedRow;

/**
 * What an HMIS import did, as answered by the endpoint and written next to a dropped file.
 *
 * @param export export name
 * @param sourceId HMIS source id
 * @param read data rows read
 * @param matched rows of referred persons
 * @param updated Task updates applied ({@code taskUpdates.applied})
 * @param rejected rows rejected (each listed in {@code rejectedRows} with file, row number and
 *     reason)
 * @param observations housing-status Observations: produced by the export, created now, already
 *     stored
 * @param taskUpdates Task updates: produced, applied, ignored as older or duplicate, refused
 *     (illegal)
 * @param rejectedRows the rejected rows
 * @param refusedUpdates Task updates the referral lifecycle refused, with the Task and the reason
 * @param files counts per CSV file
 * @param millis how long the import took, reading and storing
 */
record HmisImportResult(
    String export,
    String sourceId,
    long read,
    long matched,
    long updated,
    long rejected,
    ObservationCounts observations,
    TaskUpdateCounts taskUpdates,
    List<RejectedRow> rejectedRows,
    List<RefusedUpdate> refusedUpdates,
    List<HmisFileCounts> files,
    long millis) {

  record ObservationCounts(long produced, long created, long existing) {}

  record TaskUpdateCounts(
      long produced, long applied, long ignoredOlder, long ignoredDuplicate, long refused) {}

  record RefusedUpdate(String task, String reason) {}

  static HmisImportResult of(
      HmisImportReport report,
      ObservationCounts observations,
      TaskUpdateCounts updates,
      List<RefusedUpdate> refused,
      long millis) {
    return new HmisImportResult(
        report.export(),
        report.sourceId(),
        report.read(),
        report.matched(),
        updates.applied(),
        report.rejected().size(),
        observations,
        updates,
        report.rejected(),
        refused,
        report.files(),
        millis);
  }
}
