package org.continuumcare.gateway.views;

/**
 * What one view run gave the caller: rows written, and resources the access gate withheld (read,
 * but not shown to the caller, so no rows from them). Counts only, never resources.
 */
record ViewRunTally(long rows, long withheld) {

  static final ViewRunTally NONE = new ViewRunTally(0, 0);

  ViewRunTally plus(ViewRunTally other) {
    return new ViewRunTally(rows + other.rows, withheld + other.withheld);
  }
}
