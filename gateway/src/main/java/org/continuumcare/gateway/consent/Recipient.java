package org.continuumcare.gateway.consent;

import java.util.Set;

/**
 * The organisation data would be disclosed to, with what makes it part of a class of recipients.
 *
 * @param organizationId the Organization's id
 * @param types its {@code Organization.type} codings as {@code system|code}
 * @param ancestors ids of the Organizations it is part of ({@code partOf}, transitively)
 */
public record Recipient(String organizationId, Set<String> types, Set<String> ancestors) {

  public Recipient {
    types = types == null ? Set.of() : Set.copyOf(types);
    ancestors = ancestors == null ? Set.of() : Set.copyOf(ancestors);
  }

  public static Recipient of(String organizationId) {
    return new Recipient(organizationId, Set.of(), Set.of());
  }
}
