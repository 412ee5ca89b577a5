package org.continuumcare.routes.prison;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class HandoffRelayPriorityTest {

  private static final Identifier HANDOFF =
      new Identifier().setSystem(PrisonFhir.HANDOFF_IDENTIFIER_SYSTEM).setValue("h-task-treatment");
  private final HandoffRelayPriority utc = new HandoffRelayPriority(ZoneId.of("UTC"));

  @Test
  void aHandoffReferralIsDueByTheStartOfItsReleaseDay() {
    ServiceRequest referral = new ServiceRequest().addIdentifier(HANDOFF.copy());
    referral.setOccurrence(new DateTimeType("2026-12-15"));

    assertThat(utc.deliverBy(referral)).hasValue(Instant.parse("2026-12-15T00:00:00Z"));
    assertThat(new HandoffRelayPriority(ZoneId.of("America/Chicago")).deliverBy(referral))
        .hasValue(Instant.parse("2026-12-15T06:00:00Z"));
  }

  @Test
  void aHandoffTaskIsDueByTheStartOfItsRestrictionPeriod() {
    Task task = new Task().addIdentifier(HANDOFF.copy());
    task.getRestriction().setPeriod(new Period().setStartElement(new DateTimeType("2026-12-16")));

    assertThat(utc.deliverBy(task)).hasValue(Instant.parse("2026-12-16T00:00:00Z"));
  }

  @Test
  void theHandoffCompositionIsDueAMinuteBeforeTheReferralsOfItsReleaseDay() {
    Composition composition = new Composition().setIdentifier(HANDOFF.copy());
    Extension release = composition.addExtension().setUrl(PrisonFhir.EXT_RELEASE_DATE);
    release.addExtension("date", new DateType("2026-12-17"));
    ServiceRequest referral = new ServiceRequest().addIdentifier(HANDOFF.copy());
    referral.setOccurrence(new DateTimeType("2026-12-17"));

    assertThat(utc.deliverBy(composition)).hasValue(Instant.parse("2026-12-16T23:59:00Z"));
    assertThat(utc.deliverBy(composition).orElseThrow())
        .isBefore(utc.deliverBy(referral).orElseThrow());
  }

  @Test
  void resourcesThatAreNotPartOfAHandoffHaveNoDeadline() {
    ServiceRequest other =
        new ServiceRequest().addIdentifier(new Identifier().setSystem("urn:x").setValue("1"));
    other.setOccurrence(new DateTimeType("2026-12-15"));

    assertThat(utc.deliverBy(other)).isEmpty();
    assertThat(utc.deliverBy(new Task().addIdentifier(HANDOFF.copy())))
        .as("no restriction period")
        .isEmpty();
    assertThat(utc.deliverBy(new Patient())).isEmpty();
  }
}
