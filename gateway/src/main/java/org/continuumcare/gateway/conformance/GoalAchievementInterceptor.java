package org.continuumcare.gateway.conformance;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.continuumcare.profiles.goals.GoalAchievement;
import org.continuumcare.profiles.goals.ScoreTarget;
import org.continuumcare.profiles.scoring.RecoveryCapitalCodes;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Goal.GoalLifecycleStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

/**
 * Keeps {@code Goal.achievementStatus} of goals that target a recovery-capital score in step with
 * the patient's scores ({@link GoalAchievement}, {@link ScoreTarget}):
 *
 * <ul>
 *   <li>Before a Goal with a score target is stored, its achievementStatus is set from the
 *       patient's scores stored so far (what a caller sends there is replaced once a score counts).
 *   <li>When a score Observation is written (derived from an assessment, or updated in place),
 *       every open Goal of that patient that it measures is recomputed with it and updated in the
 *       same database transaction when its status changes.
 * </ul>
 */
@Interceptor
final class GoalAchievementInterceptor {

  /** Request user data marking the gateway's own Goal update (already computed). */
  static final String GOAL_DERIVED = GoalAchievementInterceptor.class.getName() + ".derived";

  private static final Set<GoalLifecycleStatus> CLOSED =
      EnumSet.of(
          GoalLifecycleStatus.COMPLETED,
          GoalLifecycleStatus.CANCELLED,
          GoalLifecycleStatus.ENTEREDINERROR,
          GoalLifecycleStatus.REJECTED);

  private final DaoRegistry daos;

  GoalAchievementInterceptor(DaoRegistry daos) {
    this.daos = daos;
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void goalCreated(IBaseResource resource, RequestDetails request) {
    goalWritten(resource, request);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void goalUpdated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    goalWritten(resource, request);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void scoreCreated(IBaseResource resource) {
    scoreWritten(resource);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void scoreUpdated(IBaseResource previous, IBaseResource resource) {
    scoreWritten(resource);
  }

  private void goalWritten(IBaseResource resource, RequestDetails request) {
    if (!(resource instanceof Goal goal)
        || (request != null && request.getUserData().get(GOAL_DERIVED) != null)) {
      return;
    }
    Optional<ScoreTarget> target = ScoreTarget.of(goal);
    String patient = patientOf(goal.getSubject());
    if (target.isEmpty() || patient == null) {
      return;
    }
    GoalAchievement.apply(goal, scores(patient, target.get().scoreCode()));
  }

  private void scoreWritten(IBaseResource resource) {
    if (!(resource instanceof Observation score)) {
      return;
    }
    Optional<String> scoreCode =
        score.getCode().getCoding().stream()
            .filter(c -> RecoveryCapitalCodes.SCORE_TYPE_SYSTEM.equals(c.getSystem()))
            .map(Coding::getCode)
            .findFirst();
    String patient = patientOf(score.getSubject());
    if (scoreCode.isEmpty() || patient == null) {
      return;
    }
    List<Goal> affected = new ArrayList<>();
    List<Observation> scores = null;
    for (Goal goal : openGoals(patient)) {
      Optional<ScoreTarget> target = ScoreTarget.of(goal);
      if (target.isEmpty() || !target.get().measures(score)) {
        continue;
      }
      if (scores == null) {
        scores = withCurrent(scores(patient, scoreCode.get()), score);
      }
      if (GoalAchievement.apply(goal, scores)) {
        affected.add(goal);
      }
    }
    SystemRequestDetails derived = new SystemRequestDetails();
    derived.getUserData().put(GOAL_DERIVED, Boolean.TRUE);
    IFhirResourceDao<Goal> goals = daos.getResourceDao(Goal.class);
    for (Goal goal : affected) {
      goals.update(goal, derived);
    }
  }

  /** The scores found, with the one being written in place of its stored version. */
  private static List<Observation> withCurrent(List<Observation> found, Observation current) {
    String id = current.getIdElement().toUnqualifiedVersionless().getValue();
    List<Observation> scores = new ArrayList<>();
    for (Observation o : found) {
      if (!o.getIdElement().toUnqualifiedVersionless().getValue().equals(id)) {
        scores.add(o);
      }
    }
    scores.add(current);
    return scores;
  }

  private List<Observation> scores(String patient, String scoreCode) {
    SearchParameterMap search =
        SearchParameterMap.newSynchronous()
            .add(Observation.SP_SUBJECT, new ReferenceParam(patient))
            .add(
                Observation.SP_CODE,
                new TokenParam(RecoveryCapitalCodes.SCORE_TYPE_SYSTEM, scoreCode));
    List<Observation> found = new ArrayList<>();
    for (IBaseResource r :
        daos.getResourceDao(Observation.class)
            .searchForResources(search, new SystemRequestDetails())) {
      found.add((Observation) r);
    }
    return found;
  }

  private List<Goal> openGoals(String patient) {
    SearchParameterMap search =
        SearchParameterMap.newSynchronous().add(Goal.SP_SUBJECT, new ReferenceParam(patient));
    List<Goal> found = new ArrayList<>();
    for (IBaseResource r :
        daos.getResourceDao(Goal.class).searchForResources(search, new SystemRequestDetails())) {
      Goal goal = (Goal) r;
      if (!CLOSED.contains(goal.getLifecycleStatus())) {
        found.add(goal);
      }
    }
    return found;
  }

  private static String patientOf(Reference subject) {
    if (subject == null || !subject.hasReference()) {
      return null;
    }
    var id = subject.getReferenceElement();
    return "Patient".equals(id.getResourceType()) && id.hasIdPart()
        ? "Patient/" + id.getIdPart()
        : null;
  }
}
