package org.continuumcare.routes.handoff;

import java.time.Instant;
import java.util.List;

/** Where the handoff referral Tasks live (the gateway implements it over HAPI JPA). */
public interface HandoffTaskStore {

  /**
   * Every handoff referral Task the provider has not acted on yet (status requested or received).
   */
  List<HandoffTaskView> openHandoffTasks();

  /**
   * Sets the Task's business status to {@link UnacknowledgedReleasePolicy#NOT_ACKNOWLEDGED} if it
   * is still the version read; false when it changed meanwhile (the next check looks again).
   */
  boolean flagNotAcknowledged(HandoffTaskView task, Instant at);
}
