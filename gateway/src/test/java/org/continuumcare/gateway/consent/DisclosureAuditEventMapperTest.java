package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class DisclosureAuditEventMapperTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private final DisclosureAuditEventMapper mapper =
      new DisclosureAuditEventMapper(Clock.fixed(NOW, ZoneOffset.UTC), "continuum-gateway");

  @Test
  void disclosureNamesRecipientClientPurposePatientRecordsAndConsent() {
    AuditEvent event =
        mapper.toAuditEvent(
            new Disclosure(
                Disclosure.READ,
                "search-type",
                "demo-housing",
                "demo-housing",
                "COC",
                "p1",
                true,
                List.of("Observation/o1/_history/1", "Condition/c1/_history/2"),
                Set.of("Consent/k1"),
                Set.of(),
                "req-1"));

    assertThat(event.getType().getCode()).isEqualTo("110106");
    assertThat(event.getSubtype())
        .extracting(c -> c.getCode())
        .containsExactly("disclosure", "search-type");
    assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
    assertThat(event.getRecorded().toInstant()).isEqualTo(NOW);
    assertThat(event.getPurposeOfEventFirstRep().getCodingFirstRep().getCode()).isEqualTo("COC");
    assertThat(event.getAgentFirstRep().getWho().getIdentifier().getValue())
        .isEqualTo("demo-housing");
    assertThat(event.getAgentFirstRep().getAltId()).isEqualTo("demo-housing");
    assertThat(event.getAgentFirstRep().getRequestor()).isTrue();
    assertThat(event.getAgent().get(1).getWho().getIdentifier().getValue())
        .isEqualTo("continuum-gateway");
    assertThat(event.getEntity())
        .extracting(e -> e.getWhat().getReference())
        .containsSubsequence(
            "Patient/p1", "Observation/o1/_history/1", "Condition/c1/_history/2", "Consent/k1");
    assertThat(event.getEntity().get(1).getSecurityLabel())
        .extracting(c -> c.getCode())
        .containsExactly("42CFRPart2", "NORDSCLCD");
    assertThat(event.getOutcomeDesc())
        .isEqualTo("2 SUD records disclosed to Organization/demo-housing for COC under Consent/k1");
  }

  @Test
  void denialHasMinorFailureOutcomeAndTheReasonWithoutConsent() {
    AuditEvent event =
        mapper.toAuditEvent(
            new Disclosure(
                Disclosure.RELAY,
                "relay",
                null,
                "demo-employment",
                "COC",
                "p1",
                false,
                List.of("ServiceRequest/s1/_history/1"),
                Set.of(),
                Set.of("no consent for disclosure"),
                null));

    assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
    assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.E);
    assertThat(event.getSubtype()).extracting(c -> c.getCode()).containsExactly("denial");
    assertThat(event.getOutcomeDesc())
        .isEqualTo(
            "1 SUD record withheld from Organization/demo-employment for COC: no consent for disclosure");
    assertThat(event.getEntity())
        .extracting(e -> e.getWhat())
        .extracting(Reference::getReference)
        .containsExactly("Patient/p1", "ServiceRequest/s1/_history/1");
  }

  @Test
  void aDisclosureJournaledEarlierKeepsItsTimeAndNamesRecordsNoLongerStoredByText() {
    Instant disclosedAt = Instant.parse("2026-11-25T11:59:58Z");
    AuditEvent event =
        mapper.toAuditEvent(
            new Disclosure(
                Disclosure.READ,
                "read",
                "demo-ehr",
                "demo-treatment",
                "TREAT",
                "p1",
                true,
                List.of("Observation/o1/_history/1"),
                Set.of("Consent/k1"),
                Set.of(),
                null),
            disclosedAt,
            DisclosureAuditEventMapper.Linking.PATIENT);

    assertThat(event.getRecorded().toInstant()).isEqualTo(disclosedAt);
    assertThat(event.getEntity().get(0).getWhat().getReference()).isEqualTo("Patient/p1");
    assertThat(event.getEntity().subList(1, 3))
        .allSatisfy(
            e -> {
              assertThat(e.getWhat().hasReference()).isFalse();
              assertThat(e.getWhat().getIdentifier().getSystem())
                  .isEqualTo(DisclosureAuditEventMapper.UNRESOLVED_REFERENCE);
            })
        .extracting(e -> e.getWhat().getDisplay())
        .containsExactly("Observation/o1/_history/1", "Consent/k1");
  }
}
