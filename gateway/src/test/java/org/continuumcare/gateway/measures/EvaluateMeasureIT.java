package org.continuumcare.gateway.measures;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.net.http.HttpResponse;
import java.time.Clock;
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
import org.continuumcare.gateway.consent.ConsentFixtures;
import org.continuumcare.gateway.measures.ExpectedReport.Row;
import org.continuumcare.gateway.measures.OutcomePopulation.DomainScore;
import org.continuumcare.gateway.measures.OutcomePopulation.Handoff;
import org.continuumcare.gateway.measures.OutcomePopulation.HandoffReferral;
import org.continuumcare.gateway.measures.OutcomePopulation.MoudRelease;
import org.continuumcare.gateway.measures.OutcomePopulation.Outcome;
import org.continuumcare.gateway.measures.OutcomePopulation.Referral;
import org.continuumcare.gateway.measures.OutcomePopulation.Reintegrating;
import org.continuumcare.gateway.measures.OutcomePopulation.Score;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * $evaluate-measure over a generated population (fixed seed, {@link OutcomePopulation}): the
 * expected answer of each measure is computed here by direct counting over the generated facts,
 * never by the code under test, and the reports must match it cell by cell, strata and suppressed
 * cells included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluateMeasureIT extends GatewayIntegrationTest {

  private static final String ANALYST = "demo-analyst";
  private static final String CARE_TEAM = "demo-ehr";
  private static final String M2 =
      "/fhir/Measure/closed-loop-referrals/$evaluate-measure?periodStart=2031-03-01&periodEnd=2031-05-31";
  private static final String M3 =
      "/fhir/Measure/handoff-timeliness/$evaluate-measure?periodStart=2032-03-01&periodEnd=2032-05-31";
  private static final String M1 =
      "/fhir/Measure/recovery-capital-change/$evaluate-measure?periodStart=2033-01-01&periodEnd=2033-06-30";

  private static final String M4 =
      "/fhir/Measure/moud-continuity/$evaluate-measure?periodStart=2034-03-01&periodEnd=2034-05-31";
  private static final String M5 =
      "/fhir/Measure/reintegration/$evaluate-measure?periodStart=2035-03-01&periodEnd=2035-05-31";

  private OutcomePopulation population;

  @Autowired private EvaluateMeasureProvider evaluator;
  @Autowired private DaoRegistry daos;

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
    return closedLoopRows(
        visibleTasks,
        visibleReferrals,
        Instant.parse("2031-03-01T00:00:00Z"),
        Instant.parse("2031-06-01T00:00:00Z"));
  }

  /** The same, for referrals sent from {@code from} (included) to {@code until} (excluded). */
  private List<Row> closedLoopRows(
      Set<String> visibleTasks, Set<String> visibleReferrals, Instant from, Instant until) {
    List<Row> rows = new ArrayList<>();
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
              Map.of(
                  "partner",
                  "Organization/" + r.partner(),
                  "category",
                  category,
                  "reason",
                  r.finalStatus().equals("rejected") || r.finalStatus().equals("cancelled")
                      ? (r.reason() == null ? "uncoded" : r.reason())
                      : "not-ended"),
              facts,
              values));
    }
    return rows;
  }

  private Map<String, String> closedLoopExpected(boolean suppress, List<Row> rows) {
    return ExpectedReport.closedLoopReferrals(suppress, rows);
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
    ExpectedReport expected =
        new ExpectedReport(false)
            .proportion("improved", rows, "denominator", "improved", strata)
            .median("change", rows, "change", strata);
    // per domain: its own population, people with two ratings of it 60 days apart or more
    Map<String, String> baselines = new HashMap<>();
    rows.forEach(r -> baselines.put(r.subject(), r.strata().get("baseline")));
    int domainRows = 0;
    for (String domain : OutcomePopulation.DOMAINS) {
      Map<String, List<DomainScore>> rated = new TreeMap<>();
      population.domainScores.stream()
          .filter(d -> d.domain().equals(domain) && d.status().equals("final"))
          .forEach(d -> rated.computeIfAbsent(d.patient(), p -> new ArrayList<>()).add(d));
      List<Row> domainRowsOf = new ArrayList<>();
      rated.forEach(
          (person, ratings) -> {
            ratings.sort(Comparator.comparing(DomainScore::at));
            DomainScore first = ratings.get(0);
            DomainScore last = ratings.get(ratings.size() - 1);
            if (ratings.size() >= 2 && Duration.between(first.at(), last.at()).toDays() >= 60) {
              domainRowsOf.add(
                  new Row(
                      person,
                      Map.of("baseline", baselines.getOrDefault(person, "no-barc-10")),
                      Set.of("domain-" + domain),
                      Map.of("change-" + domain, (double) (last.value() - first.value()))));
            }
          });
      domainRows += domainRowsOf.size();
      expected.median("change-" + domain, domainRowsOf, "change-" + domain, strata);
    }
    assertThat(domainRows).isGreaterThan(8);
    assertThat(ExpectedReport.cellsOf(report(ADMIN, M1))).isEqualTo(expected.cells());
  }

  // M4 by direct counting over the generated releases.
  private List<Row> moudRows() {
    List<Row> rows = new ArrayList<>();
    for (MoudRelease r : population.moudReleases) {
      if (!r.onMoud()
          || r.release().isBefore(java.time.LocalDate.parse("2034-03-01"))
          || r.release().isAfter(java.time.LocalDate.parse("2034-05-31"))) {
        continue;
      }
      Instant releaseStart = r.release().atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant endOfDay14 = releaseStart.plus(Duration.ofDays(15));
      Set<String> facts = new LinkedHashSet<>(List.of("denominator"));
      if (r.referralAccepted() != null
          && !r.referralAccepted().isBefore(releaseStart.minus(Duration.ofDays(90)))
          && r.referralAccepted().isBefore(endOfDay14)) {
        facts.add("by-referral");
      }
      if ((r.community().equals("provider-request") || r.community().equals("provider-statement"))
          && !r.communityAt().isBefore(releaseStart)
          && r.communityAt().isBefore(endOfDay14)) {
        facts.add("by-medication");
      }
      if (facts.contains("by-referral") || facts.contains("by-medication")) {
        facts.add("continued");
      }
      rows.add(
          new Row(
              r.patient(),
              Map.of("release-type", r.releaseType(), "provider", r.provider()),
              facts,
              Map.of()));
    }
    return rows;
  }

  @Test
  void moudContinuityMatchesTheGeneratedPopulation() throws Exception {
    List<Row> rows = moudRows();
    assertThat(rows.size()).isGreaterThan(10);
    assertThat(rows.stream().filter(r -> r.facts().contains("continued")).count())
        .isBetween(1L, rows.size() - 1L);
    List<String> strata = List.of("release-type", "provider");
    Map<String, String> expected =
        new ExpectedReport(false)
            .proportion("moud-continued", rows, "denominator", "continued", strata)
            .proportion("continued-by-referral", rows, "denominator", "by-referral", strata)
            .proportion("continued-by-medication", rows, "denominator", "by-medication", strata)
            .cells();
    assertThat(ExpectedReport.cellsOf(report(ADMIN, M4))).isEqualTo(expected);
  }

  // M5 by direct counting over the generated referrals and outcomes.
  private List<Row> reintegrationRows(Set<String> visible) {
    Instant from = Instant.parse("2035-03-01T00:00:00Z");
    Instant until = Instant.parse("2035-06-01T00:00:00Z");
    List<Row> rows = new ArrayList<>();
    for (Reintegrating r : population.reintegrating) {
      Outcome housing = sentIn(r.housing(), from, until, visible);
      Outcome employment = sentIn(r.employment(), from, until, visible);
      if (housing == null && employment == null) {
        continue;
      }
      Set<String> facts = new LinkedHashSet<>(List.of("denominator"));
      if (housing != null) {
        facts.add("referred-housing");
        if (reached(housing, Set.of("task-placed", "observation-permanent"), 90, visible)) {
          facts.add("housed");
        }
      }
      if (employment != null) {
        facts.add("referred-employment");
        if (reached(employment, Set.of("task-started", "observation-employed"), 180, visible)) {
          facts.add("employed");
        }
      }
      if (facts.contains("housed") || facts.contains("employed")) {
        facts.add("reintegrated");
      }
      String referredTo =
          housing != null && employment != null
              ? "housing-and-employment"
              : housing != null ? "housing" : "employment";
      rows.add(new Row(r.patient(), Map.of("referred-to", referredTo), facts, Map.of()));
    }
    return rows;
  }

  private static Outcome sentIn(Outcome o, Instant from, Instant until, Set<String> visible) {
    return o != null
            && !o.sent().isBefore(from)
            && o.sent().isBefore(until)
            && (visible == null || (visible.contains(o.task()) && visible.contains(o.referral())))
        ? o
        : null;
  }

  private static boolean reached(Outcome o, Set<String> kinds, int days, Set<String> visible) {
    if (!kinds.contains(o.kind())
        || (visible != null
            && !visible.contains(o.observation() != null ? o.observation() : o.task()))) {
      return false;
    }
    java.time.LocalDate sent = o.sent().atZone(ZoneOffset.UTC).toLocalDate();
    java.time.LocalDate at = o.at().atZone(ZoneOffset.UTC).toLocalDate();
    return !at.isBefore(sent) && !at.isAfter(sent.plusDays(days));
  }

  private static Map<String, String> reintegrationExpected(boolean suppress, List<Row> rows) {
    List<String> strata = List.of("referred-to");
    return new ExpectedReport(suppress)
        .proportion("reintegrated", rows, "denominator", "reintegrated", strata)
        .proportion("housed", rows, "referred-housing", "housed", strata)
        .proportion("employed", rows, "referred-employment", "employed", strata)
        .cells();
  }

  @Test
  void reintegrationMatchesTheGeneratedPopulation() throws Exception {
    List<Row> rows = reintegrationRows(null);
    assertThat(rows.size()).isGreaterThan(20);
    assertThat(rows.stream().filter(r -> r.facts().contains("housed")).count()).isPositive();
    assertThat(rows.stream().filter(r -> r.facts().contains("employed")).count()).isPositive();
    assertThat(ExpectedReport.cellsOf(report(ADMIN, M5)))
        .isEqualTo(reintegrationExpected(false, rows));
  }

  /**
   * The analyst sees what an ordinary search shows it (housing and employment records carry no SUD
   * label, so all of them here), with counts from 1 to 10 masked and the scores built on them too.
   */
  @Test
  void reintegrationForTheAnalystSuppressesCountsFromOneToTen() throws Exception {
    Set<String> visible = new TreeSet<>();
    for (String type : List.of("Task", "ServiceRequest", "Observation")) {
      visible.addAll(visibleAs(ANALYST, type));
    }
    List<Row> rows = reintegrationRows(visible);
    assertThat(rows.size()).isGreaterThan(10);
    Map<String, String> expected = reintegrationExpected(true, rows);
    assertThat(expected).containsValue("masked");
    assertThat(expected.values().stream().filter(v -> !v.equals("masked") && !v.contains(".")))
        .isNotEmpty();
    assertThat(ExpectedReport.cellsOf(report(ANALYST, M5))).isEqualTo(expected);
  }

  // Subject lists for care teams: only the people they have consent for.
  @Test
  void aCareTeamSubjectListNamesOnlyThePeopleWhoseConsentPermitsIt() throws Exception {
    List<Row> rows = moudRows();
    Set<String> consented = new TreeSet<>();
    for (int i = 0; i < rows.size(); i += 2) {
      consented.add(rows.get(i).subject());
    }
    organization("continuum-gateway");
    organization("demo-treatment");
    for (String person : consented) {
      fhir()
          .create()
          .resource(
              ConsentFixtures.consent(
                  person.substring("Patient/".length()),
                  "2020-01-01",
                  "2040-12-31",
                  new String[] {"Organization/demo-treatment"},
                  "TREAT"))
          .execute();
    }
    MeasureReport report = report(CARE_TEAM, M4 + "&reportType=subject-list");
    assertThat(report.getType()).isEqualTo(MeasureReport.MeasureReportType.SUBJECTLIST);
    Set<String> denominator =
        new TreeSet<>(rows.stream().map(Row::subject).filter(consented::contains).toList());
    Set<String> numerator =
        new TreeSet<>(
            rows.stream()
                .filter(r -> r.facts().contains("continued"))
                .map(Row::subject)
                .filter(consented::contains)
                .toList());
    assertThat(denominator.size()).isLessThan(rows.size());
    assertThat(listed(report, "moud-continued", "denominator"))
        .containsExactlyElementsOf(denominator);
    assertThat(listed(report, "moud-continued", "numerator")).containsExactlyElementsOf(numerator);
  }

  /** The consent's parties, stored unless they already are (demo data may hold them). */
  private void organization(String id) {
    try {
      fhir().read().resource(Organization.class).withId(id).execute();
    } catch (ResourceNotFoundException absent) {
      Organization organization = new Organization();
      organization.setId(id);
      organization.setName(id);
      fhir().update().resource(organization).execute();
    }
  }

  @Test
  void aSubjectListForAPartnerIsForbidden() throws Exception {
    // a partner is refused Measures altogether, before the report type is looked at
    assertOutcome("demo-housing", M5 + "&reportType=subject-list", 403, "may not access Measure");
  }

  private static List<String> listed(MeasureReport report, String group, String population) {
    MeasureReport.MeasureReportGroupPopulationComponent found =
        report.getGroup().stream()
            .filter(g -> g.getCode().getCodingFirstRep().getCode().equals(group))
            .flatMap(g -> g.getPopulation().stream())
            .filter(p -> p.getCode().getCodingFirstRep().getCode().equals(population))
            .findFirst()
            .orElseThrow();
    String listId = found.getSubjectResults().getReference().substring(1);
    ListResource list =
        (ListResource)
            report.getContained().stream()
                .filter(r -> r.getIdElement().getIdPart().equals(listId))
                .findFirst()
                .orElseThrow();
    return list.getEntry().stream().map(e -> e.getItem().getReference()).toList();
  }

  // The scheduled evaluation: one stored report per measure and period, replaced when re-run.
  @Test
  void theScheduledEvaluationStoresTheAnalystsMonthlySeriesAndReplacesAPeriodsReportWhenReRun()
      throws Exception {
    ScheduledMeasureEvaluation schedule =
        new ScheduledMeasureEvaluation(
            new MeasureScheduleProperties(
                true, null, "month", 2, List.of("closed-loop-referrals"), true),
            evaluator,
            daos,
            Clock.fixed(Instant.parse("2031-04-15T02:30:00Z"), ZoneOffset.UTC));
    int audited = audits();
    assertThat(schedule.run())
        .containsExactly(
            "MeasureReport/closed-loop-referrals-2031-03-01-2031-03-31",
            "MeasureReport/closed-loop-referrals-2031-04-01-2031-04-30");
    assertThat(schedule.run()).hasSize(2);
    assertThat(audits()).isEqualTo(audited + 4);
    Bundle series =
        fhir()
            .search()
            .byUrl(
                "MeasureReport?measure=https://continuumcare.org/fhir/Measure/closed-loop-referrals"
                    + "&period=ge2031-03-01&period=le2031-04-30&_sort=period")
            .returnBundle(Bundle.class)
            .execute();
    assertThat(series.getEntry()).hasSize(2);
    String[][] months = {
      {"2031-03-01T00:00:00Z", "2031-04-01T00:00:00Z"},
      {"2031-04-01T00:00:00Z", "2031-05-01T00:00:00Z"}
    };
    for (int m = 0; m < 2; m++) {
      MeasureReport stored = (MeasureReport) series.getEntry().get(m).getResource();
      // Re-run, a period's report is updated in place (the series above still has one per period);
      // an unchanged report within the same second is a no-op update, so its version is 1 or 2.
      assertThat(stored.getMeta().getVersionId()).isIn("1", "2");
      assertThat(stored.getPeriod().getStartElement().getValueAsString())
          .isEqualTo(months[m][0].substring(0, 10));
      List<Row> rows =
          closedLoopRows(
              visibleAs(ANALYST, "Task"),
              visibleAs(ANALYST, "ServiceRequest"),
              Instant.parse(months[m][0]),
              Instant.parse(months[m][1]));
      assertThat(ExpectedReport.cellsOf(stored)).isEqualTo(closedLoopExpected(true, rows));
    }
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
    assertOutcome(
        ANALYST, M2 + "&reportType=subject-list", 403, "administrators and care-team clients only");
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
