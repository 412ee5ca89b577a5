package org.continuumcare.gateway.consent;

import java.util.List;
import java.util.Set;

/**
 * What one request or one relay delivery disclosed (or withheld) of one patient's SUD records: the
 * unit of one AuditEvent.
 *
 * @param channel {@code read} (a REST interaction) or {@code relay}
 * @param interaction the REST interaction ({@code read}, {@code search-type}, ...) or {@code relay}
 * @param clientId the OAuth2 client (null for a relay)
 * @param organizationId the recipient Organization's id
 * @param purpose the purpose of use (v3 ActReason code)
 * @param patientId the patient the records are about (null when a record names none)
 * @param disclosed true for a disclosure, false for a denial
 * @param resources versioned references of the records
 * @param consents the consents that permitted the disclosure (empty for a denial)
 * @param reasons why records were withheld (empty for a disclosure)
 * @param requestId the request id (correlation with the access log), may be null
 */
public record Disclosure(
    String channel,
    String interaction,
    String clientId,
    String organizationId,
    String purpose,
    String patientId,
    boolean disclosed,
    List<String> resources,
    Set<String> consents,
    Set<String> reasons,
    String requestId) {

  public static final String READ = "read";
  public static final String RELAY = "relay";

  public Disclosure {
    resources = List.copyOf(resources);
    consents = Set.copyOf(consents);
    reasons = Set.copyOf(reasons);
  }
}
