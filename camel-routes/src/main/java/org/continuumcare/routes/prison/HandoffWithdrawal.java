package org.continuumcare.routes.prison;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.continuumcare.routes.prison.ReleaseHandoff.PersonIdentifier;
import org.continuumcare.routes.prison.ReleaseHandoff.SourceMessage;

/**
 * A release that was called off (ADT^A11/A12/A13/A25): the handoff of {@code handoffKey} is
 * withdrawn.
 *
 * @param handoffKey the key of the handoff it withdraws, built as {@link PrisonHl7v2HandoffMapper}
 *     builds it for the handoff (first PID-3 identifier + PV1-19 visit number, else the release
 *     date)
 * @param triggerEvent MSH-9.2 (A11, A12, A13 or A25)
 * @param identifiers the person's identifiers (PID-3)
 * @param source the cancel message, kept as a Binary
 */
public record HandoffWithdrawal(
    String handoffKey,
    String triggerEvent,
    List<PersonIdentifier> identifiers,
    SourceMessage source) {

  private static final Map<String, String> REASONS =
      Map.of(
          "A11", "Release withdrawn: admission cancelled (ADT^A11)",
          "A12", "Release withdrawn: transfer cancelled (ADT^A12)",
          "A13", "Release withdrawn: discharge cancelled (ADT^A13)",
          "A25", "Release withdrawn: pending discharge cancelled (ADT^A25)");

  public HandoffWithdrawal {
    Objects.requireNonNull(handoffKey, "handoffKey");
    Objects.requireNonNull(triggerEvent, "triggerEvent");
    identifiers = List.copyOf(identifiers);
    Objects.requireNonNull(source, "source");
  }

  /** The handoff's id ({@link ReleaseHandoffTransactionMapper#handoffId(String)}). */
  public String handoffId() {
    return ReleaseHandoffTransactionMapper.handoffId(handoffKey);
  }

  /** Why, for Task.statusReason and the Provenance: the event that called the release off. */
  public String reason() {
    return REASONS.getOrDefault(triggerEvent, "Release withdrawn (ADT^" + triggerEvent + ")");
  }
}
