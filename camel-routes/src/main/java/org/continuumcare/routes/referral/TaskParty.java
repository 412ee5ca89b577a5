package org.continuumcare.routes.referral;

import java.util.Objects;

/**
 * Who changes a referral Task, as far as the lifecycle cares: the Organization the caller acts for
 * and how far its rights reach. Built by the gateway from its authenticated caller.
 *
 * @param organizationId the Organization the caller acts for (null when it acts for none)
 * @param kind what kind of caller it is
 */
public record TaskParty(String organizationId, Kind kind) {

  /** What kind of caller changes the Task. */
  public enum Kind {
    /**
     * Operates the gateway, or the API is still open: may make any legal transition of either side.
     */
    ADMIN,
    /**
     * A care team member of the network: the requester side unless it acts for the Task's owner.
     */
    CARE_TEAM,
    /**
     * A partner organisation: only the side its organisation holds on the Task (owner or
     * requester).
     */
    PARTNER,
    /** Anyone else (e.g. an analyst): holds no side. */
    OTHER
  }

  public TaskParty {
    Objects.requireNonNull(kind, "kind");
  }

  /** The administrator (or an open API without authentication). */
  public static TaskParty admin() {
    return new TaskParty(null, Kind.ADMIN);
  }
}
