package org.continuumcare.routes.prison;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.continuumcare.routes.prison.HandoffProblem;
import org.continuumcare.routes.prison.HandoffQueue;
import org.continuumcare.routes.prison.QueuedHandoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HL7 v2 handoff queue (handoffs answered CA, waiting to be stored as FHIR), for
 * administrators: {@code GET /api/handoffs/queue} gives the count per state and the dead letters
 * with their reasons (no clinical content: queue id, MSH-10, sending facility, release date,
 * attempts, reason); {@code POST /api/handoffs/queue/{id}/replay} makes a dead letter due again
 * (404 problem document when there is no such dead letter). Gauge {@code
 * continuum_prison_handoff_queue{state}}.
 */
@RestController
@ConditionalOnProperty(prefix = "continuum.prison", name = "enabled", havingValue = "true")
class PrisonHandoffQueueAdmin {

  static final String METRIC = "continuum.prison.handoff.queue";
  static final String NO_SUCH_DEAD_LETTER =
      "https://continuumcare.org/problems/no-such-dead-letter";
  private static final MediaType PROBLEM = MediaType.parseMediaType(HandoffProblem.MEDIA_TYPE);
  private static final Logger log = LoggerFactory.getLogger(HandoffQueueController.class);

  private final HandoffQueue queue;

  HandoffQueueController(HandoffQueue queue, MeterRegistry registry) {
    this.queue = Objects.requireNonNull(queue, "queue");
    for (String state : List.of("PENDING", "IN_FLIGHT", "DEAD")) {
      Gauge.builder(METRIC, queue, q -> q.count(state))
          .description(
              "HL7 v2 handoffs answered CA and not yet stored as FHIR (DEAD: could not be)")
          .tag("state", state.toLowerCase(java.util.Locale.ROOT))
          .register(registry);
    }
  }

  @GetMapping(path = "/api/handoffs/queue", produces = MediaType.APPLICATION_JSON_VALUE)
  QueueStatus status(@RequestParam(name = "limit", defaultValue = "100") int limit) {
    int bounded = Math.max(1, Math.min(limit, 1000));
    List<DeadLetter> dead = queue.deadLetters(bounded).stream().map(DeadLetter::of).toList();
    return new QueueStatus(queue.counts(), dead);
  }

  @PostMapping(path = "/api/handoffs/queue/{id}/replay")
  ResponseEntity<Object> replay(@PathVariable("id") long id) {
    if (!queue.replay(id)) {
      return ResponseEntity.status(404)
          .contentType(PROBLEM)
          .body(
              new HandoffProblem(
                  NO_SUCH_DEAD_LETTER,
                  "No such dead letter",
                  404,
                  "the handoff queue holds no dead letter with id " + id,
                  List.of()));
    }
    log.info("queued handoff {} replayed", id);
    return ResponseEntity.accepted().location(URI.create("/api/handoffs/queue")).build();
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
