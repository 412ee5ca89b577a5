package org.continuumcare.gateway.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.jpa.interceptor.JpaPreResourceAccessDetails;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.SimplePreResourceAccessDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.continuumcare.gateway.security.Caller;
import org.continuumcare.gateway.security.SmartScopes;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class ExportFileGuardTest {

  private static final Instant WRITTEN = Instant.parse("2026-11-01T10:00:00Z");
  private static final ExportProperties PROPERTIES = new ExportProperties(Duration.ofHours(2));

  private static ExportFileGuard guardAt(Instant now) {
    return new ExportFileGuard(null, PROPERTIES, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static Binary file(String owner) {
    Binary binary = new Binary().setContentType("application/fhir+ndjson");
    binary.setSecurityContext(
        new Reference()
            .setIdentifier(new Identifier().setSystem(ExportFiles.OWNER_SYSTEM).setValue(owner)));
    binary.getMeta().setLastUpdated(Date.from(WRITTEN));
    return binary;
  }

  private static ServletRequestDetails requestOf(String clientId, Caller.Access access) {
    ServletRequestDetails request = new ServletRequestDetails();
    Caller.bind(
        request,
        new Caller(
            clientId, "continuum-gateway", access, "HOPERAT", SmartScopes.parse("system/*.rs")));
    return request;
  }

  private static boolean shown(
      ExportFileGuard guard, Binary file, ca.uhn.fhir.rest.api.server.RequestDetails request) {
    SimplePreResourceAccessDetails details = new SimplePreResourceAccessDetails(List.of(file));
    guard.hideOthersFiles(details, request);
    return !details.isDontReturnResourceAtIndex(0);
  }

  @Test
  void theOwnerReadsItsFileWithinTheRetention() {
    assertThat(
            shown(
                guardAt(WRITTEN.plus(Duration.ofMinutes(119))),
                file("demo-analyst"),
                requestOf("demo-analyst", Caller.Access.ANALYST)))
        .isTrue();
  }

  @Test
  void theFileIsGoneForTheOwnerOnceTheRetentionHasPassed() {
    assertThat(
            shown(
                guardAt(WRITTEN.plus(Duration.ofMinutes(121))),
                file("demo-analyst"),
                requestOf("demo-analyst", Caller.Access.ANALYST)))
        .isFalse();
  }

  @Test
  void anotherClientAndEvenAnAdministratorDoNotSeeTheFile() {
    ExportFileGuard guard = guardAt(WRITTEN);
    assertThat(shown(guard, file("demo-analyst"), requestOf("demo-ehr", Caller.Access.CARE_TEAM)))
        .isFalse();
    assertThat(shown(guard, file("demo-analyst"), requestOf("demo-admin", Caller.Access.ADMIN)))
        .isFalse();
  }

  @Test
  void anHttpRequestWithoutACallerDoesNotSeeTheFile() {
    assertThat(shown(guardAt(WRITTEN), file("demo-analyst"), new ServletRequestDetails()))
        .isFalse();
  }

  @Test
  void theGatewaysOwnWorkAndOtherBinariesAreUntouched() {
    ExportFileGuard guard = guardAt(WRITTEN.plus(Duration.ofDays(30)));
    assertThat(shown(guard, file("demo-analyst"), new SystemRequestDetails())).isTrue();
    assertThat(
            shown(
                guard,
                new Binary().setContentType("text/plain"),
                requestOf("demo-ehr", Caller.Access.CARE_TEAM)))
        .isTrue();
  }

  private static JpaPreResourceAccessDetails unloadedMatches(AtomicInteger loads) {
    return new JpaPreResourceAccessDetails(
        List.of(JpaPid.fromId(1L)),
        () -> {
          loads.incrementAndGet();
          throw new IllegalStateException("loaded");
        });
  }

  private static ServletRequestDetails typeSearch(String type) {
    ServletRequestDetails request = requestOf("demo-ehr", Caller.Access.CARE_TEAM);
    request.setRestOperationType(RestOperationTypeEnum.SEARCH_TYPE);
    request.setResourceName(type);
    return request;
  }

  @Test
  void theMatchesOfASearchOfAnotherTypeAreNotLoadedToLookForFiles() {
    AtomicInteger loads = new AtomicInteger();
    JpaPreResourceAccessDetails details = unloadedMatches(loads);
    guardAt(WRITTEN).hideOthersFiles(details, typeSearch("Observation"));
    assertThat(loads).hasValue(0);
    assertThat(details.isDontReturnResourceAtIndex(0)).isFalse();
  }

  @Test
  void theMatchesOfABinarySearchAreLoadedAndChecked() {
    AtomicInteger loads = new AtomicInteger();
    JpaPreResourceAccessDetails details = unloadedMatches(loads);
    assertThatThrownBy(() -> guardAt(WRITTEN).hideOthersFiles(details, typeSearch("Binary")))
        .hasMessage("loaded");
    assertThat(loads).hasValue(1);
  }

  @Test
  void retentionIsRoundedUpToWholeHoursForHapisPurge() {
    assertThat(new ExportProperties(Duration.ofMinutes(90)).retentionHours()).isEqualTo(2);
    assertThat(new ExportProperties(Duration.ofHours(24)).retentionHours()).isEqualTo(24);
    assertThat(new ExportProperties(Duration.ofSeconds(1)).retentionHours()).isEqualTo(1);
  }
}
