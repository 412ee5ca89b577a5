package org.continuumcare.gateway.partners;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.continuumcare.routes.referral.ReferralLookup;
import org.continuumcare.routes.referral.ReferralMappingException;
import org.continuumcare.routes.referral.ReferralParts;
import org.continuumcare.routes.referral.TaskTransitionGuard;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Referrals as stored: ReferralTasks, their focus Referral and Patient, read through HAPI's DAOs as
 * the system (the partner endpoints decide who may see what before they ask).
 */
final class ReferralRecords implements ReferralLookup {

  private final IFhirResourceDao<Task> tasks;
  private final IFhirResourceDao<ServiceRequest> referrals;
  private final IFhirResourceDao<Patient> patients;

  ReferralRecords(DaoRegistry daos) {
    this.tasks = daos.getResourceDao(Task.class);
    this.referrals = daos.getResourceDao(ServiceRequest.class);
    this.patients = daos.getResourceDao(Patient.class);
  }

  /** The current version of a Task, or empty when there is none (or it was deleted). */
  Optional<Task> task(String id) {
    if (id == null || !id.matches("[A-Za-z0-9\\-.]{1,64}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(tasks.read(new IdType("Task", id), new SystemRequestDetails()));
    } catch (ResourceNotFoundException | ResourceGoneException missing) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<ReferralParts> forTask(Task task) {
    String referralId = task.getFocus().getReferenceElement().getIdPart();
    String patientId = task.getFor().getReferenceElement().getIdPart();
    if (referralId == null || patientId == null) {
      return Optional.empty();
    }
    try {
      ServiceRequest referral =
          referrals.read(new IdType("ServiceRequest", referralId), new SystemRequestDetails());
      Patient patient = patients.read(new IdType("Patient", patientId), new SystemRequestDetails());
      return Optional.of(new ReferralParts(referral, task, patient));
    } catch (ResourceNotFoundException | ResourceGoneException | ReferralMappingException broken) {
      return Optional.empty();
    }
  }

  @Override
  public List<ReferralParts> forReferral(ServiceRequest referral, String partnerId) {
    SearchParameterMap search =
        SearchParameterMap.newSynchronous(
            Task.SP_FOCUS,
            new ReferenceParam("ServiceRequest/" + referral.getIdElement().getIdPart()));
    search.add(Task.SP_OWNER, new ReferenceParam("Organization/" + partnerId));
    List<ReferralParts> found = new ArrayList<>();
    tasks
        .searchForResources(search, new SystemRequestDetails())
        .forEach(resource -> forTask((Task) resource).ifPresent(found::add));
    return found;
  }

  /** Every ReferralTask addressed to the partner, with its Referral and Patient. */
  List<ReferralParts> referralsOf(String partnerId) {
    SearchParameterMap search =
        SearchParameterMap.newSynchronous(
            Task.SP_OWNER, new ReferenceParam("Organization/" + partnerId));
    List<ReferralParts> found = new ArrayList<>();
    tasks
        .searchForResources(search, new SystemRequestDetails())
        .forEach(
            resource -> {
              Task task = (Task) resource;
              if (TaskTransitionGuard.isReferralTask(task)) {
                forTask(task).ifPresent(found::add);
              }
            });
    return found;
  }
}
