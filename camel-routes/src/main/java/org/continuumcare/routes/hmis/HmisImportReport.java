package org.continuumcare.routes.hmis;

import java.util.List;

/**
 * The outcome of one HMIS import: counts per file and every rejected row with its reason.
 *
 * @param export export name (zip or folder name)
 * @param sourceId HMIS source id (Export.SourceID) used in Observation identifiers
 * @param files counts per CSV file, in import order
 * @param rejected rejected rows, in file and row order
 */
public record HmisImportReport(
    String export, String sourceId, List<HmisFileCounts> files, List<RejectedRow> rejected) {

  public HmisImportReport {
    files = List.copyOf(files);
    rejected = List.copyOf(rejected);
  }

  public long read() {
    return files.stream().mapToLong(HmisFileCounts::read).sum();
  }

  public long matched() {
    return files.stream().mapToLong(HmisFileCounts::matched).sum();
  }

  public long observations() {
    return files.stream().mapToLong(HmisFileCounts::observations).sum();
  }

  /** Task updates produced ("updated"). */
  public long taskUpdates() {
    return files.stream().mapToLong(HmisFileCounts::taskUpdates).sum();
  }

  public HmisFileCounts file(String name) {
    return files.stream()
        .filter(f -> f.file().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no counts for " + name));
  }
}
