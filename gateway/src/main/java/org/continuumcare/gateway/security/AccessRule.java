package org.continuumcare.gateway.security;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One part of what decides whether a caller may see a resource (partner isolation, SUD consent).
 * Rules never act on their own: {@link AccessGate} asks every rule that applies to the caller, on
 * every path a resource can take to or through a caller, and a resource is visible only when all of
 * them say so.
 */
public interface AccessRule {

  /** Whether this rule has anything to say about what {@code caller} sees. */
  boolean appliesTo(Caller caller);

  /**
   * Whether the caller of {@code access} may see {@code resource} now. Asked for every resource
   * loaded for the caller (before paging), again before it is shown, and before anything is written
   * over it; may be asked more than once for the same resource.
   */
  boolean maySee(Access access, IBaseResource resource);

  /**
   * A batch of resources (a page of a search, the resources of a read) is about to be judged with
   * {@link #maySee}, one by one: a rule may look up what it needs for all of them at once (e.g. one
   * query instead of one per resource). It decides nothing here.
   */
  default void loading(Access access, List<IBaseResource> resources) {}

  /**
   * The resource as it is shown to the caller: the same object (perhaps labelled) or a reduced
   * copy. Asked once for each resource about to leave, only for resources the rule let through.
   */
  default IBaseResource shown(Access access, IBaseResource resource) {
    return resource;
  }

  /**
   * A condition for the database to add to the caller's search of {@code resourceType}, leaving out
   * records this rule would withhold, so that a page is not read to be mostly thrown away; empty
   * when the rule cannot say. Never relied on: every record read is still judged with {@link
   * #maySee}.
   */
  default Optional<SearchNarrowing> narrowing(Access access, String resourceType) {
    return Optional.empty();
  }

  /**
   * A request this rule applies to starts, before anything is read: a rule may refuse it here (a
   * HAPI exception) for what the request itself asks, e.g. an invalid declaration.
   */
  default void started(Access access) {}

  /** The request has ended, successfully or not (e.g. to account for what was disclosed). */
  default void completed(Access access) {}
}
