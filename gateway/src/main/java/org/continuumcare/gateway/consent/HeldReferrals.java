package org.continuumcare.gateway.consent;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
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
 * when the held version is finally delivered, the Task gets back the business status that version
 * had. Written as the system; each change is a new Task version (which the relay sends after the
 * held one, in order).
 *
 * <p>A referral's ServiceRequest and Task are usually held at the same moment, on two relay
 * threads, and both mark the same Task: each Task is changed by one thread at a time, from the
 * version current then (so the second finds it marked already and leaves it). A change that still
 * loses to another writer (another instance, a partner's update) is read again and retried.
 */
final class HeldReferrals {

  static final String SYSTEM = "https://continuumcare.org/fhir/CodeSystem/referral-business-status";
  static final String HELD = "held-for-consent";

  /** Attempts of one change when other writers keep winning. */
  private static final int ATTEMPTS = 3;

  private static final int STRIPES = 64;

  private static final Logger log = LoggerFactory.getLogger(HeldReferrals.class);

  private final IFhirResourceDao<Task> tasks;
  private final Object[] stripes = new Object[STRIPES];

  HeldReferrals(DaoRegistry daos) {
    this.tasks = daos.getResourceDao(Task.class);
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  /** Marks the referral of a held delivery as held for consent (once). */
  void held(IBaseResource resource) {
    for (String taskId : taskIdsOf(resource)) {
      change(
          taskId,
          task -> !isHeld(task),
          task ->
              task.setBusinessStatus(
                  new CodeableConcept(new Coding(SYSTEM, HELD, "Held for consent"))),
          "held for consent");
    }
  }

  /** After a held Task version was permitted: restores the business status it carried. */
  void released(IBaseResource delivered) {
    if (!(delivered instanceof Task sent) || isHeld(sent)) {
      return;
    }
    for (String taskId : taskIdsOf(delivered)) {
      change(
          taskId,
          HeldReferrals::isHeld,
          current ->
              current.setBusinessStatus(
                  sent.hasBusinessStatus() ? sent.getBusinessStatus().copy() : null),
          "released");
    }
  }

  static boolean isHeld(Task task) {
    return task.getBusinessStatus().getCoding().stream()
        .anyMatch(c -> SYSTEM.equals(c.getSystem()) && HELD.equals(c.getCode()));
  }

  /**
   * Applies {@code edit} to the current version of the Task when it is still {@code needed}. The
   * update names the version it was read at, so HAPI refuses it (409) rather than overwrite a newer
   * one; then the Task is read again.
   */
  private void change(String taskId, Predicate<Task> needed, Consumer<Task> edit, String outcome) {
    synchronized (stripes[Math.floorMod(taskId.hashCode(), STRIPES)]) {
      for (int attempt = 1; ; attempt++) {
        Optional<Task> current = read(taskId);
        if (current.isEmpty() || !needed.test(current.get())) {
          return;
        }
        Task task = current.get();
        edit.accept(task);
        try {
          tasks.update(task, new SystemRequestDetails());
          log.info("Consent: Task/{} {}", taskId, outcome);
          return;
        } catch (ResourceVersionConflictException lost) {
          if (attempt >= ATTEMPTS) {
            throw lost;
          }
          log.debug("Consent: Task/{} changed meanwhile, reading it again", taskId);
        }
      }
    }
  }

  private Optional<Task> read(String taskId) {
    try {
      return Optional.of(tasks.read(new IdType("Task", taskId), new SystemRequestDetails()));
    } catch (ResourceNotFoundException | ResourceGoneException gone) {
      return Optional.empty();
    }
  }

  private List<String> taskIdsOf(IBaseResource resource) {
    List<String> found = new ArrayList<>();
    if (resource instanceof Task task) {
      found.add(task.getIdElement().getIdPart());
    } else if (resource instanceof ServiceRequest request) {
      SearchParameterMap params =
          SearchParameterMap.newSynchronous()
              .add(
                  Task.SP_FOCUS,
                  new ReferenceParam("ServiceRequest/" + request.getIdElement().getIdPart()));
      tasks
          .searchForResources(params, new SystemRequestDetails())
          .forEach(r -> found.add(r.getIdElement().getIdPart()));
    }
    return found;
  }
}
