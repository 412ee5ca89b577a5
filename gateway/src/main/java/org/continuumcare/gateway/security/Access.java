package org.continuumcare.gateway.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One caller's access during one request, as the {@link AccessRule}s see it.
 *
 * @param request the request (its user data holds what the rules remember for it)
 * @param caller who is asking
 * @param gate the gate, so a rule can ask about other resources (a Patient through its referrals)
 */
public record Access(RequestDetails request, Caller caller, AccessGate gate) {

  /** Whether the caller may see {@code other} (every rule, as for any resource). */
  public boolean maySee(IBaseResource other) {
    return gate.maySee(request, other);
  }

  /** What a rule remembers for this request (shared by a batch's entries). */
  public Map<Object, Object> memory() {
    return request.getUserData();
  }
}
