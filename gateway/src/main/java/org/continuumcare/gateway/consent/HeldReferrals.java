package org.continuumcare.gateway.consent;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a held relay on the referral: the Task (the held Task itself, or the Tasks of a held
 * ServiceRequest) gets {@code businessStatus} {@code referral-business-status#held-for-consent};
 * when the held version is finally delivered, the Task gets back the business status that
 * version had. Written as the system; each change is a new Task version (which the relay sends
 * after the held one, in order).
 */
final class HeldReferrals {

  static final String SYSTEM = "https://continuumcare.org/fhir/CodeSystem/referral-business-status";
  static final String HELD = "held-for-consent";

  private static final Logger log = LoggerFactory.getLogger(HeldReferrals.class);

  private final IFhirResourceDao<Task> tasks;

  HeldReferrals(DaoRegistry daos) {
    this.tasks = daos.getResourceDao(Task.class);
  }

  /** Marks the referral of a held delivery as held for consent (once). */
  void held(IBaseResource resource) {
    for (Task task : tasksOf(resource)) {
      if (!isHeld(task)) {
        task.setBusinessStatus(new CodeableConcept(new Coding(SYSTEM, HELD, "Held for consent")));
        tasks.update(task, new SystemRequestDetails());
        log.info("Consent: Task/{} held for consent", task.getIdElement().getIdPart());
      }
    }
  }

  /** After a held Task version was permitted: restores the business status it carried. */
  void released(IBaseResource delivered) {
    if (!(delivered instanceof Task sent) || isHeld(sent)) {
      return;
    }
    for (Task current : tasksOf(delivered)) {
      if (isHeld(current)) {
        current.setBusinessStatus(sent.hasBusinessStatus() ? sent.getBusinessStatus().copy() : null);
        tasks.update(current, new SystemRequestDetails());
        log.info("Consent: Task/{} released", current.getIdElement().getIdPart());
      }
    }
  }

  static boolean isHeld(Task task) {
    return task.getBusinessStatus().getCoding().stream()
        .anyMatch(c -> SYSTEM.equals(c.getSystem()) && HELD.equals(c.getCode()));
  }

  private List<Task> tasksOf(IBaseResource resource) {
    List<Task> found = new ArrayList<>();
    if (resource instanceof Task task) {
      try {
        found.add(tasks.read(new IdType("Task", task.getIdElement().getIdPart()), new SystemRequestDetails()));
      } catch (ResourceNotFoundException | ResourceGoneException gone) {
        return found;
      }
    } else if (resource instanceof ServiceRequest request) {
      SearchParameterMap params = SearchParameterMap.newSynchronous()
          .add(Task.SP_FOCUS, new ReferenceParam("ServiceRequest/" + request.getIdElement().getIdPart()));
      tasks.searchForResources(params, new SystemRequestDetails()).forEach(r -> found.add((Task) r));
    }
    return found;
  }
}
