package org.continuumcare.profiles.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each fixture in src/test/resources/invalid/ (not part of the package) must fail validation with
 * the error its line in invalid/manifest.tsv names: {@code file <TAB> element path fragment <TAB>
 * message fragment}.
 */
class InvalidFixturesTest {

  record Expectation(String file, String location, String message) {}

  private static List<Expectation> manifest() {
    try (InputStream in = InvalidFixturesTest.class.getResourceAsStream("/invalid/manifest.tsv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t"))
          .map(p -> new Expectation(p[0].trim(), p[1].trim(), p[2].trim()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IBaseResource fixture(String file) {
    try (InputStream in = InvalidFixturesTest.class.getResourceAsStream("/invalid/" + file)) {
      assertThat(in).as("fixture %s", file).isNotNull();
      return RecoveryValidator.CONTEXT.newJsonParser().parseResource(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyInvalidFixtureFailsWithItsNamedError() {
    List<Expectation> expectations = manifest();
    assertThat(expectations).hasSizeGreaterThanOrEqualTo(10);
    return expectations.stream()
        .map(
            expected ->
                DynamicTest.dynamicTest(
                    expected.file(),
                    () -> {
                      List<SingleValidationMessage> errors =
                          RecoveryValidator.errors(fixture(expected.file()));
                      assertThat(errors)
                          .as(
                              "errors of %s:%s",
                              expected.file(), RecoveryValidator.describe(errors))
                          .anySatisfy(
                              e -> {
                                assertThat(e.getLocationString()).contains(expected.location());
                                assertThat(e.getMessage()).contains(expected.message());
                              });
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyFixtureFileIsListedInTheManifest() throws IOException {
    List<String> listed = manifest().stream().map(Expectation::file).toList();
    try (InputStream in = InvalidFixturesTest.class.getResourceAsStream("/invalid/")) {
      String[] files = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      return Arrays.stream(files)
          .filter(f -> f.endsWith(".json"))
          .map(f -> DynamicTest.dynamicTest(f, () -> assertThat(listed).contains(f)));
    }
  }
}
