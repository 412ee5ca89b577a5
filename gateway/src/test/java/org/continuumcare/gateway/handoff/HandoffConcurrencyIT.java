package org.continuumcare.gateway.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.routes.prison.Hl7v2Intake;
import org.continuumcare.routes.prison.PrisonFhir;
import org.continuumcare.routes.prison.PrisonHl7v2Translator;
import org.continuumcare.routes.prison.PrisonProperties;
import org.continuumcare.routes.prison.ReleaseHandoff;
import org.continuumcare.routes.prison.ReleaseHandoffTransactionMapper;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HandoffConcurrencyIT extends GatewayIntegrationTest {

  private static final int CLIENTS = 8;

  @Autowired PrisonProperties properties;
  @Autowired PrisonHl7v2Translator translator;

  @BeforeEach
  void partnersExist() {
    HandoffFixtures.ensureOrganizations(fhir(), properties.handoffDefaults());
  }

  @Test
  void eightClientsSendingTheSameMessageAtOnceAreAllAcceptedWithOnePatientAndOneHandoff()
      throws Exception {
    String message = HandoffHl7v2IT.withUniquePersonId(HandoffFixtures.sample("ADT-A04-01.hl7"));
    ReleaseHandoff handoff = ((Hl7v2Intake.Translated) translator.translate(message)).handoff();
    List<HttpResponse<String>> answers =
        HandoffFixtures.atOnce(
            CLIENTS,
            () ->
                http(
                    request("/api/handoffs/hl7v2")
                        .header("Content-Type", "x-application/hl7-v2+er7")
                        .POST(HttpRequest.BodyPublishers.ofString(message))));

    List<String> acks = new ArrayList<>();
    for (HttpResponse<String> answered : answers) {
      // The losers of the race run the transaction again and find the handoff stored: AA too.
      assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
      acks.add(HandoffHl7v2IT.msa(answered.body())[1]);
    }
    assertThat(acks).hasSize(CLIENTS).containsOnly("AA");

    ReleaseHandoff.PersonIdentifier id = handoff.identifiers().get(0);
    Bundle patients =
        fhir()
            .search()
            .forResource(Patient.class)
            .where(Patient.IDENTIFIER.exactly().systemAndIdentifier(id.system(), id.value()))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(patients.getEntry()).hasSize(1);
    Bundle compositions =
        fhir()
            .search()
            .forResource(Composition.class)
            .where(
                Composition.IDENTIFIER
                    .exactly()
                    .systemAndIdentifier(
                        PrisonFhir.HANDOFF_IDENTIFIER_SYSTEM,
                        ReleaseHandoffTransactionMapper.handoffId(handoff) + "-composition"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(compositions.getEntry()).hasSize(1);
  }
}
