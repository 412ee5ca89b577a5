package org.continuumcare.routes.prison;

/**
 * Handoff messages from a sender in enhanced mode asking for the accept acknowledgment only (MSH-15
 * AL, MSH-16 NE).
 */
final class QueuedSamples {

  private QueuedSamples() {}

  /**
   * The complete discharge of {@link Hl7v2Samples#discharge()}, for person {@code mrn}, released on
   * {@code day}.
   */
  static String acceptOnly(String controlId, String mrn, String day) {
    String msh = Hl7v2Samples.MSH_251.replace("|CTRL-1|", "|" + controlId + "|") + "|||AL|NE";
    String pid = Hl7v2Samples.PID.replace("RCF-2024-00417", mrn);
    String pv1 = Hl7v2Samples.PV1.replace("20261215090000", day + "090000");
    return PrisonFixtures.er7(
        msh, Hl7v2Samples.EVN, pid, pv1, Hl7v2Samples.RXE, Hl7v2Samples.RXD, Hl7v2Samples.DG1);
  }

  static Hl7v2Intake.Translated translated(String controlId, String mrn, String day) {
    return (Hl7v2Intake.Translated)
        PrisonFixtures.translator().translate(acceptOnly(controlId, mrn, day));
  }
}
