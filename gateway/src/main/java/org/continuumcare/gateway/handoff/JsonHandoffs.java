package org.continuumcare.gateway.handoff;

import java.util.Objects;
import org.apache.camel.ProducerTemplate;
import org.continuumcare.routes.prison.JsonIntake;
import org.continuumcare.routes.prison.PrisonJsonTranslator;
import org.continuumcare.routes.prison.ReleaseHandoffTransactionMapper;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Stores a JSON release handoff as the gateway itself (no caller): the same translation and FHIR
 * transaction as {@code POST /api/handoffs}, for handoffs the gateway writes on its own (the
 * zero-setup run's demo data). A refused handoff is an {@link IllegalArgumentException} naming the
 * fields at fault.
 */
public final class JsonHandoffs {

  private final ProducerTemplate camel;
  private final PrisonJsonTranslator translator;
  private final String transactionEndpoint;

  JsonHandoffs(
      ProducerTemplate camel, PrisonJsonTranslator translator, String transactionEndpoint) {
    this.camel = Objects.requireNonNull(camel, "camel");
    this.translator = Objects.requireNonNull(translator, "translator");
    this.transactionEndpoint = Objects.requireNonNull(transactionEndpoint, "transactionEndpoint");
  }

  /** Stores the handoff; returns its handoff id. */
  public String store(byte[] json) {
    JsonIntake intake = translator.translate(json);
    if (intake instanceof JsonIntake.Refused refused) {
      throw new IllegalArgumentException(
          "The handoff was refused: "
              + refused.problem().detail()
              + " "
              + refused.problem().errors());
    }
    JsonIntake.Translated translated = (JsonIntake.Translated) intake;
    camel.requestBody(transactionEndpoint, translated.transaction(), Bundle.class);
    return ReleaseHandoffTransactionMapper.handoffId(translated.handoff());
  }
}
