package org.continuumcare.gateway.measures;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.ArrayList;
import java.util.List;
import org.continuumcare.gateway.security.AccessGate;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.gateway.security.SmartScopes.Permission;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Reads resources for one evaluation as the {@link AccessGate} shows them to the caller: page by
 * page as the gateway, each resource (and each history version) passing the gate's decision for the
 * caller's request, exactly as a search of the caller would (the same pattern as the views' {@code
 * $run}). A type the caller's scopes do not let it search is refused (403), never skipped.
 */
final class GatedReader {

  private static final int PAGE = 200;

  private final DaoRegistry daos;
  private final AccessGate gate;
  private final RequestDetails request;
  private final Caller caller;

  GatedReader(DaoRegistry daos, AccessGate gate, RequestDetails request, Caller caller) {
    this.daos = daos;
    this.gate = gate;
    this.request = request;
    this.caller = caller;
  }

  /** The current versions of {@code type} matching {@code query} that the caller may see. */
  <T extends IBaseResource> List<T> search(Class<T> type, SearchParameterMap query) {
    String name = type.getSimpleName();
    requireSearch(name);
    return shown(type, daos.getResourceDao(type).search(query, new SystemRequestDetails()));
  }

  /**
   * Every version of every resource of {@code type} that the caller may see (type-level history).
   */
  <T extends IBaseResource> List<T> history(Class<T> type) {
    String name = type.getSimpleName();
    requireSearch(name);
    return shown(
        type, daos.getResourceDao(type).history(null, null, null, new SystemRequestDetails()));
  }

  private void requireSearch(String type) {
    if (!caller.allows(type, Permission.SEARCH)) {
      throw new ForbiddenOperationException(
          "The client's scopes do not allow searching "
              + type
              + " resources, which this measure reads");
    }
  }

  private <T extends IBaseResource> List<T> shown(Class<T> type, IBundleProvider found) {
    List<T> shown = new ArrayList<>();
    for (int from = 0; ; from += PAGE) {
      List<IBaseResource> page = found.getResources(from, from + PAGE);
      if (page.isEmpty()) {
        return shown;
      }
      for (IBaseResource visible : gate.shown(request, page)) {
        if (type.isInstance(visible)) {
          shown.add(type.cast(visible));
        }
      }
    }
  }
}
