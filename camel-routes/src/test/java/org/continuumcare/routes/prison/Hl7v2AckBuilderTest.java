package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Hl7v2AckBuilderTest {

  private final Hl7v2AckBuilder acks = new Hl7v2AckBuilder(PrisonFixtures.CLOCK, () -> "ACK-1");
  private final Hl7v2Header v251 =
      new Hl7v2Header(
          '|',
          "^~\\&",
          "JMS",
          "RCF^1.2.3^ISO",
          "CONTINUUM",
          "GATEWAY",
          "ADT",
          "A03",
          "CTRL-1",
          "P",
          "2.5.1");
  private final Hl7v2Header v23 =
      new Hl7v2Header(
          '|', "^~\\&", "JMS", "RCF", "CONTINUUM", "GATEWAY", "ADT", "A03", "CTRL-9", "T", "2.3");
  private final HandoffRejection twoFaults =
      HandoffRejection.error(
          List.of(
              Hl7v2Fault.field(
                  "PID",
                  3,
                  Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                  "patient identifier list (PID-3) is required"),
              new Hl7v2Fault(
                  "DG1", 2, 5, 0, Hl7ErrorCode.DATA_TYPE_ERROR, "impossible date | 30 Feb")));

  private final Hl7v2Header acceptOnly =
      new Hl7v2Header(
          '|',
          "^~\\&",
          "JMS",
          "RCF",
          "CONTINUUM",
          "GATEWAY",
          "ADT",
          "A03",
          "CTRL-7",
          "P",
          "2.5.1",
          "AL",
          "NE");

  @Test
  void commitAcceptIsCaEchoingTheControlId() {
    Hl7v2Acks ack = Hl7v2Acks.parse(acks.commitAccept(acceptOnly));

    assertThat(ack.get("/MSA-1")).isEqualTo("CA");
    assertThat(ack.get("/MSA-2")).isEqualTo("CTRL-7");
    assertThat(ack.get("/MSH-9-1")).isEqualTo("ACK");
  }

  @Test
  void aSenderAskingForTheAcceptAckOnlyGetsCeAndCrInsteadOfAeAndAr() {
    Hl7v2Acks error = Hl7v2Acks.parse(acks.reject(acceptOnly, twoFaults));
    Hl7v2Acks reject =
        Hl7v2Acks.parse(
            acks.reject(
                acceptOnly,
                HandoffRejection.reject(
                    Hl7v2Fault.field(
                        "MSH",
                        9,
                        Hl7ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
                        "unsupported message type"))));

    assertThat(error.get("/MSA-1")).isEqualTo("CE");
    assertThat(error.get("/ERR-2-1")).isEqualTo("PID");
    assertThat(reject.get("/MSA-1")).isEqualTo("CR");
    assertThat(reject.get("/ERR-3-1")).isEqualTo("200");
  }

  @Test
  void onlyMsh16NeAsksForTheAcceptAckOnly() {
    assertThat(acceptOnly.acceptOnly()).isTrue();
    assertThat(v251.acceptOnly()).as("original mode").isFalse();
    assertThat(
            new Hl7v2Header(
                    '|', "^~\\&", "", "", "", "", "ADT", "A03", "C", "P", "2.5.1", "AL", "AL")
                .acceptOnly())
        .as("application acknowledgment wanted too")
        .isFalse();
    assertThat(
            new Hl7v2Header('|', "^~\\&", "", "", "", "", "ADT", "A03", "C", "P", "2.5.1", "AL", "")
                .acceptOnly())
        .as("MSH-16 empty in enhanced mode")
        .isFalse();
  }

  @Test
  void acceptEchoesTheControlIdAndSwapsSenderAndReceiver() {
    Hl7v2Acks ack = Hl7v2Acks.parse(acks.accept(v251));

    assertThat(ack.get("/MSA-1")).isEqualTo("AA");
    assertThat(ack.get("/MSA-2")).isEqualTo("CTRL-1");
    assertThat(ack.get("/MSH-3")).isEqualTo("CONTINUUM");
    assertThat(ack.get("/MSH-5")).isEqualTo("JMS");
    assertThat(ack.get("/MSH-6-2")).isEqualTo("1.2.3");
    assertThat(ack.get("/MSH-7")).isEqualTo("20261124160000+0000");
    assertThat(ack.get("/MSH-9-1")).isEqualTo("ACK");
    assertThat(ack.get("/MSH-9-2")).isEqualTo("A03");
    assertThat(ack.get("/MSH-10")).isEqualTo("ACK-1");
    assertThat(ack.get("/MSH-12")).isEqualTo("2.5.1");
  }

  @Test
  void version25AndLaterGetOneErrPerFaultWithLocationCodeSeverityAndReason() {
    String text = acks.reject(v251, twoFaults);
    Hl7v2Acks ack = Hl7v2Acks.parse(text);

    assertThat(ack.get("/MSA-1")).isEqualTo("AE");
    assertThat(ack.get("/ERR(0)-2-1")).isEqualTo("PID");
    assertThat(ack.get("/ERR(0)-2-2")).isEqualTo("1");
    assertThat(ack.get("/ERR(0)-2-3")).isEqualTo("3");
    assertThat(ack.get("/ERR(0)-3-1")).isEqualTo("101");
    assertThat(ack.get("/ERR(0)-3-3")).isEqualTo("HL70357");
    assertThat(ack.get("/ERR(0)-4")).isEqualTo("E");
    assertThat(ack.get("/ERR(0)-8")).isEqualTo("patient identifier list (PID-3) is required");
    assertThat(ack.get("/ERR(1)-2-1")).isEqualTo("DG1");
    assertThat(ack.get("/ERR(1)-2-2")).isEqualTo("2");
    assertThat(ack.get("/ERR(1)-2-3")).isEqualTo("5");
    assertThat(ack.get("/ERR(1)-3-1")).isEqualTo("102");
    assertThat(text).contains("impossible date \\F\\ 30 Feb");
  }

  @Test
  void version23CarriesFaultsInErr1AndReasonsInMsa3() {
    Hl7v2Acks ack = Hl7v2Acks.parse(acks.reject(v23, twoFaults));

    assertThat(ack.get("/MSH-9")).isEqualTo("ACK");
    assertThat(ack.get("/MSH-11")).isEqualTo("T");
    assertThat(ack.get("/MSA-1")).isEqualTo("AE");
    assertThat(ack.get("/MSA-2")).isEqualTo("CTRL-9");
    assertThat(ack.get("/MSA-3"))
        .startsWith("PID-3: patient identifier list (PID-3) is required; DG1-5:");
    assertThat(ack.get("/ERR-1(0)-1")).isEqualTo("PID");
    assertThat(ack.get("/ERR-1(0)-3")).isEqualTo("3");
    assertThat(ack.get("/ERR-1(0)-4-1")).isEqualTo("101");
    assertThat(ack.get("/ERR-1(1)-1")).isEqualTo("DG1");
    assertThat(ack.get("/ERR-1(1)-2")).isEqualTo("2");
    assertThat(ack.get("/ERR-1(1)-4-1")).isEqualTo("102");
  }

  @Test
  void unreadableHeaderStillGetsAParsableAr() {
    Hl7v2Acks ack =
        Hl7v2Acks.parse(
            acks.reject(
                Hl7v2Header.unreadable(),
                HandoffRejection.reject(
                    Hl7v2Fault.message(Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR, "empty message"))));

    assertThat(ack.get("/MSA-1")).isEqualTo("AR");
    assertThat(ack.get("/MSA-2")).isNull();
    assertThat(ack.get("/ERR-3-1")).isEqualTo("100");
    assertThat(ack.get("/ERR-8")).isEqualTo("empty message");
  }
}
