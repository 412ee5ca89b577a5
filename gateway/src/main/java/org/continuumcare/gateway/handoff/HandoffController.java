package org.continuumcare.gateway.handoff;

import org.continuumcare.routes.handoff.HandoffIntake;
import org.continuumcare.routes.handoff.HandoffReply;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Release handoffs over HTTP, for the registered {@link HandoffIntake} (a partner package's bean):
 * {@code POST /api/handoffs/hl7v2} takes ER7, {@code POST /api/handoffs} takes JSON; the intake
 * decides the answer (an ACK, a receipt, a problem document). Without an intake both are 404.
 */
@RestController
class HandoffController {

  static final String ER7 = "x-application/hl7-v2+er7";

  private final ObjectProvider<HandoffIntake> intake;

  HandoffController(ObjectProvider<HandoffIntake> intake) {
    this.intake = intake;
  }

  @PostMapping(
      path = "/api/handoffs/hl7v2",
      consumes = {ER7, MediaType.TEXT_PLAIN_VALUE})
  ResponseEntity<Object> hl7v2(@RequestBody(required = false) String er7) {
    HandoffIntake handoffs = intake.getIfUnique();
    return handoffs == null ? HandoffReplies.noIntake() : HandoffReplies.of(handoffs.hl7v2(er7));
  }

  @PostMapping(path = "/api/handoffs", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> json(@RequestBody(required = false) byte[] body) {
    HandoffIntake handoffs = intake.getIfUnique();
    if (handoffs == null) {
      return HandoffReplies.noIntake();
    }
    String fhirBase =
        ServletUriComponentsBuilder.fromCurrentContextPath().path("/fhir").toUriString();
    return HandoffReplies.of(handoffs.json(body, fhirBase));
  }

  /** {@link HandoffReply} as Spring's response. */
  static final class HandoffReplies {

    private HandoffReplies() {}

    static ResponseEntity<Object> of(HandoffReply reply) {
      ResponseEntity.BodyBuilder response =
          ResponseEntity.status(reply.status())
              .contentType(MediaType.parseMediaType(reply.contentType()));
      if (reply.location() != null) {
        response.location(reply.location());
      }
      return reply.body() == null ? response.build() : response.body(reply.body());
    }

    static ResponseEntity<Object> noIntake() {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.NOT_FOUND, "this gateway takes no release handoffs"));
    }
  }
}
