package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.rest.param.HasParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.List;
import java.util.Map;

/**
 * Refuses, before any SQL runs, search parameters that join too far: {@code _has} (reverse chains)
 * nested deeper than {@code continuum.fhir.search.max-has-depth} levels, or forward chains ({@code
 * subject.organization.name}) longer than {@code max-chain-depth} reference hops. Each level is
 * another join over the whole index tables; a few of them nested make PostgreSQL plan joins that
 * run for hours.
 *
 * <p>HAPI calls this for every search a FHIR request makes it run: plain searches, the GET entries
 * of transactions and batches, and the match URLs of conditional creates, updates, deletes and
 * conditional references. The gateway's own internal searches do not pass through it.
 */
@Interceptor
final class SearchDepthLimit {

  private static final String HAS = "_has:";

  private final int maxHasDepth;
  private final int maxChainDepth;

  SearchDepthLimit(int maxHasDepth, int maxChainDepth) {
    this.maxHasDepth = maxHasDepth;
    this.maxChainDepth = maxChainDepth;
  }

  @Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
  public void refuseTooDeep(SearchParameterMap parameters) {
    for (Map.Entry<String, List<List<IQueryParameterType>>> parameter : parameters.entrySet()) {
      for (List<IQueryParameterType> alternatives : parameter.getValue()) {
        for (IQueryParameterType value : alternatives) {
          check(nameOf(parameter.getKey(), value));
        }
      }
    }
  }

  /** The parameter as a client writes it, e.g. {@code _has:Condition:subject:code}. */
  static String nameOf(String key, IQueryParameterType value) {
    if (value instanceof HasParam has) {
      return HAS
          + has.getTargetResourceType()
          + ":"
          + has.getReferenceFieldName()
          + ":"
          + has.getParameterName();
    }
    if (value instanceof ReferenceParam reference && reference.hasChain()) {
      return key
          + (reference.getResourceType() == null ? "" : ":" + reference.getResourceType())
          + "."
          + reference.getChain();
    }
    return key;
  }

  /** Refuses {@code name} if it nests {@code _has} or chains references deeper than allowed. */
  void check(String name) {
    int hasDepth = occurrences(name, HAS);
    if (hasDepth > maxHasDepth) {
      throw TooCostly.refusal(
          "Search parameter '"
              + name
              + "' nests _has "
              + hasDepth
              + " levels deep; this server allows at most "
              + maxHasDepth
              + " (continuum.fhir.search.max-has-depth). Search in steps instead.");
    }
    int chainDepth = occurrences(name, ".");
    if (chainDepth > maxChainDepth) {
      throw TooCostly.refusal(
          "Search parameter '"
              + name
              + "' chains "
              + chainDepth
              + " references; this server allows chains of at most "
              + maxChainDepth
              + " (continuum.fhir.search.max-chain-depth). Search in steps instead.");
    }
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }
}
