package org.continuumcare.routes.prison;

import java.util.List;
import java.util.Objects;

/**
 * Why an inbound HL7 v2 handoff was not accepted, as the ACK code the sender gets and every fault
 * found. AR (application reject) when the message cannot be processed at all (unsupported type,
 * version, delimiters, truncated header); AE (application error) when it is a handoff with bad or
 * missing data.
 */
public record HandoffRejection(AckCode ackCode, List<Hl7v2Fault> faults) {

  public HandoffRejection {
    Objects.requireNonNull(ackCode, "ackCode");
    if (ackCode != AckCode.AE && ackCode != AckCode.AR) {
      throw new IllegalArgumentException("a rejection is AE or AR");
    }
    faults = List.copyOf(faults);
    if (faults.isEmpty()) {
      throw new IllegalArgumentException("a rejection names at least one fault");
    }
  }

  public static HandoffRejection reject(Hl7v2Fault fault) {
    return new HandoffRejection(AckCode.AR, List.of(fault));
  }

  public static HandoffRejection error(List<Hl7v2Fault> faults) {
    return new HandoffRejection(AckCode.AE, faults);
  }

  /** One line per fault, "PID-3: reason", for logs and the text of MSA-3. */
  public String summary() {
    StringBuilder text = new StringBuilder();
    for (Hl7v2Fault fault : faults) {
      if (!text.isEmpty()) {
        text.append("; ");
      }
      text.append(fault.location()).append(": ").append(fault.reason());
    }
    return text.toString();
  }

  /**
   * HL7 table 0008 acknowledgment codes: application acknowledgments (AA, AE, AR) and, in enhanced
   * mode, accept acknowledgments (CA commit accept, CE commit error, CR commit reject).
   */
  public enum AckCode {
    AA,
    AE,
    AR,
    CA,
    CE,
    CR;

    /** The accept-acknowledgment code of the same outcome: AA -> CA, AE -> CE, AR -> CR. */
    public AckCode commit() {
      return switch (this) {
        case AA, CA -> CA;
        case AE, CE -> CE;
        case AR, CR -> CR;
      };
    }
  }
}
