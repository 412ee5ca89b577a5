package org.continuumcare.gateway.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.routes.prison.PrisonProperties;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HandoffMllpIT extends GatewayIntegrationTest {

  private static final int START_BLOCK = 0x0b;
  private static final int END_BLOCK = 0x1c;
  private static final int CARRIAGE_RETURN = 0x0d;

  @Autowired PrisonProperties properties;

  @BeforeEach
  void partnersExist() {
    HandoffFixtures.ensureOrganizations(fhir(), properties.handoffDefaults());
  }

  @Test
  void aDischargeOverMllpIsStoredAndAcknowledgedAa() throws Exception {
    String message =
        HandoffHl7v2IT.withUniquePersonId(HandoffFixtures.sample("ADT-A03-01.hl7"))
            .replace("\r\n", "\r")
            .replace('\n', '\r');
    String unique = message.split("\r")[3].split("\\|")[3].split("\\^")[0];

    String ack = exchange(message);

    assertThat(HandoffHl7v2IT.msa(ack)[1]).isEqualTo("AA");
    assertThat(HandoffHl7v2IT.msa(ack)[2]).isEqualTo(HandoffHl7v2IT.controlId(message));
    Bundle patients =
        fhir()
            .search()
            .forResource(Patient.class)
            .where(Patient.IDENTIFIER.exactly().identifier(unique))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(patients.getEntry()).hasSize(1);
  }

  @Test
  void aReferralOverMllpIsRejectedAr() throws Exception {
    String ack = exchange(HandoffFixtures.sample("REF-I12-01.hl7").replace('\n', '\r'));

    assertThat(HandoffHl7v2IT.msa(ack)[1]).isEqualTo("AR");
  }

  /** One MLLP frame out, one back: VT message FS CR. */
  static String exchange(String message) throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", MLLP_PORT), 10_000);
      socket.setSoTimeout(120_000);
      OutputStream out = socket.getOutputStream();
      out.write(START_BLOCK);
      out.write(message.getBytes(StandardCharsets.UTF_8));
      out.write(END_BLOCK);
      out.write(CARRIAGE_RETURN);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream ack = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1 && b != END_BLOCK) {
        if (b != START_BLOCK) {
          ack.write(b);
        }
      }
      return ack.toString(StandardCharsets.UTF_8);
    }
  }
}
