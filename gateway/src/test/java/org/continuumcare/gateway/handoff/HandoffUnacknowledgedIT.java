package org.continuumcare.gateway.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.apache.camel.CamelContext;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.continuumcare.routes.handoff.HandoffTaskView;
import org.continuumcare.routes.prison.Hl7v2Intake;
import org.continuumcare.routes.prison.PrisonFhir;
import org.continuumcare.routes.prison.PrisonHl7v2Translator;
import org.continuumcare.routes.prison.PrisonProperties;
import org.continuumcare.routes.prison.ReleaseHandoff;
import org.continuumcare.routes.prison.ReleaseHandoffTransactionMapper;
import org.continuumcare.routes.prison.UnacknowledgedHandoffCheck;
import org.continuumcare.routes.prison.UnacknowledgedHandoffRoute;
import org.continuumcare.routes.prison.UnacknowledgedReleasePolicy;
import org.continuumcare.terminology.ContinuumTerminology;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The "not acknowledged before release" flag on stored handoffs: the check (with a clock fixed
 * relative to the handoff's release date) flags the treatment referral Task once, through HAPI's
 * validation, and the gauge and counter show it; the Camel timer route is running.
 */
class HandoffUnacknowledgedIT extends GatewayIntegrationTest {

  @Autowired PrisonProperties properties;
  @Autowired PrisonHl7v2Translator translator;
  @Autowired FhirHandoffTaskStore store;
  @Autowired HandoffAlertMetrics metrics;
  @Autowired MeterRegistry meters;
  @Autowired CamelContext camel;

  @BeforeEach
  void partnersExist() {
    HandoffFixtures.ensureOrganizations(fhir(), properties.handoffDefaults());
  }

  private Task treatmentTask(String handoffId) {
    Bundle found =
        fhir()
            .search()
            .forResource(Task.class)
            .where(
                Task.IDENTIFIER
                    .exactly()
                    .systemAndIdentifier(
                        PrisonFhir.HANDOFF_IDENTIFIER_SYSTEM, handoffId + "-task-treatment"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(found.getEntry()).hasSize(1);
    return (Task) found.getEntryFirstRep().getResource();
  }

  @Test
  void aTreatmentTaskNotAcceptedADayBeforeReleaseIsFlaggedOnceAndCounted() throws Exception {
    String message = HandoffHl7v2IT.withUniquePersonId(HandoffFixtures.sample("ADT-A04-01.hl7"));
    ReleaseHandoff handoff = ((Hl7v2Intake.Translated) translator.translate(message)).handoff();
    String handoffId = ReleaseHandoffTransactionMapper.handoffId(handoff);
    HttpResponse<String> response =
        http(
            request("/api/handoffs/hl7v2")
                .header("Content-Type", "x-application/hl7-v2+er7")
                .POST(HttpRequest.BodyPublishers.ofString(message)));
    assertThat(HandoffHl7v2IT.msa(response.body())[1]).as(response.body()).isEqualTo("AA");
    Task stored = treatmentTask(handoffId);

    HandoffTaskView view =
        store.openHandoffTasks().stream()
            .filter(t -> t.taskId().equals(stored.getIdElement().getIdPart()))
            .findFirst()
            .orElseThrow();
    assertThat(view.releaseDate()).isEqualTo(handoff.releaseDate().date());
    assertThat(view.referralCategories()).contains("treatment-continuation");
    assertThat(view.status()).isEqualTo("requested");

    // 23 hours before the release day starts: within the 24-hour alert.
    Clock dayBefore =
        Clock.fixed(
            view.releaseDate().atStartOfDay(ZoneOffset.UTC).toInstant().minus(Duration.ofHours(23)),
            ZoneOffset.UTC);
    UnacknowledgedHandoffCheck check =
        new UnacknowledgedHandoffCheck(
            store,
            new UnacknowledgedReleasePolicy(Duration.ofHours(24), ZoneOffset.UTC),
            dayBefore,
            metrics);
    double flaggedBefore = meters.counter(HandoffAlertMetrics.FLAGGED).count();

    UnacknowledgedHandoffCheck.Result first = check.run();

    Task flagged = treatmentTask(handoffId);
    assertThat(flagged.getBusinessStatus().getCodingFirstRep().getSystem())
        .isEqualTo(ContinuumTerminology.REFERRAL_BUSINESS_STATUS);
    assertThat(flagged.getBusinessStatus().getCodingFirstRep().getCode())
        .isEqualTo(UnacknowledgedReleasePolicy.NOT_ACKNOWLEDGED);
    assertThat(flagged.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
    assertThat(first.flagged()).isGreaterThanOrEqualTo(1);
    assertThat(meters.counter(HandoffAlertMetrics.FLAGGED).count() - flaggedBefore)
        .isEqualTo(first.flagged());
    assertThat(meters.get(HandoffAlertMetrics.OUTSTANDING).gauge().value())
        .isEqualTo(first.outstanding())
        .isGreaterThanOrEqualTo(1);

    UnacknowledgedHandoffCheck.Result second = check.run();

    assertThat(second.flagged()).isZero();
    assertThat(treatmentTask(handoffId).getMeta().getVersionId())
        .isEqualTo(flagged.getMeta().getVersionId());
    assertThat(meters.get(HandoffAlertMetrics.OUTSTANDING).gauge().value())
        .isEqualTo(second.outstanding());
  }

  @Test
  void theCheckRunsOnACamelTimerRoute() {
    assertThat(camel.getRoute(UnacknowledgedHandoffRoute.ROUTE_ID)).isNotNull();
    assertThat(
            camel
                .getRouteController()
                .getRouteStatus(UnacknowledgedHandoffRoute.ROUTE_ID)
                .isStarted())
        .isTrue();
  }
}
