package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.continuumcare.gateway.consent.DisclosurePolicy.Ruling;
import org.continuumcare.gateway.consent.DisclosurePolicy.Verdict;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.api.Test;

class RecentRulingsTest {

  private static final Ruling NOT_LABELLED =
      new Ruling(Verdict.NOT_LABELLED, Optional.empty(), null);

  @Test
  void aRulingIsRememberedForTheSameResourceObjectOnly() {
    RecentRulings rulings = new RecentRulings(10);
    Condition judged = new Condition();
    judged.setId("Condition/1");
    rulings.put(judged, NOT_LABELLED);

    Condition sameIdOtherObject = new Condition();
    sameIdOtherObject.setId("Condition/1");
    assertThat(rulings.get(judged)).isSameAs(NOT_LABELLED);
    assertThat(rulings.get(sameIdOtherObject)).isNull();
  }

  @Test
  void aRequestThatJudgesAWholePopulationKeepsNoMoreThanTheCapacity() {
    RecentRulings rulings = new RecentRulings(100);
    Condition first = new Condition();
    rulings.put(first, NOT_LABELLED);
    for (int i = 0; i < 1_000; i++) {
      rulings.put(new Condition(), NOT_LABELLED);
      assertThat(rulings.size()).isLessThanOrEqualTo(100);
    }
    assertThat(rulings.get(first)).isNull();
  }

  @Test
  void aCapacityBelowOneIsRefused() {
    assertThatThrownBy(() -> new RecentRulings(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
