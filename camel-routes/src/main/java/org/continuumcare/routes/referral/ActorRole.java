package org.continuumcare.routes.referral;

/** Who asks for a Task status change: the referrer (Task.requester) or the partner (Task.owner). */
public enum ActorRole {
  /** The referring side (Task.requester): draft, requested, cancelled, entered-in-error. */
  REQUESTER,
  /** The partner the referral is addressed to (Task.owner): accepted, rejected, in-progress, ... */
  RECIPIENT
}
