package org.continuumcare.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.gateway.support.GatewayIntegrationTest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The accounting of disclosures leaves the request thread through a durable journal: a search
 * journals its disclosures, the background drainer (stopped here, so the journal rows stay) stores
 * them as AuditEvents, {@code $disclosures} lists them even before it has, a row left undrained is
 * stored after the next start, and no disclosure is ever stored twice.
 */
class DisclosureJournalIT extends GatewayIntegrationTest {

  private static final String EHR = "demo-ehr";
  private static final String DRAINER = DisclosureAuditRoute.ROUTE_ID + "-1";

  @Autowired CamelContext camel;
  @Autowired DataSource dataSource;
  @Autowired DisclosureJournal journal;
  @Autowired DisclosureTrail trail;
  @Autowired DaoRegistry daos;
  @Autowired IFhirSystemDao<Bundle, Meta> systemDao;
  @Autowired PlatformTransactionManager transactions;

  private String patientId;
  private String medicationId;

  @BeforeEach
  void prisonRecordConsentedToTheTreatmentProviderAndTheDrainerStopped() throws Exception {
    for (String id : List.of("demo-prison", "demo-treatment", "continuum-gateway")) {
      Organization organization = new Organization().setName(id);
      organization.setId(id);
      fhir().update().resource(organization).execute();
    }
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(uniqueSystem()).setValue("p");
    patientId = fhir().create().resource(patient).execute().getId().getIdPart();
    medicationId =
        fhir()
            .create()
            .resource(
                new MedicationStatement()
                    .setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE)
                    .setMedication(
                        new CodeableConcept(
                            new Coding(
                                "http://www.nlm.nih.gov/research/umls/rxnorm", "1819", null)))
                    .setSubject(new Reference("Patient/" + patientId))
                    .setInformationSource(new Reference("Organization/demo-prison")))
            .execute()
            .getId()
            .getIdPart();
    Consent consent =
        ConsentFixtures.consent(
            patientId,
            "2026-01-01",
            "2099-12-31",
            new String[] {"Organization/demo-treatment"},
            "TREAT");
    consent.getOrganizationFirstRep().setReference("Organization/demo-prison");
    fhir().create().resource(consent).execute();
    camel.getRouteController().stopRoute(DRAINER);
  }

  @AfterEach
  void drainerRunning() throws Exception {
    camel.getRouteController().startRoute(DRAINER);
  }

  /**
   * The EHR's search; returns once its disclosure is journaled (the request journals after its
   * response is sent).
   */
  private void ehrSearches() {
    Bundle page =
        fhirAs(EHR)
            .search()
            .forResource(MedicationStatement.class)
            .where(MedicationStatement.PATIENT.hasId(patientId))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(page.getEntry()).hasSize(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> journaled() == 1);
  }

  private long journaled() {
    Long n =
        new JdbcTemplate(dataSource)
            .queryForObject(
                "select count(*) from continuum_disclosure_journal where patient_id = ?",
                Long.class,
                patientId);
    return n == null ? 0 : n;
  }

  /** The patient's disclosure AuditEvents as stored (a DAO search: it drains nothing). */
  private List<AuditEvent> stored() {
    SearchParameterMap params =
        SearchParameterMap.newSynchronous()
            .add(AuditEvent.SP_PATIENT, new ReferenceParam("Patient/" + patientId))
            .add(
                AuditEvent.SP_SUBTYPE,
                new TokenParam(DisclosureAuditEventMapper.SUBTYPE_SYSTEM, "disclosure"));
    List<AuditEvent> events = new ArrayList<>();
    for (IBaseResource event :
        daos.getResourceDao(AuditEvent.class)
            .searchForResources(params, new SystemRequestDetails())) {
      events.add((AuditEvent) event);
    }
    return events;
  }

  private List<AuditEvent> listed() {
    Bundle bundle =
        fhirAs(EHR)
            .operation()
            .onInstance("Patient/" + patientId)
            .named("$disclosures")
            .withNoParameters(org.hl7.fhir.r4.model.Parameters.class)
            .returnResourceType(Bundle.class)
            .useHttpGet()
            .execute();
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(AuditEvent.class::isInstance)
        .map(AuditEvent.class::cast)
        .toList();
  }

  private Disclosure disclosureOf(String record) {
    return new Disclosure(
        Disclosure.READ,
        "search-type",
        EHR,
        "demo-treatment",
        "TREAT",
        patientId,
        true,
        List.of(record),
        Set.of(),
        Set.of(),
        null);
  }

  @Test
  void aSearchsDisclosureIsJournaledAndListedByDisclosuresBeforeTheDrainerStoresIt() {
    ehrSearches();

    assertThat(stored()).isEmpty();

    assertThat(listed())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getAgentFirstRep().getAltId()).isEqualTo(EHR);
              assertThat(event.getEntity())
                  .extracting(e -> e.getWhat().getReference())
                  .contains("MedicationStatement/" + medicationId + "/_history/1");
            });
    assertThat(journaled()).isZero();
    assertThat(listed()).hasSize(1);
    assertThat(stored()).hasSize(1);
  }

  @Test
  void aJournalRowLeftUndrainedIsStoredOnceAfterTheNextStart() throws Exception {
    ehrSearches();

    // The next start: a drainer with nothing in memory, over the same database.
    DisclosureTrail afterRestart =
        new DisclosureTrail(
            systemDao,
            new DisclosureAuditEventMapper(Clock.systemUTC(), Caller.GATEWAY_ORGANIZATION),
            new DisclosureJournal(dataSource, new ObjectMapper()),
            transactions);
    int drained = 0;
    for (int n; (n = afterRestart.drainNext()) > 0; ) {
      drained += n;
    }

    assertThat(drained).isPositive();
    assertThat(journaled()).isZero();
    assertThat(afterRestart.drainAll()).isZero();
    assertThat(stored()).singleElement().satisfies(e -> assertThat(e.getRecorded()).isNotNull());
  }

  @Test
  void drainersRunningSideBySideStoreEachDisclosureExactlyOnce() throws Exception {
    String record = "MedicationStatement/" + medicationId + "/_history/1";
    List<Disclosure> disclosures = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      disclosures.add(disclosureOf(record));
    }
    journal.append(disclosures, Instant.parse("2026-12-01T10:00:00Z"));

    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Callable<Integer>> drainers =
          List.of(
              () -> {
                int total = 0;
                for (int n; (n = trail.drainNext()) > 0; ) {
                  total += n;
                }
                return total;
              },
              () -> trail.drainPatient(patientId),
              trail::drainAll);
      int total = 0;
      for (Future<Integer> done : pool.invokeAll(drainers)) {
        total += done.get();
      }
      assertThat(total).isGreaterThanOrEqualTo(40);
    } finally {
      pool.shutdownNow();
    }

    assertThat(journaled()).isZero();
    assertThat(stored())
        .hasSize(40)
        .allSatisfy(
            e ->
                assertThat(e.getRecorded().toInstant())
                    .isEqualTo(Instant.parse("2026-12-01T10:00:00Z")));
  }

  @Test
  void aDisclosureOfARecordGoneBeforeItsAccountingIsStoredIsStillListed() {
    journal.append(
        List.of(disclosureOf("MedicationStatement/no-such-record/_history/1")),
        Instant.parse("2026-12-01T10:00:00Z"));

    assertThat(listed())
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.getEntity())
                    .anySatisfy(
                        e -> {
                          assertThat(e.getWhat().getDisplay())
                              .isEqualTo("MedicationStatement/no-such-record/_history/1");
                          assertThat(e.getWhat().getIdentifier().getSystem())
                              .isEqualTo(DisclosureAuditEventMapper.UNRESOLVED_REFERENCE);
                        }));
    assertThat(journaled()).isZero();
  }
}
