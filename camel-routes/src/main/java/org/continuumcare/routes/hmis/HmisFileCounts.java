package org.continuumcare.routes.hmis;

/**
 * What the import did with one CSV file.
 *
 * @param file file name
 * @param read data rows read (header and blank lines not counted)
 * @param matched rows of referred persons (valid or not, deleted rows excluded)
 * @param unmatched rows of people nobody referred: skipped without further reading
 * @param deleted rows of referred persons marked DateDeleted: skipped
 * @param beforeReferral matched rows dated before the referral: skipped
 * @param observations housing-status Observations produced
 * @param noAnswer matched rows whose code gives no housing-status answer (not collected, refused
 *     ...)
 * @param taskUpdates Task updates produced
 * @param rejected rows rejected (see the report's rejected rows)
 */
public record HmisFileCounts(
    String file,
    long read,
    long matched,
    long unmatched,
    long deleted,
    long beforeReferral,
    long observations,
    long noAnswer,
    long taskUpdates,
    long rejected) {}
