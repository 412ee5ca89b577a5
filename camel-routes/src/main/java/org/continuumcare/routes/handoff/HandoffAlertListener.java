package org.continuumcare.routes.handoff;

/**
 * Told after each run of the "not acknowledged before release" check: how many Tasks this run
 * flagged and how many flagged Tasks are still open (the gateway keeps them as metrics).
 */
@FunctionalInterface
public interface HandoffAlertListener {
  void checked(int flagged, int outstanding);
}
