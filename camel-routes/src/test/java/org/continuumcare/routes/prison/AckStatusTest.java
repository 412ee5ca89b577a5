package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

import org.continuumcare.routes.prison.HandoffRejection.AckCode;
import org.junit.jupiter.api.Test;

class AckStatusTest {

  @Test
  void acceptedIs200ErrorIs422RejectIs400() {
    assertThat(AckStatus.httpStatus(AckCode.AA)).isEqualTo(200);
    assertThat(AckStatus.httpStatus(AckCode.AE)).isEqualTo(422);
    assertThat(AckStatus.httpStatus(AckCode.AR)).isEqualTo(400);
  }

  @Test
  void commitAcceptIs202CommitErrorIs422CommitRejectIs400() {
    assertThat(AckStatus.httpStatus(AckCode.CA)).isEqualTo(202);
    assertThat(AckStatus.httpStatus(AckCode.CE)).isEqualTo(422);
    assertThat(AckStatus.httpStatus(AckCode.CR)).isEqualTo(400);
    assertThat(AckStatus.ackCode("MSH|^~\\&|A\rMSA|CA|1")).contains(AckCode.CA);
  }

  @Test
  void readsMsa1AfterCarriageReturns() {
    String ack =
        "MSH|^~\\&|CONTINUUM|GW|ADTApp|GHH|20261125||ACK^A03^ACK|CC1|P|2.8\rMSA|AE|MSG00001\r"
            + "ERR||PID^1^3^1|101|E";
    assertThat(AckStatus.ackCode(ack)).contains(AckCode.AE);
  }

  @Test
  void readsMsa1WithAnotherFieldSeparatorAndLineFeeds() {
    String ack = "MSH#^~\\&#CONTINUUM#GW#A#B#20261125##ACK#CC1#P#2.3\nMSA#AR#X1";
    assertThat(AckStatus.ackCode(ack)).contains(AckCode.AR);
  }

  @Test
  void noAckCodeWithoutMshOrMsaOrWithAnUnknownCode() {
    assertThat(AckStatus.ackCode(null)).isEmpty();
    assertThat(AckStatus.ackCode("PID|1")).isEmpty();
    assertThat(AckStatus.ackCode("MSH|^~\\&|A\rPID|1")).isEmpty();
    assertThat(AckStatus.ackCode("MSH|^~\\&|A\rMSA|XX|1")).isEmpty();
  }
}
