package org.continuumcare.routes.prison;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.continuumcare.routes.prison.HandoffProblem;
import org.continuumcare.routes.prison.JsonIntake;
import org.continuumcare.routes.prison.PrisonHandoffRoute;
import org.continuumcare.routes.prison.PrisonJsonTranslator;
import org.continuumcare.routes.prison.PrisonProperties;
import org.continuumcare.routes.prison.ReleaseHandoffTransactionMapper;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Prison release handoffs over HTTP. {@code POST /api/handoffs/hl7v2} takes ER7 and answers the HL7
 * ACK of the prison route (status from MSA-1, see {@link AckStatus}; 503 when the commit itself
 * failed for a reason other than the handoff's content). {@code POST /api/handoffs} takes the JSON
 * handoff and answers 201 with a {@link HandoffReceipt}, or an RFC 9457 problem document (422
 * naming the field also when it cites a record that is not the handed-over person's, see {@link
 * CitedRecordCheck}).
 */
@RestController
@ConditionalOnProperty(prefix = "continuum.prison", name = "enabled", havingValue = "true")
class PrisonHandoffIntake {

  static final String ER7 = "x-application/hl7-v2+er7";
  static final String NOT_STORED = "https://continuumcare.org/problems/handoff-not-stored";
  private static final MediaType ER7_UTF8 =
      new MediaType("x-application", "hl7-v2+er7", StandardCharsets.UTF_8);
  private static final MediaType PROBLEM = MediaType.parseMediaType(HandoffProblem.MEDIA_TYPE);
  private static final Logger log = LoggerFactory.getLogger(HandoffController.class);

  private final ProducerTemplate camel;
  private final PrisonJsonTranslator jsonTranslator;
  private final String transactionEndpoint;
  private final CitedRecordCheck citations;

  HandoffController(
      ProducerTemplate camel,
      PrisonJsonTranslator jsonTranslator,
      PrisonProperties properties,
      CitedRecordCheck citations) {
    this.citations = Objects.requireNonNull(citations, "citations");
    this.camel = Objects.requireNonNull(camel, "camel");
    this.jsonTranslator = Objects.requireNonNull(jsonTranslator, "jsonTranslator");
    this.transactionEndpoint = properties.transactionEndpoint();
  }

  @PostMapping(
      path = "/api/handoffs/hl7v2",
      consumes = {ER7, MediaType.TEXT_PLAIN_VALUE})
  ResponseEntity<String> hl7v2(@RequestBody(required = false) String er7) {
    Exchange exchange =
        camel.request(
            PrisonHandoffRoute.DIRECT,
            request -> request.getMessage().setBody(er7 == null ? "" : er7));
    if (exchange.getException() != null) {
      // The route answers every message with an ACK; an exception here is a defect of ours.
      throw new IllegalStateException("the prison route failed", exchange.getException());
    }
    String ack = exchange.getMessage().getBody(String.class);
    int status = AckStatus.ackCode(ack).map(AckStatus::httpStatus).orElse(500);
    Exception commitFailure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    if (commitFailure != null && !isClientError(commitFailure)) {
      status = 503;
    }
    return ResponseEntity.status(status).contentType(ER7_UTF8).body(ack);
  }

  @PostMapping(path = "/api/handoffs", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> json(@RequestBody(required = false) byte[] body) {
    JsonIntake intake = jsonTranslator.translate(body);
    if (intake instanceof JsonIntake.Refused refused) {
      return problem(refused.problem());
    }
    JsonIntake.Translated translated = (JsonIntake.Translated) intake;
    List<HandoffProblem.FieldError> miscited = citations.check(translated.handoff());
    if (!miscited.isEmpty()) {
      log.info(
          "JSON handoff refused: cites records it may not ({})",
          miscited.stream().map(HandoffProblem.FieldError::pointer).toList());
      return problem(HandoffProblem.invalid(miscited));
    }
    Bundle response;
    try {
      response = camel.requestBody(transactionEndpoint, translated.transaction(), Bundle.class);
    } catch (CamelExecutionException failed) {
      Throwable cause = failed.getCause() == null ? failed : failed.getCause();
      if (cause instanceof BaseServerResponseException hapi && hapi.getStatusCode() < 500) {
        log.info("JSON handoff refused by storage: HTTP {}", hapi.getStatusCode());
        return problem(
            new HandoffProblem(
                NOT_STORED,
                "The handoff could not be stored",
                hapi.getStatusCode(),
                hapi.getMessage(),
                List.of()));
      }
      log.error("JSON handoff could not be stored", cause);
      return problem(
          new HandoffProblem(
              NOT_STORED,
              "The handoff could not be stored",
              503,
              "nothing was kept; send it again",
              List.of()));
    }
    String fhirBase =
        ServletUriComponentsBuilder.fromCurrentContextPath().path("/fhir").toUriString();
    HandoffReceipt receipt =
        HandoffReceipt.of(
            ReleaseHandoffTransactionMapper.handoffId(translated.handoff()),
            translated.transaction(),
            response,
            fhirBase);
    log.info("JSON handoff {} stored", receipt.handoffId());
    return ResponseEntity.created(URI.create(receipt.composition()))
        .contentType(MediaType.APPLICATION_JSON)
        .body(receipt);
  }

  private static ResponseEntity<Object> problem(HandoffProblem problem) {
    return ResponseEntity.status(problem.status()).contentType(PROBLEM).body(problem);
  }

  private static boolean isClientError(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BaseServerResponseException hapi) {
        return hapi.getStatusCode() < 500;
      }
    }
    return false;
  }
}
