package org.continuumcare.gateway.handoff;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.continuumcare.routes.handoff.HandoffTaskStore;
import org.continuumcare.routes.handoff.HandoffTaskView;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Handoff referral Tasks in HAPI JPA, read and written as the system: the open ones (identifier in
 * the release-handoff system, status requested or received) with the referral each is about ({@code
 * _include=Task:focus}) for its categories and release date (ServiceRequest.occurrence), and the
 * flag written as a versioned update (a Task changed since it was read is left alone).
 */
final class FhirHandoffTaskStore implements HandoffTaskStore {

  static final String NOT_ACKNOWLEDGED_DISPLAY = "Not acknowledged before release";

  private final IFhirResourceDao<Task> tasks;

  FhirHandoffTaskStore(DaoRegistry daos) {
    this.tasks = daos.getResourceDao(Task.class);
  }

  @Override
  public List<HandoffTaskView> openHandoffTasks() {
    SearchParameterMap open = SearchParameterMap.newSynchronous();
    open.add(Task.SP_IDENTIFIER, new TokenParam(IDENTIFIER_SYSTEM, null));
    open.add(
        Task.SP_STATUS,
        new TokenOrListParam()
            .add(new TokenParam(Task.TaskStatus.REQUESTED.toCode()))
            .add(new TokenParam(Task.TaskStatus.RECEIVED.toCode())));
    open.addInclude(Task.INCLUDE_FOCUS);
    List<IBaseResource> found = tasks.search(open, new SystemRequestDetails()).getAllResources();
    Map<String, ServiceRequest> referrals = new HashMap<>();
    List<Task> matched = new ArrayList<>();
    for (IBaseResource resource : found) {
      if (resource instanceof ServiceRequest referral) {
        referrals.put("ServiceRequest/" + referral.getIdElement().getIdPart(), referral);
      } else if (resource instanceof Task task) {
        matched.add(task);
      }
    }
    List<HandoffTaskView> views = new ArrayList<>();
    for (Task task : matched) {
      ServiceRequest referral =
          referrals.get(
              task.getFocus().getReferenceElement().toUnqualifiedVersionless().getValue());
      views.add(view(task, referral));
    }
    return views;
  }

  @Override
  public boolean flagNotAcknowledged(HandoffTaskView view, Instant at) {
    SystemRequestDetails request = new SystemRequestDetails();
    Task task;
    try {
      task = tasks.read(new IdType("Task", view.taskId()), request);
    } catch (ResourceNotFoundException gone) {
      return false;
    }
    if (task.getIdElement().getVersionIdPartAsLong() != view.version()) {
      return false;
    }
    task.setBusinessStatus(
        new CodeableConcept(
            new Coding(
                ContinuumTerminology.REFERRAL_BUSINESS_STATUS,
                NOT_ACKNOWLEDGED,
                NOT_ACKNOWLEDGED_DISPLAY)));
    task.setLastModified(Date.from(at));
    // The id keeps the version read: HAPI refuses the update (409) if the Task changed since.
    task.setId(new IdType("Task", view.taskId(), Long.toString(view.version())));
    try {
      tasks.update(task, new SystemRequestDetails());
      return true;
    } catch (ResourceVersionConflictException changed) {
      return false;
    }
  }

  private static HandoffTaskView view(Task task, ServiceRequest referral) {
    Set<String> categories = new LinkedHashSet<>();
    LocalDate releaseDate = null;
    if (referral != null) {
      referral
          .getCategory()
          .forEach(category -> category.getCoding().forEach(c -> categories.add(c.getCode())));
      if (referral.hasOccurrenceDateTimeType()) {
        String date = referral.getOccurrenceDateTimeType().getValueAsString();
        releaseDate = LocalDate.parse(date.substring(0, Math.min(10, date.length())));
      }
    }
    String businessStatus =
        task.getBusinessStatus().getCoding().stream()
            .filter(c -> ContinuumTerminology.REFERRAL_BUSINESS_STATUS.equals(c.getSystem()))
            .map(Coding::getCode)
            .findFirst()
            .orElse(null);
    return new HandoffTaskView(
        task.getIdElement().getIdPart(),
        task.getIdElement().getVersionIdPartAsLong(),
        task.getStatus().toCode(),
        businessStatus,
        categories,
        releaseDate);
  }
}
