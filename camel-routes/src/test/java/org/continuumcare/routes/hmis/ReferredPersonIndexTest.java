package org.continuumcare.routes.hmis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.continuumcare.routes.referral.ReferralFixtures;
import org.continuumcare.routes.referral.ReferralParts;
import org.junit.jupiter.api.Test;

class ReferredPersonIndexTest {

  private static final String HMIS =
      "https://continuumcare.org/fhir/sid/hmis-personal-id/demo-housing";

  private static ReferralParts jordan() {
    return new ReferralParts(
        ReferralFixtures.housingReferral(),
        ReferralFixtures.task("task-h1", "jordan-referral-housing"),
        ReferralFixtures.jordan());
  }

  @Test
  void indexesTheReferralUnderTheIdentifiersItCarriesInTheGivenSystems() {
    ReferredPersonIndex index =
        ReferredPersonIndex.fromReferrals(
            List.of(jordan()), Set.of(HMIS), ZoneId.of("America/New_York"));

    assertThat(index.size()).isEqualTo(1);
    assertThat(index.find(HMIS, "68121"))
        .contains(
            new ReferredPerson(
                "jordan-reyes",
                "jordan-referral-housing",
                "task-h1",
                LocalDate.parse("2026-11-21")));
    // the prison booking number is not an HMIS identifier: it matches nothing in an HMIS export
    assertThat(
            index.find("https://continuumcare.org/fhir/sid/demo-prison-booking", "RCF-2024-00417"))
        .isEmpty();
    assertThat(index.find(HMIS, "2615")).isEmpty();
  }

  @Test
  void oneIdentifierCannotPointAtTwoReferrals() {
    ReferredPersonIndex.Builder b =
        ReferredPersonIndex.builder()
            .add(HMIS, "68121", new ReferredPerson("p", "sr-1", "task-1", null));

    assertThatThrownBy(() -> b.add(HMIS, "68121", new ReferredPerson("p", "sr-2", "task-2", null)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
