package org.continuumcare.routes.prison;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.continuumcare.routes.handoff.HandoffQueueAdmin;
import org.continuumcare.routes.handoff.HandoffReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HL7 v2 handoff queue (handoffs answered CA, waiting to be stored as FHIR), for
 * administrators: the count per state and the dead letters with their reasons (no clinical content:
 * queue id, MSH-10, sending facility, release date, attempts, reason); a replay makes a dead letter
 * due again (404 problem document when there is no such dead letter). The gateway serves it at
 * {@code GET /api/handoffs/queue} and {@code POST /api/handoffs/queue/{id}/replay}.
 */
final class PrisonHandoffQueueAdmin implements HandoffQueueAdmin {

  static final String NO_SUCH_DEAD_LETTER =
      "https://continuumcare.org/problems/no-such-dead-letter";
  private static final Logger log = LoggerFactory.getLogger(PrisonHandoffQueueAdmin.class);

  private final HandoffQueue queue;

  PrisonHandoffQueueAdmin(HandoffQueue queue) {
    this.queue = Objects.requireNonNull(queue, "queue");
  }

  @Override
  public List<String> states() {
    return List.of("PENDING", "IN_FLIGHT", "DEAD");
  }

  @Override
  public long count(String state) {
    return queue.count(state);
  }

  @Override
  public HandoffReply status(int limit) {
    int bounded = Math.max(1, Math.min(limit, 1000));
    List<DeadLetter> dead = queue.deadLetters(bounded).stream().map(DeadLetter::of).toList();
    return HandoffReply.of(200, "application/json", new QueueStatus(queue.counts(), dead));
  }

  @Override
  public HandoffReply replay(long id) {
    if (!queue.replay(id)) {
      return HandoffReply.of(
          404,
          HandoffProblem.MEDIA_TYPE,
          new HandoffProblem(
              NO_SUCH_DEAD_LETTER,
              "No such dead letter",
              404,
              "the handoff queue holds no dead letter with id " + id,
              List.of()));
    }
    log.info("queued handoff {} replayed", id);
    return new HandoffReply(202, "application/json", null, URI.create("/api/handoffs/queue"));
  }

  /** Rows per state and the dead letters. */
  record QueueStatus(Map<String, Long> counts, List<DeadLetter> deadLetters) {}

  /** A handoff that could not be stored, and why. */
  record DeadLetter(
      long id,
      String controlId,
      String sendingFacility,
      LocalDate releaseDate,
      int attempts,
      String reason,
      Instant receivedAt) {

    static DeadLetter of(QueuedHandoff row) {
      return new DeadLetter(
          row.id(),
          row.controlId(),
          row.sendingFacility(),
          row.releaseDate(),
          row.attempts(),
          row.lastError(),
          row.receivedAt());
    }
  }
}
