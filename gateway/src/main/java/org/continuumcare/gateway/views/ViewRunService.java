package org.continuumcare.gateway.views;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.continuumcare.gateway.fhir.StoreScan;
import org.continuumcare.gateway.security.AccessGate;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.gateway.security.SmartScopes.Permission;
import org.continuumcare.gateway.views.engine.InvalidViewException;
import org.continuumcare.gateway.views.engine.ViewRunner;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * Runs a view over the server's resources for one caller. Resources are read page by page as the
 * gateway and each one passes the {@link AccessGate} for the caller (the same decision, and the
 * same shown form, as a read) before the view sees it; rows are handed on as they are made.
 */
final class ViewRunService {

  /** Resources read from the database at a time. */
  static final int PAGE = 200;

  private final FhirContext fhir;
  private final DaoRegistry daos;
  private final StoreScan scan;
  private final AccessGate gate;
  private final StoredViews stored;

  ViewRunService(
      FhirContext fhir, DaoRegistry daos, StoreScan scan, AccessGate gate, StoredViews stored) {
    this.fhir = fhir;
    this.daos = daos;
    this.scan = scan;
    this.gate = gate;
    this.stored = stored;
  }

  /** Checks the view and the caller's right to run it; nothing is read yet. */
  ViewRunner prepare(ViewRunRequest run, Caller caller) {
    ViewRunner runner;
    try {
      runner =
          ViewRunner.of(
              fhir,
              run.viewResource() != null ? run.viewResource() : stored.read(run.viewReference()));
    } catch (InvalidViewException invalid) {
      OperationOutcome outcome = new OperationOutcome();
      outcome
          .addIssue()
          .setSeverity(OperationOutcome.IssueSeverity.ERROR)
          .setCode(OperationOutcome.IssueType.INVALID)
          .setDiagnostics(invalid.getMessage())
          .addExpression(invalid.element());
      throw new InvalidRequestException("Invalid ViewDefinition: " + invalid.getMessage(), outcome);
    }
    String type = runner.view().resource();
    if (!caller.allows(type, Permission.SEARCH)) {
      throw new ForbiddenOperationException(
          "The client's scopes do not allow reading " + type + " resources, which this view reads");
    }
    return runner;
  }

  /**
   * Runs {@code runner} for the caller bound to {@code request}; returns the rows written and the
   * resources the gate withheld.
   */
  ViewRunTally run(ViewRunner runner, ViewRunRequest run, RequestDetails request, RowWriter sink)
      throws IOException {
    String type = runner.view().resource();
    SearchParameterMap query = query(type, run, request);
    IFhirResourceDao<?> dao = daos.getResourceDao(type);
    sink.start(runner.view().columns());
    long rows = 0;
    long withheld = 0;
    long limit = run.limit() == null ? Long.MAX_VALUE : run.limit();
    if (query == null) {
      return ViewRunTally.NONE; // a patient filter no resource can meet
    }
    IBundleProvider found = scan.search(dao, query);
    for (int from = 0; rows < limit; from += PAGE) {
      List<IBaseResource> page = found.getResources(from, from + PAGE);
      if (page.isEmpty()) {
        break;
      }
      gate.loading(request, page);
      for (IBaseResource resource : page) {
        Optional<IBaseResource> seen = gate.shown(request, resource);
        if (seen.isEmpty()) {
          withheld++;
          continue;
        }
        IBaseResource shown = seen.get();
        for (Object[] row : runner.rows((Resource) shown)) {
          if (rows >= limit) {
            break;
          }
          sink.row(row);
          rows++;
        }
        if (rows >= limit) {
          break;
        }
      }
    }
    return new ViewRunTally(rows, withheld);
  }

  private SearchParameterMap query(String type, ViewRunRequest run, RequestDetails request) {
    SearchParameterMap query = new SearchParameterMap();
    if (run.since() != null) {
      query.setLastUpdated(
          new DateRangeParam(
              new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, Date.from(run.since())), null));
    }
    Set<String> patients = new LinkedHashSet<>();
    for (String patient : run.patients()) {
      patients.add(patientId(patient, "patient"));
    }
    for (String group : run.groups()) {
      patients.addAll(members(group, request));
    }
    if (run.patients().isEmpty() && run.groups().isEmpty()) {
      return query;
    }
    if (patients.isEmpty()) {
      return null;
    }
    if ("Patient".equals(type)) {
      TokenOrListParam ids = new TokenOrListParam();
      patients.forEach(id -> ids.addOr(new ca.uhn.fhir.rest.param.TokenParam(id)));
      query.add("_id", ids);
      return query;
    }
    String parameter =
        fhir.getResourceDefinition(type).getSearchParam("patient") != null
            ? "patient"
            : fhir.getResourceDefinition(type).getSearchParam("subject") != null ? "subject" : null;
    if (parameter == null) {
      throw new InvalidRequestException(
          type
              + " resources have no patient to filter on: patient and group"
              + " do not apply to this view");
    }
    ReferenceOrListParam references = new ReferenceOrListParam();
    patients.forEach(id -> references.addOr(new ReferenceParam("Patient/" + id)));
    query.add(parameter, references);
    return query;
  }

  private static String patientId(String reference, String parameter) {
    IdType id = new IdType(reference);
    if (!id.hasIdPart() || (id.hasResourceType() && !"Patient".equals(id.getResourceType()))) {
      throw new InvalidRequestException(
          parameter + " '" + reference + "' is not a Patient reference");
    }
    return id.getIdPart();
  }

  /** The Patients of a Group the caller may see; a Group it may not see is not known. */
  private List<String> members(String reference, RequestDetails request) {
    IdType id = new IdType(reference);
    if (!id.hasIdPart() || (id.hasResourceType() && !"Group".equals(id.getResourceType()))) {
      throw new InvalidRequestException("group '" + reference + "' is not a Group reference");
    }
    IdType groupId = new IdType("Group", id.getIdPart());
    Group group;
    try {
      group = daos.getResourceDao(Group.class).read(groupId, new SystemRequestDetails());
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      throw new ResourceNotFoundException("Group/" + id.getIdPart() + " is not known");
    }
    if (!gate.maySee(request, group)) {
      throw AccessGate.notKnown(groupId);
    }
    List<String> members = new ArrayList<>();
    for (Group.GroupMemberComponent member : group.getMember()) {
      org.hl7.fhir.instance.model.api.IIdType entity = member.getEntity().getReferenceElement();
      if ("Patient".equals(entity.getResourceType())
          && entity.hasIdPart()
          && !member.getInactive()) {
        members.add(entity.getIdPart());
      }
    }
    return members;
  }
}
