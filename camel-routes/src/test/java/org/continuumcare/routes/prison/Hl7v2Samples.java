package org.continuumcare.routes.prison;

import java.util.ArrayList;
import java.util.List;

/**
 * A small, complete release discharge (ADT^A03 v2.5.1) written for these tests, and a builder to
 * vary it.
 */
final class Hl7v2Samples {

  static final String MSH_251 =
      "MSH|^~\\&|JMS|RIVERSIDE CF^2.16.840.1.113883.3.999^ISO|CONTINUUM|GATEWAY|"
          + "20261124153000+0000||ADT^A03^ADT_A03|CTRL-1|P|2.5.1";
  static final String EVN = "EVN|A03|20261124153000||PAR";
  static final String PID =
      segment(
          "PID",
          1,
          "1",
          3,
          "RCF-2024-00417^^^RCF&2.16.840.1.113883.3.999.1&ISO^MR~A1234567^^^DOC^PN",
          5,
          "Reyes^Jordan^M",
          7,
          "19910412",
          8,
          "M");
  static final String PV1 =
      segment(
          "PV1",
          1,
          "1",
          2,
          "I",
          3,
          "UNIT-B^12^1^Riverside CF",
          19,
          "V-2026-88",
          36,
          "01",
          45,
          "20261215090000");
  static final String RXE =
      segment(
          "RXE",
          1,
          "^^^20261124",
          2,
          "1010604^Buprenorphine 8 mg / naloxone 2 mg sublingual film^RXNORM",
          3,
          "1",
          5,
          "film",
          7,
          "SL1^One film under the tongue once daily",
          10,
          "7",
          11,
          "d");
  static final String RXD =
      segment(
          "RXD",
          1,
          "1",
          2,
          "1725059^Naloxone 4 mg nasal spray^RXNORM",
          3,
          "20261215",
          4,
          "1",
          5,
          "kit");
  static final String DG1 =
      segment(
          "DG1", 1, "1", 3, "F11.20^Opioid dependence, uncomplicated^I10C", 5, "20240601", 6, "F");

  private Hl7v2Samples() {}

  /** The complete discharge: MSH EVN PID PV1 RXE RXD DG1. */
  static String discharge() {
    return PrisonFixtures.er7(MSH_251, EVN, PID, PV1, RXE, RXD, DG1);
  }

  /** A segment with the given fields (position, value pairs), the others empty. */
  static String segment(String id, Object... positionsAndValues) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < positionsAndValues.length; i += 2) {
      int position = (Integer) positionsAndValues[i];
      while (fields.size() < position) {
        fields.add("");
      }
      fields.set(position - 1, (String) positionsAndValues[i + 1]);
    }
    return id + "|" + String.join("|", fields);
  }
}
