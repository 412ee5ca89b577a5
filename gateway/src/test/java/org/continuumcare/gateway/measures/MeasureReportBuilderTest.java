package org.continuumcare.gateway.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.MeasureReport;
import org.junit.jupiter.api.Test;

class MeasureReportBuilderTest {

  private static final MeasurePeriod PERIOD = MeasurePeriod.parse("2031-01-01", "2031-12-31");

  /** 12 cases at partner a (3 completed), 2 at partner b (1 completed). */
  private static List<MeasureCase> cases() {
    List<MeasureCase> cases = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      boolean completed = i < 3 || i == 12;
      cases.add(
          new MeasureCase(
              "Patient/" + i,
              completed
                  ? Set.of("initial-population", "denominator", "completed")
                  : Set.of("initial-population", "denominator"),
              Map.of(),
              Map.of("partner", i < 12 ? "a" : "b", "category", "x")));
    }
    return cases;
  }

  private static MeasureReport build(boolean suppress) {
    return new MeasureReportBuilder(suppress, false)
        .build(
            "https://m",
            MeasureReport.MeasureReportType.SUMMARY,
            PERIOD,
            new ClosedLoopReferrals(),
            cases(),
            new Date(0));
  }

  @Test
  void anAdministratorsSummaryShowsEveryCountAndScore() {
    MeasureReport.MeasureReportGroupComponent closed = build(false).getGroupFirstRep();
    assertThat(closed.getPopulation()).extracting(p -> p.getCount()).containsExactly(14, 14, 4);
    assertThat(closed.getMeasureScore().getValue()).isEqualByComparingTo("0.2857");
  }

  @Test
  void countsFromOneToTenAreMaskedAndSoIsAScoreBuiltOnThem() {
    MeasureReport.MeasureReportGroupComponent closed = build(true).getGroupFirstRep();
    assertThat(closed.getPopulation().get(0).getCount()).isEqualTo(14);
    assertThat(closed.getPopulation().get(2).hasCount()).isFalse();
    assertThat(closed.getPopulation().get(2).getExtensionFirstRep().getValue().primitiveValue())
        .isEqualTo("masked");
    assertThat(closed.getMeasureScore().hasValue()).isFalse();
    assertThat(closed.getMeasureScore().getExtensionFirstRep().getValue().primitiveValue())
        .isEqualTo("masked");
    MeasureReport.StratifierGroupComponent partnerB =
        closed.getStratifierFirstRep().getStratum().get(1);
    assertThat(partnerB.getValue().getText()).isEqualTo("b");
    assertThat(partnerB.getPopulation()).allMatch(p -> !p.hasCount());
  }

  @Test
  void aSingleMaskedStratumMasksTheSmallestOtherSoItCannotBeWorkedOutFromTheTotal() {
    MeasureReport.MeasureReportGroupComponent closed = build(true).getGroupFirstRep();
    MeasureReport.StratifierGroupComponent partnerA =
        closed.getStratifierFirstRep().getStratum().get(0);
    assertThat(partnerA.getValue().getText()).isEqualTo("a");
    // 12 of 14 would give away partner b's 2 next to the group's 14: masked as well
    assertThat(partnerA.getPopulation().get(0).hasCount()).isFalse();
    assertThat(partnerA.getPopulation().get(1).hasCount()).isFalse();
    assertThat(partnerA.getMeasureScore().getExtensionFirstRep().getValue().primitiveValue())
        .isEqualTo("masked");
    // the category stratifier has one stratum, the group's own counts: nothing to complement
    MeasureReport.StratifierGroupComponent category =
        closed.getStratifier().get(1).getStratum().get(0);
    assertThat(category.getPopulation().get(0).getCount()).isEqualTo(14);
  }

  @Test
  void twoMaskedStrataNeedNoComplement() {
    List<MeasureCase> cases = new ArrayList<>(cases());
    for (int i = 14; i < 17; i++) {
      cases.add(
          new MeasureCase(
              "Patient/" + i,
              Set.of("initial-population", "denominator"),
              Map.of(),
              Map.of("partner", "c", "category", "x")));
    }
    MeasureReport report =
        new MeasureReportBuilder(true, false)
            .build(
                "https://m",
                MeasureReport.MeasureReportType.SUMMARY,
                PERIOD,
                new ClosedLoopReferrals(),
                cases,
                new Date(0));
    MeasureReport.StratifierGroupComponent partnerA =
        report.getGroupFirstRep().getStratifierFirstRep().getStratum().get(0);
    assertThat(partnerA.getValue().getText()).isEqualTo("a");
    assertThat(partnerA.getPopulation().get(0).getCount()).isEqualTo(12);
  }

  @Test
  void aZeroCountIsShownEvenWhenSuppressing() {
    MeasureReport.MeasureReportGroupComponent rejected = build(true).getGroup().get(1);
    assertThat(rejected.getPopulation().get(2).getCount()).isZero();
  }

  @Test
  void aPeriodEndingBeforeItStartsOrAMalformedDateIsBadInput() {
    assertThatThrownBy(() -> MeasurePeriod.parse("2031-05-01", "2031-04-30"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("before periodStart");
    assertThatThrownBy(() -> MeasurePeriod.parse("2031-02-30", "2031-04-30"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("is not a date");
  }
}
