package org.continuumcare.gateway.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.gateway.security.SmartScopes;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class ViewAuditEventMapperTest {

  private static final Instant NOW = Instant.parse("2026-12-05T05:00:00Z");
  private static final Caller ANALYST =
      new Caller(
          "demo-analyst",
          "continuum-gateway",
          Caller.Access.ANALYST,
          "HOPERAT",
          SmartScopes.parse("system/*.rs"));

  private final ViewAuditEventMapper mapper =
      new ViewAuditEventMapper(Clock.fixed(NOW, ZoneOffset.UTC));

  private static String details(AuditEvent.AuditEventEntityComponent entity) {
    return String.join(
        ",",
        entity.getDetail().stream()
            .map(d -> d.getType() + "=" + ((StringType) d.getValue()).getValue())
            .toList());
  }

  @Test
  void aRunNamesTheCallerTheViewTheRowsReturnedAndTheResourcesWithheld() {
    AuditEvent event =
        mapper.ran(
            false,
            null,
            ANALYST,
            RunFormat.CSV,
            Map.of("ViewDefinition/view-referrals", new ViewRunTally(12, 3)),
            null);

    assertThat(event.getSubtype())
        .extracting(c -> c.getCode())
        .containsExactly("operation", ViewAuditEventMapper.SUBTYPE_RUN);
    assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
    assertThat(event.getRecorded().toInstant()).isEqualTo(NOW);
    assertThat(event.getAgentFirstRep().getAltId()).isEqualTo("demo-analyst");
    assertThat(event.getAgentFirstRep().getWho().getIdentifier().getValue())
        .isEqualTo("continuum-gateway");
    assertThat(event.getAgentFirstRep().getPurposeOfUseFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("HOPERAT");
    assertThat(event.getEntity()).hasSize(1);
    assertThat(event.getEntityFirstRep().getWhat().getDisplay())
        .isEqualTo("ViewDefinition/view-referrals");
    assertThat(details(event.getEntityFirstRep())).isEqualTo("format=csv,rows=12,withheld=3");
    assertThat(event.getOutcomeDesc()).isEqualTo("12 rows returned, 3 resources withheld");
  }

  @Test
  void aCancelledExportNamesItsJobEachViewAndWhyItStopped() {
    Map<String, ViewRunTally> views = new LinkedHashMap<>();
    views.put("moud", new ViewRunTally(1, 1));
    views.put("referrals", new ViewRunTally(5, 0));

    AuditEvent event = mapper.ran(true, "job-1", ANALYST, RunFormat.PARQUET, views, "cancelled");

    assertThat(event.getSubtype().get(1).getCode()).isEqualTo(ViewAuditEventMapper.SUBTYPE_EXPORT);
    assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._8);
    assertThat(event.getOutcomeDesc())
        .isEqualTo("stopped (cancelled): 6 rows returned, 1 resources withheld");
    assertThat(event.getEntity())
        .extracting(e -> e.getWhat().getDisplay())
        .containsExactly("$viewdefinition-export job job-1", "moud", "referrals");
    assertThat(details(event.getEntity().get(0))).isEqualTo("format=parquet");
    assertThat(details(event.getEntity().get(1))).isEqualTo("rows=1,withheld=1");
  }
}
