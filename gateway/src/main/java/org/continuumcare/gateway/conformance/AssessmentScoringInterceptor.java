package org.continuumcare.gateway.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.continuumcare.profiles.scoring.AssessmentScoring;
import org.continuumcare.profiles.scoring.ItemProblem;
import org.continuumcare.profiles.scoring.RecoveryCapitalCodes;
import org.continuumcare.profiles.scoring.Score;
import org.continuumcare.profiles.scoring.ScoreObservationMapper;
import org.continuumcare.profiles.scoring.ScoringResult;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

/**
 * Derives RecoveryCapitalScore Observations from a stored RecoveryCapitalAssessment, in the same
 * database transaction as the assessment, with a Provenance saying they were derived from it.
 *
 * <ul>
 *   <li>Before storage: an assessment the scorer rejects (unknown item, duplicate answer, wrong
 *       type, value out of range) is refused with 422 naming each item; nothing is stored.
 *   <li>Before commit: scores are written; on an update, the existing scores of the response are
 *       updated in place and a score that no longer applies (a total of a response that became
 *       incomplete) is marked {@code cancelled}, so each response has one current set of scores.
 *   <li>An incomplete response gets no total; the reason is returned as a warning to callers who
 *       ask for {@code Prefer: return=OperationOutcome} (see {@link ScoringWarnings}).
 * </ul>
 */
@Interceptor
final class AssessmentScoringInterceptor {

  private static final String DATA_OPERATION =
      "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
  private static final String PARTICIPANT_TYPE =
      "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

  /**
   * MIRC-28 is draft and experimental (Questionnaire.status, .experimental): every response to it
   * is told so.
   */
  static final String MIRC_28 = RecoveryCapitalCodes.MIRC_28_QUESTIONNAIRE;

  static final String MIRC_DRAFT =
      "Questionnaire "
          + MIRC_28
          + " is draft and experimental: its item wording and"
          + " scoring key are not verified against the published MIRC-28; do not base care decisions on these answers";

  private static String withoutVersion(String canonical) {
    int bar = canonical.indexOf('|');
    return bar < 0 ? canonical : canonical.substring(0, bar);
  }

  private final AssessmentScoring scoring;
  private final ScoreObservationMapper mapper;
  private final DaoRegistry daos;
  private final Clock clock;

  AssessmentScoringInterceptor(AssessmentScoring scoring, DaoRegistry daos, Clock clock) {
    this.scoring = scoring;
    this.mapper = new ScoreObservationMapper(clock);
    this.daos = daos;
    this.clock = clock;
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void checkCreate(IBaseResource resource) {
    scoringOf(resource).ifPresent(AssessmentScoringInterceptor::refuseIfRejected);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void checkUpdate(IBaseResource previous, IBaseResource resource) {
    scoringOf(resource).ifPresent(AssessmentScoringInterceptor::refuseIfRejected);
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
  public void scoreCreated(IBaseResource resource, RequestDetails request) {
    scoringOf(resource)
        .ifPresent(result -> derive((QuestionnaireResponse) resource, result, request, "CREATE"));
  }

  @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
  public void scoreUpdated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    scoringOf(resource)
        .ifPresent(result -> derive((QuestionnaireResponse) resource, result, request, "UPDATE"));
  }

  private Optional<ScoringResult> scoringOf(IBaseResource resource) {
    if (resource instanceof QuestionnaireResponse response
        && response.hasQuestionnaire()
        && scoring.scores(response.getQuestionnaire())) {
      return scoring.score(response);
    }
    return Optional.empty();
  }

  private static void refuseIfRejected(ScoringResult result) {
    if (result instanceof ScoringResult.Rejected rejected) {
      OperationOutcome outcome = new OperationOutcome();
      for (ItemProblem problem : rejected.problems()) {
        outcome
            .addIssue()
            .setSeverity(OperationOutcome.IssueSeverity.ERROR)
            .setCode(OperationOutcome.IssueType.INVALID)
            .setDiagnostics("Item " + problem.itemCode() + ": " + problem.message())
            .addExpression(
                "QuestionnaireResponse.item.where(linkId = '" + problem.itemCode() + "')");
      }
      throw new UnprocessableEntityException(FhirContext.forR4Cached(), outcome);
    }
  }

  private void derive(
      QuestionnaireResponse response,
      ScoringResult result,
      RequestDetails request,
      String operation) {
    if (MIRC_28.equals(withoutVersion(response.getQuestionnaire()))) {
      ScoringWarnings.add(request, MIRC_DRAFT);
    }
    List<Score> scores;
    if (result instanceof ScoringResult.Scored scored) {
      scores = scored.scores();
    } else if (result instanceof ScoringResult.Incomplete incomplete) {
      ScoringWarnings.add(request, incomplete.reason());
      scores = incomplete.partialScores();
    } else if (result instanceof ScoringResult.NotScored notScored) {
      ScoringWarnings.add(request, notScored.reason());
      scores = List.of();
    } else {
      throw new IllegalStateException("rejected assessments are refused before storage");
    }
    String responseReference = "QuestionnaireResponse/" + response.getIdElement().getIdPart();
    SystemRequestDetails system = new SystemRequestDetails();
    system.getUserData().put(ProfileValidationInterceptor.SERVER_DERIVED, Boolean.TRUE);
    IFhirResourceDao<Observation> observations = daos.getResourceDao(Observation.class);
    Map<String, Observation> current = currentScores(observations, responseReference, system);

    // One TransactionDetails for the scores and their Provenance: HAPI remembers there the ids it
    // has just created, so the Provenance can name them even inside a client's transaction, where
    // nothing is flushed to the database before commit.
    TransactionDetails derivation = new TransactionDetails();
    List<Reference> written = new ArrayList<>();
    for (Observation derived :
        mapper.toObservations(result.instrument(), response, responseReference, scores)) {
      Observation previous = current.remove(keyOf(derived));
      if (previous != null) {
        derived.setIdElement(previous.getIdElement().toUnqualifiedVersionless());
      }
      var outcome =
          previous == null
              ? observations.create(derived, null, true, system, derivation)
              : observations.update(derived, null, true, false, system, derivation);
      written.add(new Reference(outcome.getId().toUnqualified().getValue()));
    }
    for (Observation stale : current.values()) {
      if (stale.getStatus() != Observation.ObservationStatus.CANCELLED) {
        stale.setStatus(Observation.ObservationStatus.CANCELLED);
        stale
            .addNote()
            .setText(
                "Withdrawn: the assessment it was derived from no longer supports this score.");
        written.add(
            new Reference(
                observations
                    .update(stale, null, true, false, system, derivation)
                    .getId()
                    .toUnqualified()
                    .getValue()));
      }
    }
    if (!written.isEmpty()) {
      daos.getResourceDao(Provenance.class)
          .create(provenance(response, written, operation), null, true, system, derivation);
    }
  }

  private static Map<String, Observation> currentScores(
      IFhirResourceDao<Observation> observations,
      String responseReference,
      SystemRequestDetails system) {
    SearchParameterMap byResponse =
        SearchParameterMap.newSynchronous()
            .add("derived-from", new ReferenceParam(responseReference));
    Map<String, Observation> current = new HashMap<>();
    for (IBaseResource found : observations.search(byResponse, system).getAllResources()) {
      Observation observation = (Observation) found;
      current.put(keyOf(observation), observation);
    }
    return current;
  }

  /** A score is identified by its type and, for per-domain scores, its domain or dimension. */
  private static String keyOf(Observation observation) {
    StringBuilder key = new StringBuilder(observation.getCode().getCodingFirstRep().getCode());
    for (CodeableConcept category : observation.getCategory()) {
      for (Coding coding : category.getCoding()) {
        if (coding.getSystem() != null && coding.getSystem().startsWith(ContinuumCanonicals.BASE)) {
          key.append('|').append(coding.getSystem()).append('#').append(coding.getCode());
        }
      }
    }
    return key.toString();
  }

  private Provenance provenance(
      QuestionnaireResponse response, List<Reference> targets, String operation) {
    Provenance provenance = new Provenance();
    provenance.setTarget(targets);
    provenance.setRecorded(Date.from(clock.instant()));
    provenance.setActivity(new CodeableConcept(new Coding(DATA_OPERATION, operation, null)));
    provenance
        .addReason()
        .setText("Recovery-capital scores derived by the Continuum gateway from an assessment");
    provenance
        .addAgent()
        .setType(new CodeableConcept(new Coding(PARTICIPANT_TYPE, "assembler", "Assembler")))
        .setWho(new Reference().setDisplay("Continuum gateway scoring"));
    provenance
        .addEntity()
        .setRole(Provenance.ProvenanceEntityRole.DERIVATION)
        .setWhat(new Reference(response.getIdElement().toUnqualified().getValue()));
    provenance.getText().setStatus(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED);
    provenance
        .getText()
        .setDivAsString(
            "<div xmlns=\"http://www.w3.org/1999/xhtml\">Scores derived from "
                + response.getIdElement().toUnqualified().getValue()
                + "</div>");
    return provenance;
  }
}
