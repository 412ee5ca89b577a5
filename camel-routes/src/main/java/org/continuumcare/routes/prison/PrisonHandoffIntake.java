package org.continuumcare.routes.prison;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.continuumcare.routes.handoff.HandoffIntake;
import org.continuumcare.routes.handoff.HandoffReply;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prison release handoffs as the gateway's {@code /api/handoffs} endpoints take them. An HL7 v2
 * message goes through the prison route and is answered with its ACK (status from MSA-1, see {@link
 * AckStatus}; 503 when the commit itself failed for a reason other than the handoff's content). A
 * JSON handoff is answered 201 with a {@link HandoffReceipt}, or an RFC 9457 problem document (422
 * naming the field also when it cites a record that is not the handed-over person's, see {@link
 * CitedRecordCheck}).
 */
final class PrisonHandoffIntake implements HandoffIntake {

  static final String ER7 = "x-application/hl7-v2+er7";
  static final String NOT_STORED = "https://continuumcare.org/problems/handoff-not-stored";
  private static final String ER7_UTF8 = ER7 + ";charset=UTF-8";
  private static final Logger log = LoggerFactory.getLogger(PrisonHandoffIntake.class);

  private final ProducerTemplate camel;
  private final PrisonJsonTranslator jsonTranslator;
  private final String transactionEndpoint;
  private final CitedRecordCheck citations;

  PrisonHandoffIntake(
      ProducerTemplate camel,
      PrisonJsonTranslator jsonTranslator,
      PrisonProperties properties,
      CitedRecordCheck citations) {
    this.citations = Objects.requireNonNull(citations, "citations");
    this.camel = Objects.requireNonNull(camel, "camel");
    this.jsonTranslator = Objects.requireNonNull(jsonTranslator, "jsonTranslator");
    this.transactionEndpoint = properties.transactionEndpoint();
  }

  @Override
  public HandoffReply hl7v2(String er7) {
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
    return HandoffReply.of(status, ER7_UTF8, ack);
  }

  @Override
  public HandoffReply json(byte[] body, String fhirBase) {
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
    HandoffReceipt receipt =
        HandoffReceipt.of(
            ReleaseHandoffTransactionMapper.handoffId(translated.handoff()),
            translated.transaction(),
            response,
            fhirBase);
    log.info("JSON handoff {} stored", receipt.handoffId());
    return new HandoffReply(201, "application/json", receipt, URI.create(receipt.composition()));
  }

  private static HandoffReply problem(HandoffProblem problem) {
    return HandoffReply.of(problem.status(), HandoffProblem.MEDIA_TYPE, problem);
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
