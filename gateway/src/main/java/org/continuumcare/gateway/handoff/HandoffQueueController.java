package org.continuumcare.gateway.handoff;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.continuumcare.routes.handoff.HandoffQueueAdmin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registered handoff queue ({@link HandoffQueueAdmin}, a partner package's bean), for
 * administrators: {@code GET /api/handoffs/queue} gives the count per state and the dead letters
 * with their reasons; {@code POST /api/handoffs/queue/{id}/replay} makes a dead letter due again.
 * Gauge {@code continuum_prison_handoff_queue{state}}. Without a queue both are 404.
 */
@RestController
class HandoffQueueController {

  static final String METRIC = "continuum.prison.handoff.queue";

  private final HandoffQueueAdmin queue;

  HandoffQueueController(ObjectProvider<HandoffQueueAdmin> admin, MeterRegistry registry) {
    this.queue = admin.getIfUnique();
    if (queue != null) {
      for (String state : queue.states()) {
        Gauge.builder(METRIC, queue, q -> q.count(state))
            .description(
                "HL7 v2 handoffs answered CA and not yet stored as FHIR (DEAD: could not be)")
            .tag("state", state.toLowerCase(Locale.ROOT))
            .register(registry);
      }
    }
  }

  @GetMapping(path = "/api/handoffs/queue", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> status(@RequestParam(name = "limit", defaultValue = "100") int limit) {
    return queue == null
        ? HandoffController.HandoffReplies.noIntake()
        : HandoffController.HandoffReplies.of(queue.status(limit));
  }

  @PostMapping(path = "/api/handoffs/queue/{id}/replay")
  ResponseEntity<Object> replay(@PathVariable("id") long id) {
    return queue == null
        ? HandoffController.HandoffReplies.noIntake()
        : HandoffController.HandoffReplies.of(queue.replay(id));
  }
}
