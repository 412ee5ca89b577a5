package org.continuumcare.routes.handoff;

import java.time.Instant;
import java.util.List;
import org.continuumcare.terminology.ContinuumTerminology;

/** Where the handoff referral Tasks live (the gateway implements it over HAPI JPA). */
public interface HandoffTaskStore {

  /**
   * Identifier system of every resource a release handoff creates: value = handoff id + "-" + role
   * of the resource.
   */
  String IDENTIFIER_SYSTEM = ContinuumTerminology.BASE + "/sid/release-handoff";

  /** Task.businessStatus code (referral-business-status CodeSystem) of a flagged Task. */
  String NOT_ACKNOWLEDGED = "not-acknowledged-before-release";

  /**
   * Every handoff referral Task the provider has not acted on yet (status requested or received).
   */
  List<HandoffTaskView> openHandoffTasks();

  /**
   * Sets the Task's business status to {@link #NOT_ACKNOWLEDGED} if it is still the version read;
   * false when it changed meanwhile (the next check looks again).
   */
  boolean flagNotAcknowledged(HandoffTaskView task, Instant at);
}
