package org.continuumcare.gateway.measures;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.IResourcePersistentId;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.continuumcare.gateway.fhir.StoreScan;
import org.continuumcare.gateway.security.AccessGate;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.gateway.security.SmartScopes.Permission;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Reads resources for one evaluation as the {@link AccessGate} shows them to the caller: page by
 * page as the gateway, each resource passing the gate's decision for the caller's request, exactly
 * as a search of the caller would (the same pattern as the views' {@code $run}), and accounted as a
 * search accounts it. The earlier versions of records found that way are read in bulk and judged
 * one by one as well ({@link #versions}). A type the caller's scopes do not let it search is
 * refused (403), never skipped.
 */
final class GatedReader {

  private static final int PAGE = 200;
  private static final int VERSION_PAGE = 1000;
  private static final int IDS = 500;

  private final DaoRegistry daos;
  private final StoreScan scan;
  private final VersionHistory history;
  private final AccessGate gate;
  private final RequestDetails request;
  private final Caller caller;

  /** The records ({@code Type/id}) this reader's searches showed the caller. */
  private final Set<String> shownRecords = new HashSet<>();

  GatedReader(
      DaoRegistry daos,
      StoreScan scan,
      VersionHistory history,
      AccessGate gate,
      RequestDetails request,
      Caller caller) {
    this.daos = daos;
    this.scan = scan;
    this.history = history;
    this.gate = gate;
    this.request = request;
    this.caller = caller;
  }

  /** The current versions of {@code type} matching {@code query} that the caller may see. */
  <T extends IBaseResource> List<T> search(Class<T> type, SearchParameterMap query) {
    String name = type.getSimpleName();
    requireSearch(name);
    List<T> shown = shown(type, scan.search(daos.getResourceDao(type), query));
    shown.forEach(record -> shownRecords.add(key(record)));
    return shown;
  }

  /**
   * Every version of {@code records} (current versions this reader's {@link #search} showed the
   * caller) that the caller may see: read in bulk (one query per {@value #IDS} records and {@value
   * #VERSION_PAGE} versions), each version judged by the gate for the caller's request as a history
   * read judges it, a withheld version left out. Ordered by record, newest version first. A record
   * is disclosed into the evaluation once, and accounted once, by the search that found it; its
   * versions are judged but not accounted again.
   *
   * @throws IllegalArgumentException for a record no search of this reader showed
   */
  <T extends IBaseResource> List<T> versions(Class<T> type, Collection<T> records) {
    String name = type.getSimpleName();
    requireSearch(name);
    List<String> ids = new ArrayList<>();
    for (T record : records) {
      if (!shownRecords.contains(key(record))) {
        throw new IllegalArgumentException(
            key(record) + " was not found by a search of this evaluation");
      }
      ids.add(record.getIdElement().getIdPart());
    }
    List<String> distinct = ids.stream().distinct().toList();
    List<T> visible = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += IDS) {
      TokenOrListParam chunk = new TokenOrListParam();
      distinct
          .subList(from, Math.min(distinct.size(), from + IDS))
          .forEach(id -> chunk.addOr(new TokenParam(id)));
      SearchParameterMap byId = SearchParameterMap.newSynchronous();
      byId.add("_id", chunk);
      byId.setLoadSynchronousUpTo(IDS); // one per id, whatever HAPI's synchronous limit
      List<IResourcePersistentId<?>> pids =
          daos.getResourceDao(type).searchForIds(byId, new SystemRequestDetails());
      if (pids.isEmpty()) {
        continue;
      }
      for (int at = 0; ; at += VERSION_PAGE) {
        List<IBaseResource> page = history.page(name, pids, at, at + VERSION_PAGE);
        if (page.isEmpty()) {
          break;
        }
        gate.loading(request, page);
        for (IBaseResource version : page) {
          if (type.isInstance(version) && gate.maySee(request, version)) {
            visible.add(type.cast(version));
          }
        }
      }
    }
    return visible;
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

  private static String key(IBaseResource record) {
    return record.fhirType() + "/" + record.getIdElement().getIdPart();
  }
}
