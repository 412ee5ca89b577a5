package org.continuumcare.gateway.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.continuumcare.gateway.measures.ExpectedReport.Row;
import org.continuumcare.gateway.measures.OutcomePopulation.Handoff;
import org.continuumcare.gateway.measures.OutcomePopulation.HandoffReferral;
import org.continuumcare.gateway.measures.OutcomePopulation.Referral;
import org.continuumcare.gateway.measures.OutcomePopulation.Score;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * $evaluate-measure over a generated population (fixed seed, {@link OutcomePopulation}): the
 * expected answer of each measure is computed here by direct counting over the generated facts,
 * never by the code under test, and the reports must match it cell by cell, strata and suppressed
 * cells included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluateMeasureIT extends GatewayIntegrationTest {

  private static final String ANALYST = "demo-analyst";
  private static final String M2 =
      "/fhir/Measure/closed-loop-referrals/$evaluate-measure?periodStart=2031-03-01&periodEnd=2031-05-31";
  private static final String M3 =
      "/fhir/Measure/handoff-timeliness/$evaluate-measure?periodStart=2032-03-01&periodEnd=2032-05-31";
  private static final String M1 =
      "/fhir/Measure/recovery-capital-change/$evaluate-measure?periodStart=2033-01-01&periodEnd=2033-06-30";

  private OutcomePopulation population;

  @BeforeAll
  void generatedPopulation() {
    population = new OutcomePopulation(fhir(), uniqueSystem()).create();
  }

  private MeasureReport report(String client, String path) throws Exception {
    HttpResponse<String> response = http(requestAs(client, path).GET());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(MeasureReport.class, response.body());
  }

  // M2 by direct counting over the generated referrals.
  private List<Row> closedLoopRows() {
    return closedLoopRows(null, null);
  }

  /**
   * The rows of the referrals whose Task is in {@code visibleTasks} (all if null), the category
   * 'unknown' where the ServiceRequest is not in {@code visibleReferrals}.
   */
  private List<Row> closedLoopRows(Set<String> visibleTasks, Set<String> visibleReferrals) {
    List<Row> rows = new ArrayList<>();
    Instant from = Instant.parse("2031-03-01T00:00:00Z");
    Instant until = Instant.parse("2031-06-01T00:00:00Z");
    for (Referral r : population.referrals) {
      if (r.draft()
          || r.sent().isBefore(from)
          || !r.sent().isBefore(until)
          || (visibleTasks != null && !visibleTasks.contains(r.task()))) {
        continue;
      }
      String category =
          visibleReferrals == null || visibleReferrals.contains(r.referral())
              ? r.category()
              : "unknown";
      Set<String> facts = new LinkedHashSet<>(List.of("denominator", r.finalStatus()));
      Map<String, Double> values = new HashMap<>();
      if (r.accepted() != null) {
        values.put(
            "days-to-accepted", Duration.between(r.sent(), r.accepted()).toSeconds() / 86400.0);
      }
      if (r.completed() != null) {
        values.put(
            "days-to-completed", Duration.between(r.sent(), r.completed()).toSeconds() / 86400.0);
      }
      rows.add(
          new Row(
              r.patient(),
              Map.of("partner", "Organization/" + r.partner(), "category", category),
              facts,
              values));
    }
    return rows;
  }

  private Map<String, String> closedLoopExpected(boolean suppress, List<Row> rows) {
    List<String> strata = List.of("partner", "category");
    return new ExpectedReport(suppress)
        .proportion("closed-loop", rows, "denominator", "completed", strata)
        .proportion("rejected", rows, "denominator", "rejected", strata)
        .proportion("cancelled", rows, "denominator", "cancelled", strata)
        .median("days-to-accepted", rows, "days-to-accepted", strata)
        .median("days-to-completed", rows, "days-to-completed", strata)
        .cells();
  }

  @Test
  void closedLoopReferralsMatchTheGeneratedPopulationForAnAdministrator() throws Exception {
    List<Row> rows = closedLoopRows();
    assertThat(rows).hasSize(53); // 60 generated, 4 sent before the period, 3 drafts
    MeasureReport report = report(ADMIN, M2);
    assertThat(report.getType()).isEqualTo(MeasureReport.MeasureReportType.SUMMARY);
    assertThat(report.getMeasure())
        .isEqualTo("https://continuumcare.org/fhir/Measure/closed-loop-referrals");
    assertThat(ExpectedReport.cellsOf(report)).isEqualTo(closedLoopExpected(false, rows));
  }

  /**
   * The analyst's report counts only what the gate shows the analyst: the expected rows are the
   * generated referrals whose Task (and ServiceRequest, for the category) an ordinary search of the
   * analyst returns. Treatment and MOUD referrals carry SUD records the analyst may not see without
   * consent, so fewer rows count than for the administrator.
   */
  @Test
  void closedLoopReferralsCountOnlyWhatTheAnalystMaySeeAndSuppressCountsFromOneToTen()
      throws Exception {
    Set<String> tasks = visibleAs(ANALYST, "Task");
    Set<String> referrals = visibleAs(ANALYST, "ServiceRequest");
    List<Row> rows = closedLoopRows(tasks, referrals);
    assertThat(rows.size()).isLessThan(closedLoopRows().size()).isGreaterThan(10);
    Map<String, String> expected = closedLoopExpected(true, rows);
    assertThat(expected).containsValue("masked");
    assertThat(expected.values().stream().filter(v -> !v.equals("masked") && !v.contains(".")))
        .isNotEmpty();
    assertThat(ExpectedReport.cellsOf(report(ANALYST, M2))).isEqualTo(expected);
  }

  @Test
  void aSubjectListNamesThePeopleInEachPopulationForAnAdministrator() throws Exception {
    MeasureReport report = report(ADMIN, M2 + "&reportType=subject-list");
    assertThat(report.getType()).isEqualTo(MeasureReport.MeasureReportType.SUBJECTLIST);
    MeasureReport.MeasureReportGroupPopulationComponent numerator =
        report.getGroupFirstRep().getPopulation().stream()
            .filter(p -> p.getCode().getCodingFirstRep().getCode().equals("numerator"))
            .findFirst()
            .orElseThrow();
    String listId = numerator.getSubjectResults().getReference().substring(1);
    ListResource list =
        (ListResource)
            report.getContained().stream()
                .filter(r -> r.getIdElement().getIdPart().equals(listId))
                .findFirst()
                .orElseThrow();
    Set<String> expected =
        new TreeSet<>(
            closedLoopRows().stream()
                .filter(r -> r.facts().contains("completed"))
                .map(Row::subject)
                .toList());
    assertThat(list.getEntry().stream().map(e -> e.getItem().getReference()).toList())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void aSubjectReportCountsOnlyThatPersonsReferrals() throws Exception {
    String person = population.referrals.get(10).patient();
    MeasureReport report = report(ADMIN, M2 + "&reportType=subject&subject=" + person);
    assertThat(report.getType()).isEqualTo(MeasureReport.MeasureReportType.INDIVIDUAL);
    assertThat(report.getSubject().getReference()).isEqualTo(person);
    long expected = closedLoopRows().stream().filter(r -> r.subject().equals(person)).count();
    assertThat(report.getGroupFirstRep().getPopulationFirstRep().getCount())
        .isEqualTo((int) expected);
  }

  // M3 by direct counting over the generated handoffs.
  @Test
  void handoffTimelinessMatchesTheGeneratedPopulation() throws Exception {
    List<Row> rows = new ArrayList<>();
    for (Handoff h : population.handoffs) {
      if (h.release().isBefore(java.time.LocalDate.parse("2032-03-01"))
          || h.release().isAfter(java.time.LocalDate.parse("2032-05-31"))) {
        continue;
      }
      Instant releaseStart = h.release().atStartOfDay(ZoneOffset.UTC).toInstant();
      Set<String> facts = new LinkedHashSet<>(List.of("denominator"));
      for (HandoffReferral r : h.referrals()) {
        if (OutcomePopulationTreatment.isTreatment(r.category())
            && r.accepted() != null
            && r.accepted().isBefore(releaseStart)) {
          facts.add("accepted-before-release");
        }
        if (r.flagged()) {
          facts.add("not-acknowledged");
        }
      }
      rows.add(
          new Row(
              h.patient(),
              Map.of("release-type", h.releaseType(), "provider", h.provider()),
              facts,
              Map.of(
                  "hours-handoff-to-release",
                  Duration.between(h.date(), releaseStart).toSeconds() / 3600.0)));
    }
    assertThat(rows).hasSize(21);
    List<String> strata = List.of("release-type", "provider");
    Map<String, String> expected =
        new ExpectedReport(false)
            .proportion(
                "accepted-before-release", rows, "denominator", "accepted-before-release", strata)
            .median("hours-handoff-to-release", rows, "hours-handoff-to-release", strata)
            .proportion("not-acknowledged", rows, "denominator", "not-acknowledged", strata)
            .cells();
    assertThat(ExpectedReport.cellsOf(report(ADMIN, M3))).isEqualTo(expected);
  }

  // M1 by direct counting over the generated scores.
  @Test
  void recoveryCapitalChangeMatchesTheGeneratedPopulation() throws Exception {
    Map<String, List<Score>> byPerson = new TreeMap<>();
    population.scores.stream()
        .filter(s -> s.status().equals("final"))
        .forEach(s -> byPerson.computeIfAbsent(s.patient(), p -> new ArrayList<>()).add(s));
    List<Row> rows = new ArrayList<>();
    byPerson.forEach(
        (person, scores) -> {
          scores.sort(Comparator.comparing(Score::at));
          Score first = scores.get(0);
          Score last = scores.get(scores.size() - 1);
          if (scores.size() >= 2 && Duration.between(first.at(), last.at()).toDays() >= 60) {
            int change = last.value() - first.value();
            Set<String> facts = new LinkedHashSet<>(List.of("denominator"));
            if (change >= 5) {
              facts.add("improved");
            }
            rows.add(
                new Row(
                    person,
                    Map.of("baseline", first.value() < 47 ? "below-47" : "47-or-above"),
                    facts,
                    Map.of("change", (double) change)));
          }
        });
    assertThat(rows).isNotEmpty();
    List<String> strata = List.of("baseline");
    Map<String, String> expected =
        new ExpectedReport(false)
            .proportion("improved", rows, "denominator", "improved", strata)
            .median("change", rows, "change", strata)
            .cells();
    assertThat(ExpectedReport.cellsOf(report(ADMIN, M1))).isEqualTo(expected);
  }

  // Bad input and refusals, each an OperationOutcome.
  @Test
  void anUnknownMeasureIsNotFound() throws Exception {
    assertOutcome(
        ADMIN,
        "/fhir/Measure/no-such-measure/$evaluate-measure?periodStart=2031-01-01&periodEnd=2031-12-31",
        404,
        "not known");
  }

  @Test
  void aPeriodEndingBeforeItStartsIsRefused() throws Exception {
    assertOutcome(
        ADMIN,
        "/fhir/Measure/closed-loop-referrals/$evaluate-measure?periodStart=2031-05-01&periodEnd=2031-04-01",
        400,
        "before periodStart");
  }

  @Test
  void aMalformedDateIsRefused() throws Exception {
    assertOutcome(
        ADMIN,
        "/fhir/Measure/closed-loop-referrals/$evaluate-measure?periodStart=2031-13-01&periodEnd=2031-12-31",
        400,
        "is not a date");
  }

  @Test
  void anUnsupportedReportTypeIsRefused() throws Exception {
    assertOutcome(ADMIN, M2 + "&reportType=population-list", 400, "not supported");
  }

  @Test
  void aSubjectListForANonAdministratorIsForbiddenAndAudited() throws Exception {
    int before = audits();
    assertOutcome(ANALYST, M2 + "&reportType=subject-list", 403, "administrators only");
    assertThat(audits()).isEqualTo(before + 1);
  }

  @Test
  void everyEvaluationIsAudited() throws Exception {
    int before = audits();
    report(ANALYST, M2);
    assertThat(audits()).isEqualTo(before + 1);
  }

  private Set<String> visibleAs(String client, String type) {
    Set<String> ids = new TreeSet<>();
    Bundle page =
        fhirAs(client)
            .search()
            .forResource(type)
            .where(
                new ca.uhn.fhir.rest.gclient.TokenClientParam("identifier")
                    .exactly()
                    .systemAndCode(population.system, null))
            .count(200)
            .returnBundle(Bundle.class)
            .execute();
    while (true) {
      page.getEntry()
          .forEach(e -> ids.add(type + "/" + e.getResource().getIdElement().getIdPart()));
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        return ids;
      }
      page = fhirAs(client).loadPage().next(page).execute();
    }
  }

  private int audits() {
    Bundle found =
        fhir()
            .search()
            .forResource("AuditEvent")
            .where(
                new ca.uhn.fhir.rest.gclient.ReferenceClientParam("entity")
                    .hasId("Measure/closed-loop-referrals"))
            .summaryMode(ca.uhn.fhir.rest.api.SummaryEnum.COUNT)
            .returnBundle(Bundle.class)
            .execute();
    return found.getTotal();
  }

  private void assertOutcome(String client, String path, int status, String message)
      throws Exception {
    HttpResponse<String> response = http(requestAs(client, path).GET());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    Resource body = (Resource) FHIR.newJsonParser().parseResource(response.body());
    assertThat(body).isInstanceOf(OperationOutcome.class);
    assertThat(((OperationOutcome) body).getIssueFirstRep().getDiagnostics()).contains(message);
  }

  /** The treatment categories, restated here rather than read from the code under test. */
  private static final class OutcomePopulationTreatment {
    static boolean isTreatment(String category) {
      return category.equals("treatment-continuation") || category.equals("moud-continuation");
    }
  }
}
