package org.continuumcare.gateway.security;

import java.util.Set;

/**
 * A condition an {@link AccessRule} adds to a caller's search so that the database returns only
 * records the rule may let through: the token search parameter {@code parameter} must match one of
 * {@code codes}. A narrowing only ever leaves out records the rule would withhold; the rule still
 * judges every record the narrowed search reads.
 */
public record SearchNarrowing(String parameter, Set<String> codes) {

  public SearchNarrowing {
    codes = Set.copyOf(codes);
  }
}
