package org.continuumcare.gateway.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.Optional;
import org.continuumcare.gateway.security.SmartScopes.Permission;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: the OAuth2 client of the bearer token, the Organization it acts for and what its
 * scopes grant. Built once per request from the validated JWT by {@link CallerAuthentication}.
 *
 * @param clientId the token's {@code client_id} (or {@code sub})
 * @param organizationId the id of the {@code Organization} the client is bound to (claim {@code
 *     organization} or {@code continuum.security.clients.<id>.organization}); null if none
 * @param access how far the client sees beyond what is addressed to its organisation
 * @param purposeOfUse why the client accesses data, a v3 PurposeOfUse code (system {@link
 *     #PURPOSE_OF_USE_SYSTEM}) such as {@code TREAT} or {@code COC}: claim {@code purpose_of_use}
 *     or the client's configured default
 * @param scopes what the token's SMART scopes grant
 * @param patient the SMART launch context: the id of the Patient a patient-facing app acts for
 *     (token claim {@code patient}); null if none. Together with {@code patient/} scopes it grants
 *     that patient's own list of disclosures and nothing else ({@link #readsOwnDisclosures})
 * @param user the person signed in through the client (a token with {@code user/} scopes and a
 *     {@code fhirUser} claim, e.g. from the console); null for a system acting on its own. A user
 *     acts for their organisation exactly as a client of that organisation would, and is named in
 *     every AuditEvent of their requests
 */
public record Caller(
    String clientId,
    String organizationId,
    Access access,
    String purposeOfUse,
    SmartScopes scopes,
    String patient,
    User user) {

  /**
   * A person signed in through an OAuth2 client.
   *
   * @param subject the token's {@code sub}
   * @param name the user name (claim {@code preferred_username}, else {@code sub})
   * @param fhirUser the FHIR resource of the user (claim {@code fhirUser}), e.g. {@code
   *     Practitioner/demo-user-rosa}
   */
  public record User(String subject, String name, String fhirUser) {}

  /** A caller without a signed-in user. */
  public Caller(
      String clientId,
      String organizationId,
      Access access,
      String purposeOfUse,
      SmartScopes scopes,
      String patient) {
    this(clientId, organizationId, access, purposeOfUse, scopes, patient, null);
  }

  /** Operation through which a patient reads the list of disclosures of their SUD records. */
  public static final String DISCLOSURES_OPERATION = "$disclosures";

  /** A caller without a patient launch context. */
  public Caller(
      String clientId,
      String organizationId,
      Access access,
      String purposeOfUse,
      SmartScopes scopes) {
    this(clientId, organizationId, access, purposeOfUse, scopes, null);
  }

  /** Code system of {@link #purposeOfUse()}. */
  public static final String PURPOSE_OF_USE_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/v3-ActReason";

  /** Id of the Organization that runs this gateway (the intermediary named in SUD consents). */
  public static final String GATEWAY_ORGANIZATION = "continuum-gateway";

  /** How far a client's view reaches. */
  public enum Access {
    /**
     * A partner (housing office, employment service, treatment provider receiving referrals): sees
     * and changes only the Referrals/Tasks addressed to its organisation, and the minimum Patient
     * data they need.
     */
    PARTNER,
    /** A care team member of the network (EHR, release team): the whole record, within consent. */
    CARE_TEAM,
    /** Population analysis: reads, never writes. */
    ANALYST,
    /** Operates the gateway (relay replay, partner directory). */
    ADMIN
  }

  /** Key of the caller in a FHIR request's user data (shared by batch and transaction entries). */
  private static final String REQUEST_KEY = Caller.class.getName();

  /**
   * The caller a FHIR request acts for. The caller is bound to the request itself ({@link #bind}),
   * not to the thread: HAPI runs the GET entries of a batch on a thread pool, where the security
   * context of the HTTP request is absent, and the entries share their parent request's user data.
   * An HTTP request not bound yet takes (and binds) the thread's security context; the gateway's
   * own requests ({@code SystemRequestDetails}) have a caller only when one was bound to them
   * explicitly, e.g. to act for a partner.
   */
  public static Optional<Caller> of(RequestDetails request) {
    if (request == null) {
      return Optional.empty();
    }
    Object bound = request.getUserData().get(REQUEST_KEY);
    if (bound instanceof Caller caller) {
      return Optional.of(caller);
    }
    if (!(request instanceof ServletRequestDetails)) {
      return Optional.empty();
    }
    Optional<Caller> current = current();
    current.ifPresent(caller -> bind(request, caller));
    return current;
  }

  /** Binds {@code caller} to {@code request} (and to every batch or transaction entry of it). */
  public static void bind(RequestDetails request, Caller caller) {
    request.getUserData().put(REQUEST_KEY, caller);
  }

  /**
   * Whether {@code request} is the gateway's own work: no caller is bound to it and it did not come
   * in over HTTP. An HTTP request without a caller is never internal: it is refused by everything
   * that decides access (fail closed).
   */
  public static boolean isInternal(RequestDetails request) {
    return !(request instanceof ServletRequestDetails) && of(request).isEmpty();
  }

  /** The caller of the current request, if it is authenticated. */
  public static Optional<Caller> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof CallerAuthentication callerAuthentication) {
      return Optional.of(callerAuthentication.caller());
    }
    return Optional.empty();
  }

  public boolean allows(String resourceType, Permission permission) {
    if (access == Access.ANALYST
        && permission != Permission.READ
        && permission != Permission.SEARCH) {
      return false;
    }
    return scopes.allows(resourceType, permission);
  }

  /**
   * Whether this caller is the patient's own app asking for {@code Patient/patientId}'s list of
   * disclosures: its launch context is that patient and its {@code patient/} scopes read
   * AuditEvents ({@code patient/AuditEvent.rs}, {@code patient/*.rs}, v1 {@code .read}). This is
   * the only thing {@code patient/} scopes grant.
   */
  public boolean readsOwnDisclosures(String patientId) {
    return patient != null
        && patient.equals(patientId)
        && (scopes.allowsForPatient("AuditEvent", Permission.READ)
            || scopes.allowsForPatient("AuditEvent", Permission.SEARCH));
  }

  /**
   * Whether this is a signed-in user who has no role in any organisation: such a user may call
   * nothing (there is no organisation to act for).
   */
  public boolean isUserWithoutRole() {
    return user != null && (organizationId == null || organizationId.isBlank());
  }

  /**
   * Who owns what this caller starts (export files, view exports): the client, or the signed-in
   * user through the client, so users of one client never share them.
   */
  public String principal() {
    return user == null ? clientId : clientId + " " + user.subject();
  }

  public boolean isAdmin() {
    return access == Access.ADMIN;
  }

  public boolean isPartner() {
    return access == Access.PARTNER;
  }

  /** Whether this caller acts for {@code Organization/organizationId}. */
  public boolean actsFor(String organizationId) {
    return this.organizationId != null && this.organizationId.equals(organizationId);
  }
}
