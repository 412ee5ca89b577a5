package org.continuumcare.gateway.views.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * Runs every case of the SQL on FHIR v2 conformance suite (src/test/resources/sql-on-fhir-v2,
 * copied from FHIR/sql-on-fhir-v2) through the view engine, prints {@code N passed, M failed} per
 * file, and writes {@code target/sql-on-fhir-v2/test_report.json} in the format implementations
 * publish their results in. Rows are compared as a multiset (the suite does not fix row order);
 * numbers compare by value.
 */
class SqlOnFhirConformanceTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ObjectMapper JSON = new ObjectMapper();

  record Outcome(String file, String title, boolean passed, String reason) {}

  @Test
  void everyCaseOfTheSqlOnFhirV2SuitePasses() throws Exception {
    List<Outcome> outcomes = new ArrayList<>();
    ObjectNode report = JsonNodeFactory.instance.objectNode();
    for (Path file : suiteFiles()) {
      JsonNode suite = JSON.readTree(file.toFile());
      List<Resource> resources = resources(suite.get("resources"));
      ArrayNode tests = report.putObject(file.getFileName().toString()).putArray("tests");
      int passed = 0;
      int failed = 0;
      for (JsonNode test : suite.get("tests")) {
        Outcome outcome = run(file.getFileName().toString(), test, resources);
        outcomes.add(outcome);
        ObjectNode entry = tests.addObject().put("name", outcome.title());
        ObjectNode result = entry.putObject("result").put("passed", outcome.passed());
        if (!outcome.passed()) {
          result.put("reason", outcome.reason());
          failed++;
        } else {
          passed++;
        }
      }
      System.out.printf("%-24s %d passed, %d failed%n", file.getFileName(), passed, failed);
    }
    long passed = outcomes.stream().filter(Outcome::passed).count();
    System.out.printf(
        "SQL on FHIR v2 suite: %d passed, %d failed%n", passed, outcomes.size() - passed);
    outcomes.stream()
        .filter(outcome -> !outcome.passed())
        .forEach(
            outcome ->
                System.out.printf(
                    "  FAILED %s / %s: %s%n", outcome.file(), outcome.title(), outcome.reason()));
    Path out = Path.of("target", "sql-on-fhir-v2", "test_report.json");
    Files.createDirectories(out.getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), report);

    assertThat(outcomes).hasSize(134);
    assertThat(outcomes).filteredOn(outcome -> !outcome.passed()).isEmpty();
  }

  private static Outcome run(String file, JsonNode test, List<Resource> resources) {
    String title = test.get("title").asText();
    boolean expectError = test.has("expectError") && test.get("expectError").asBoolean();
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> columns;
    try {
      ViewRunner runner = ViewRunner.of(FHIR, test.get("view"));
      columns = runner.view().columnNames();
      for (Resource resource : resources) {
        for (Object[] row : runner.rows(resource)) {
          Map<String, Object> named = new LinkedHashMap<>();
          for (int i = 0; i < columns.size(); i++) {
            named.put(columns.get(i), row[i]);
          }
          rows.add(named);
        }
      }
    } catch (InvalidViewException e) {
      return expectError
          ? new Outcome(file, title, true, null)
          : new Outcome(file, title, false, "unexpected error: " + e.getMessage());
    }
    if (expectError) {
      return new Outcome(file, title, false, "expected an error, got " + rows.size() + " rows");
    }
    if (test.has("expectColumns")) {
      List<String> expected = new ArrayList<>();
      test.get("expectColumns").forEach(name -> expected.add(name.asText()));
      return expected.equals(columns)
          ? new Outcome(file, title, true, null)
          : new Outcome(file, title, false, "columns " + columns + ", expected " + expected);
    }
    List<String> actual =
        rows.stream().map(row -> canonical(JSON.valueToTree(row))).sorted().toList();
    List<String> expected = new ArrayList<>();
    test.get("expect").forEach(row -> expected.add(canonical(row)));
    expected.sort(null);
    return actual.equals(expected)
        ? new Outcome(file, title, true, null)
        : new Outcome(file, title, false, "rows " + actual + ", expected " + expected);
  }

  /** A row as text with its keys sorted and its numbers in one form, to compare rows by value. */
  private static String canonical(JsonNode node) {
    if (node.isObject()) {
      Map<String, String> fields = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        fields.put(field.getKey(), canonical(field.getValue()));
      }
      return fields.toString();
    }
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(item -> items.add(canonical(item)));
      return items.toString();
    }
    if (node.isNumber()) {
      return new BigDecimal(node.asText()).stripTrailingZeros().toPlainString();
    }
    return node.toString();
  }

  private static List<Resource> resources(JsonNode resources) {
    IParser parser = FHIR.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
    List<Resource> parsed = new ArrayList<>();
    resources.forEach(resource -> parsed.add((Resource) parser.parseResource(resource.toString())));
    return parsed;
  }

  private static List<Path> suiteFiles() throws IOException, URISyntaxException {
    Path folder =
        Path.of(SqlOnFhirConformanceTest.class.getResource("/sql-on-fhir-v2/tests").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(file -> file.toString().endsWith(".json"))
          .filter(file -> !file.getFileName().toString().equals("tests.schema.json"))
          .sorted()
          .toList();
    }
  }
}
