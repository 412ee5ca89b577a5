package org.continuumcare.gateway.partners;

import java.util.Optional;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.routes.referral.TaskParty;

/**
 * The current caller as a party to referral Tasks and partner endpoints. Work without an
 * authenticated caller (the gateway's own routes and imports) acts as the administrator: the
 * transition table still applies, only the side is not restricted.
 */
final class CallerParties {

  private CallerParties() {}

  static TaskParty current() {
    return current(Caller.current());
  }

  static TaskParty current(Optional<Caller> caller) {
    if (caller.isEmpty()) {
      return TaskParty.admin();
    }
    Caller c = caller.get();
    TaskParty.Kind kind =
        switch (c.access()) {
          case ADMIN -> TaskParty.Kind.ADMIN;
          case CARE_TEAM -> TaskParty.Kind.CARE_TEAM;
          case PARTNER -> TaskParty.Kind.PARTNER;
          case ANALYST -> TaskParty.Kind.OTHER;
        };
    return new TaskParty(c.organizationId(), kind);
  }

  /** Whether the current caller may act for the partner Organization {@code partnerId}. */
  static boolean mayActFor(String partnerId) {
    Optional<Caller> caller = Caller.current();
    return caller.isEmpty() || caller.get().isAdmin() || caller.get().actsFor(partnerId);
  }

  /** The caller's client id for audit records, or {@code anonymous} while the API is open. */
  static String clientId() {
    return Caller.current().map(Caller::clientId).orElse("anonymous");
  }
}
