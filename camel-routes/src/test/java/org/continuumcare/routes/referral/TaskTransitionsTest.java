package org.continuumcare.routes.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaskTransitionsTest {

  /**
   * The Gravity SDOH lifecycle written out independently of the production table: "actor from to".
   * Same-status updates are legal for any status except ready and received (outside SDOHCC's
   * Referral Task Status ValueSet); a Task stored as received before that moves on as requested.
   */
  private static final Set<String> LEGAL =
      Set.of(
          "REQUESTER draft requested",
          "REQUESTER draft cancelled",
          "REQUESTER draft entered-in-error",
          "REQUESTER requested cancelled",
          "REQUESTER requested entered-in-error",
          "RECIPIENT requested accepted",
          "RECIPIENT requested rejected",
          "RECIPIENT requested cancelled",
          "REQUESTER received cancelled",
          "REQUESTER received entered-in-error",
          "RECIPIENT received accepted",
          "RECIPIENT received rejected",
          "RECIPIENT received cancelled",
          "REQUESTER accepted cancelled",
          "REQUESTER accepted entered-in-error",
          "RECIPIENT accepted in-progress",
          "RECIPIENT accepted on-hold",
          "RECIPIENT accepted failed",
          "RECIPIENT accepted cancelled",
          "REQUESTER in-progress cancelled",
          "REQUESTER in-progress entered-in-error",
          "RECIPIENT in-progress on-hold",
          "RECIPIENT in-progress completed",
          "RECIPIENT in-progress failed",
          "RECIPIENT in-progress cancelled",
          "REQUESTER on-hold cancelled",
          "REQUESTER on-hold entered-in-error",
          "RECIPIENT on-hold in-progress",
          "RECIPIENT on-hold failed",
          "RECIPIENT on-hold cancelled",
          "REQUESTER completed entered-in-error",
          "REQUESTER failed entered-in-error",
          "REQUESTER rejected entered-in-error",
          "REQUESTER cancelled entered-in-error");

  private final TaskTransitions transitions = TaskTransitions.referralLifecycle();

  static Stream<Arguments> everyTransition() {
    TaskStatus[] statuses =
        Arrays.stream(TaskStatus.values())
            .filter(s -> s != TaskStatus.NULL)
            .toArray(TaskStatus[]::new);
    return Arrays.stream(ActorRole.values())
        .flatMap(
            actor ->
                Arrays.stream(statuses)
                    .flatMap(
                        from -> Arrays.stream(statuses).map(to -> Arguments.of(actor, from, to))));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @MethodSource("everyTransition")
  void everyTransitionIsLegalExactlyWhenTheLifecycleSaysSo(
      ActorRole actor, TaskStatus from, TaskStatus to) {
    boolean expected =
        LEGAL.contains(actor + " " + from.toCode() + " " + to.toCode())
            || (from == to && from != TaskStatus.READY && from != TaskStatus.RECEIVED);

    TransitionCheck check = transitions.check(actor, from, to);

    assertThat(check.allowed()).as(check.message()).isEqualTo(expected);
  }

  @Test
  void noActorMayMoveAReferralTaskToReceived() {
    for (ActorRole actor : ActorRole.values()) {
      for (TaskStatus from : TaskStatus.values()) {
        assertThat(transitions.check(actor, from, TaskStatus.RECEIVED).allowed())
            .as("%s %s -> received", actor, from)
            .isFalse();
      }
    }
  }

  @Test
  void theCheckCoversAllTwoHundredAndEightyEightCombinations() {
    assertThat(everyTransition().count()).isEqualTo(2 * 12 * 12);
  }

  @Test
  void anIllegalTransitionNamesTheTransitionsAllowedFromTheCurrentStatus() {
    TransitionCheck check =
        transitions.check(ActorRole.RECIPIENT, TaskStatus.ACCEPTED, TaskStatus.COMPLETED);

    assertThat(check.allowed()).isFalse();
    assertThat(check.allowedTo())
        .containsExactlyInAnyOrder(
            TaskStatus.INPROGRESS, TaskStatus.ONHOLD, TaskStatus.FAILED, TaskStatus.CANCELLED);
    assertThat(check.message())
        .isEqualTo(
            "Task status accepted -> completed is not allowed for the recipient;"
                + " allowed from accepted: cancelled, failed, in-progress, on-hold");
  }

  @Test
  void aFinalStatusSaysNothingIsAllowedForTheRecipient() {
    TransitionCheck check =
        transitions.check(ActorRole.RECIPIENT, TaskStatus.COMPLETED, TaskStatus.INPROGRESS);

    assertThat(check.message())
        .endsWith("allowed from completed: none (completed is final for the recipient)");
  }

  @Test
  void theRecipientCannotSetARequesterStatus() {
    assertThat(
            transitions
                .check(ActorRole.RECIPIENT, TaskStatus.DRAFT, TaskStatus.REQUESTED)
                .allowed())
        .isFalse();
    assertThat(
            transitions
                .check(ActorRole.RECIPIENT, TaskStatus.ACCEPTED, TaskStatus.ENTEREDINERROR)
                .allowed())
        .isFalse();
  }

  @Test
  void orThrowRaisesUnprocessableEntityWithTheAllowedTransitionsInTheOperationOutcome() {
    TransitionCheck check =
        transitions.check(ActorRole.REQUESTER, TaskStatus.REQUESTED, TaskStatus.COMPLETED);

    assertThatThrownBy(check::orThrow)
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e -> {
              OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
              assertThat(outcome.getIssueFirstRep().getDiagnostics())
                  .isEqualTo(
                      "Task status requested -> completed is not allowed for the requester;"
                          + " allowed from requested: cancelled, entered-in-error");
              assertThat(e.getStatusCode()).isEqualTo(422);
            });
  }

  @Test
  void orThrowReturnsALegalCheck() {
    TransitionCheck check =
        transitions.check(ActorRole.RECIPIENT, TaskStatus.REQUESTED, TaskStatus.ACCEPTED);

    assertThat(check.orThrow()).isSameAs(check);
    assertThat(check.unchanged()).isFalse();
  }
}
