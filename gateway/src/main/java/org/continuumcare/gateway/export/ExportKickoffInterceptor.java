package org.continuumcare.gateway.export;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.gateway.security.SmartScopes.Permission;
import org.hl7.fhir.r4.model.Parameters;

/**
 * Decides whether a caller may start an export, before HAPI creates the job.
 *
 * <ul>
 *   <li>Partners never export (they see only what is addressed to them, one record at a time).
 *   <li>Every exported type needs read and search in the caller's scopes: a type asked for in
 *       {@code _type} without them is refused (403); without {@code _type}, the export is narrowed
 *       to the types the caller may search.
 *   <li>A {@code _typeFilter} may not select by records the access gate cannot filter ({@code
 *       _has}, chained parameters, {@code _filter}, {@code _list}), as a search may not.
 *   <li>The files are marked with the caller's client id ({@link ExportFiles}).
 * </ul>
 *
 * Unknown types and output formats are left to HAPI's validation (400).
 */
@Interceptor
final class ExportKickoffInterceptor {

  private static final Set<String> UNFILTERABLE = Set.of("_filter", "_list");

  private final DaoRegistry daos;

  ExportKickoffInterceptor(DaoRegistry daos) {
    this.daos = daos;
  }

  @Hook(Pointcut.STORAGE_INITIATE_BULK_EXPORT)
  public void kickoff(RequestDetails request, BulkExportJobParameters parameters) {
    Caller caller =
        Caller.of(request)
            .orElseThrow(() -> new ForbiddenOperationException("No authenticated caller"));
    if (caller.isPartner()) {
      throw new ForbiddenOperationException(
          "Partner clients cannot use $export: a partner sees only the records"
              + " addressed to its organisation, by search and read");
    }
    boolean explicit = typesRequested(request);
    List<String> allowed = new ArrayList<>();
    for (String type : parameters.getResourceTypes()) {
      if (!daos.isResourceTypeSupported(type)) {
        throw new InvalidRequestException("Unknown resource type in _type: " + type);
      }
      if (caller.allows(type, Permission.READ) && caller.allows(type, Permission.SEARCH)) {
        allowed.add(type);
      } else if (explicit) {
        throw new ForbiddenOperationException(
            "The token's scopes do not allow exporting " + type + " (SMART scope letters 'rs')");
      }
    }
    if (allowed.isEmpty()) {
      throw new ForbiddenOperationException(
          "The token's scopes do not allow exporting any resource type");
    }
    parameters.setResourceTypes(allowed);
    if (!caller.isAdmin()) {
      parameters.getFilters().forEach(ExportKickoffInterceptor::requireFilterable);
      parameters.getPostFetchFilterUrls().forEach(ExportKickoffInterceptor::requireFilterable);
    }
    parameters.setBinarySecurityContextIdentifierSystem(ExportFiles.OWNER_SYSTEM);
    parameters.setBinarySecurityContextIdentifierValue(caller.principal());
  }

  private static boolean typesRequested(RequestDetails request) {
    if (request.getParameters().containsKey("_type")) {
      return true;
    }
    return request.getResource() instanceof Parameters body && body.getParameter("_type") != null;
  }

  /**
   * Refuses a filter that selects by other records, as {@code GateInterceptor} refuses such
   * searches.
   */
  static void requireFilterable(String filter) {
    int query = filter.indexOf('?');
    if (query < 0) {
      return; // HAPI refuses it as malformed
    }
    for (String part : filter.substring(query + 1).split("&")) {
      int equals = part.indexOf('=');
      String name = equals < 0 ? part : part.substring(0, equals);
      if (name.startsWith("_has") || name.contains(".") || UNFILTERABLE.contains(name)) {
        throw new ForbiddenOperationException(
            "_typeFilter with "
                + name
                + " is not available to this client:"
                + " it selects by records which may be withheld from it");
      }
    }
  }
}
