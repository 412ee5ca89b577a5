package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our light ER7 reader agrees with HAPI's parser on every field the handoff reads, over the real
 * samples.
 */
class Hl7v2SegmentsTest {

  private static final int[][] FIELDS = {
    // segment index in "PID", "PV1", "PV2", "EVN", "DG1"; field; repetition; component;
    // subcomponent
    {0, 3, 0, 1, 1},
    {0, 3, 0, 4, 1},
    {0, 3, 0, 4, 2},
    {0, 3, 0, 4, 3},
    {0, 3, 0, 5, 1},
    {0, 3, 1, 1, 1},
    {0, 3, 1, 4, 1},
    {0, 3, 0, 6, 1},
    {0, 5, 0, 1, 1},
    {0, 5, 0, 2, 1},
    {0, 5, 0, 3, 1},
    {0, 5, 1, 1, 1},
    {0, 7, 0, 1, 1},
    {0, 8, 0, 1, 1},
    {1, 3, 0, 4, 1},
    {1, 19, 0, 1, 1},
    {1, 36, 0, 1, 1},
    {1, 45, 0, 1, 1},
    {2, 9, 0, 1, 1},
    {3, 2, 0, 1, 1},
    {3, 4, 0, 1, 1},
    {3, 6, 0, 1, 1},
    {4, 3, 0, 1, 1},
    {4, 3, 0, 2, 1},
    {4, 3, 0, 3, 1},
    {4, 4, 0, 1, 1},
    {4, 5, 0, 1, 1}
  };
  private static final String[] SEGMENTS = {"PID", "PV1", "PV2", "EVN", "DG1"};

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ADT-A03-01.hl7",
        "ADT-A03-02.hl7",
        "ADT-A04-01.hl7",
        "ADT-A04-02.hl7",
        "ADT-A08-01.hl7",
        "ADT-A08-02.hl7",
        "ADT01-23.hl7",
        "ADT04-251.hl7"
      })
  void readsTheSameValuesAsHapi(String file) throws Exception {
    String text =
        Files.readString(Path.of("src/test/resources/prison/hl7v2", file)).replace("\uFEFF", "");
    java.util.List<String> lines =
        java.util.Arrays.stream(text.split("\r\n|\r|\n"))
            .map(String::stripTrailing)
            .filter(l -> !l.isBlank())
            .toList();
    Hl7v2Segments ours = Hl7v2Segments.of(lines, '|', "^~\\&");
    HapiContext context = new DefaultHapiContext();
    context.setModelClassFactory(new GenericModelClassFactory());
    context.setValidationContext(ValidationContextFactory.noValidation());
    Message hapi = context.getPipeParser().parse(String.join("\r", lines));
    Terser terser = new Terser(hapi);

    int compared = 0;
    for (int[] f : FIELDS) {
      Hl7v2Segments.Segment segment = ours.first(SEGMENTS[f[0]]);
      if (segment == null) {
        continue;
      }
      String expected =
          terser.get("/." + SEGMENTS[f[0]] + "-" + f[1] + "(" + f[2] + ")-" + f[3] + "-" + f[4]);
      expected = expected == null || expected.isBlank() ? null : expected.trim();
      assertThat(Hl7v2Segments.get(segment, f[1], f[2], f[3], f[4]))
          .as("%s %s-%d(%d)-%d-%d", file, SEGMENTS[f[0]], f[1], f[2], f[3], f[4])
          .isEqualTo(expected);
      if (expected != null) {
        compared++;
      }
    }
    assertThat(compared).as("values present in %s", file).isGreaterThanOrEqualTo(4);
  }

  @Test
  void decodesEscapedDelimiters() {
    Hl7v2Segments message =
        Hl7v2Segments.of(
            java.util.List.of("MSH|^~\\&|A", "PID|1||1^^^A||O\\T\\Brien\\S\\Jr^Pat"), '|', "^~\\&");

    assertThat(Hl7v2Segments.get(message.first("PID"), 5, 1)).isEqualTo("O&Brien^Jr");
    assertThat(Hl7v2Segments.get(message.first("PID"), 5, 2)).isEqualTo("Pat");
    assertThat(Hl7v2Segments.get(message.first("MSH"), 3, 1)).isEqualTo("A");
    assertThat(Hl7v2Segments.repetitions(message.first("PID"), 3)).isEqualTo(1);
  }
}
