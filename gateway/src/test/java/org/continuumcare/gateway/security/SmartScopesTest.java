package org.continuumcare.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.continuumcare.gateway.security.SmartScopes.Permission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmartScopesTest {

  @Test
  void aV2ScopeGrantsExactlyItsLetters() {
    SmartScopes scopes = SmartScopes.parse("system/ServiceRequest.rs");

    assertThat(scopes.allows("ServiceRequest", Permission.READ)).isTrue();
    assertThat(scopes.allows("ServiceRequest", Permission.SEARCH)).isTrue();
    assertThat(scopes.allows("ServiceRequest", Permission.CREATE)).isFalse();
    assertThat(scopes.allows("ServiceRequest", Permission.UPDATE)).isFalse();
    assertThat(scopes.allows("Task", Permission.READ)).isFalse();
  }

  @Test
  void v1ReadAndWriteMapToTheirV2Equivalents() {
    SmartScopes scopes = SmartScopes.parse("system/*.read system/Task.write");

    assertThat(scopes.allows("Condition", Permission.SEARCH)).isTrue();
    assertThat(scopes.allows("Condition", Permission.CREATE)).isFalse();
    assertThat(scopes.allows("Task", Permission.CREATE)).isTrue();
    assertThat(scopes.allows("Task", Permission.UPDATE)).isTrue();
    assertThat(scopes.allows("Task", Permission.DELETE)).isTrue();
  }

  @Test
  void theWildcardTypeCoversEveryType() {
    SmartScopes scopes = SmartScopes.parse(List.of("system/*.cruds"));

    assertThat(scopes.allowsAnyType(Permission.DELETE)).isTrue();
    assertThat(scopes.allows("AnythingAtAll", Permission.UPDATE)).isTrue();
  }

  @Test
  void userScopesAreReadLikeSystemScopes() {
    assertThat(SmartScopes.parse("user/Patient.r").allows("Patient", Permission.READ)).isTrue();
  }

  @Test
  void patientScopesGrantNothingThemselvesAndAreKeptForTheLaunchPatient() {
    SmartScopes scopes = SmartScopes.parse("patient/AuditEvent.rs patient/Observation.read");

    assertThat(scopes.isEmpty()).isTrue();
    assertThat(scopes.allows("AuditEvent", Permission.READ)).isFalse();
    assertThat(scopes.ignored())
        .containsExactly("patient/AuditEvent.rs", "patient/Observation.read");
    assertThat(scopes.allowsForPatient("AuditEvent", Permission.SEARCH)).isTrue();
    assertThat(scopes.allowsForPatient("Observation", Permission.READ)).isTrue();
    assertThat(scopes.allowsForPatient("Patient", Permission.READ)).isFalse();
    assertThat(SmartScopes.parse("patient/*.r").allowsForPatient("AuditEvent", Permission.READ))
        .isTrue();
    assertThat(SmartScopes.parse("system/*.rs").allowsForPatient("AuditEvent", Permission.READ))
        .isFalse();
    assertThat(
            SmartScopes.parse("patient/AuditEvent.xyz")
                .allowsForPatient("AuditEvent", Permission.READ))
        .isFalse();
  }

  @Test
  void onlyTheLaunchPatientsOwnListIsGrantedByPatientScopes() {
    SmartScopes scopes = SmartScopes.parse("patient/AuditEvent.rs");
    Caller app = new Caller("app", null, Caller.Access.PARTNER, "PATRQT", scopes, "p1");

    assertThat(app.readsOwnDisclosures("p1")).isTrue();
    assertThat(app.readsOwnDisclosures("p2")).isFalse();
    assertThat(
            new Caller("app", null, Caller.Access.PARTNER, "PATRQT", scopes)
                .readsOwnDisclosures("p1"))
        .isFalse();
    assertThat(
            new Caller(
                    "app",
                    null,
                    Caller.Access.PARTNER,
                    "PATRQT",
                    SmartScopes.parse("system/*.rs"),
                    "p1")
                .readsOwnDisclosures("p1"))
        .isFalse();
    assertThat(
            new Caller(
                    "app",
                    null,
                    Caller.Access.PARTNER,
                    "PATRQT",
                    SmartScopes.parse("patient/Observation.rs"),
                    "p1")
                .readsOwnDisclosures("p1"))
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "patient/*.read", "system/*.", "system/*.rc", "system/Patient.xyz", "system/patient.read",
        "system/*.cruds' OR '1'='1", "system/Patient.read;DROP", "../*.*", "openid", "system/*.*.*",
        "system/Patient.read\n", "SYSTEM/*.read", "system//*.read"
      })
  void anythingElseGrantsNothingAndIsReported(String scope) {
    SmartScopes scopes = SmartScopes.parse(List.of(scope));

    assertThat(scopes.isEmpty()).isTrue();
    assertThat(scopes.ignored()).containsExactly(scope);
  }

  @Test
  void explicitTypesAreListedWithoutTheWildcard() {
    SmartScopes scopes = SmartScopes.parse("system/Task.cu system/Patient.r system/*.s");

    assertThat(scopes.typesWith(Permission.UPDATE)).containsExactly("Task");
    assertThat(scopes.typesWith(Permission.READ)).containsExactly("Patient");
    assertThat(scopes.allowsAnyType(Permission.SEARCH)).isTrue();
  }

  @Test
  void aClientMayAskForFewerLettersOrOneTypeOfAWildcardButNothingMore() {
    SmartScopes registered =
        SmartScopes.parse("system/Task.rus system/Observation.crs system/*.rs");

    assertThat(registered.covers("system/Task.rs")).isTrue();
    assertThat(registered.covers("system/Task.u")).isTrue();
    assertThat(registered.covers("system/Patient.r")).as("one type of system/*.rs").isTrue();
    assertThat(registered.covers("system/*.s")).isTrue();
    assertThat(registered.covers("system/Observation.read")).as("the v1 form of .rs").isTrue();
    assertThat(registered.covers("system/Task.cruds")).isFalse();
    assertThat(registered.covers("system/*.cruds")).isFalse();
    assertThat(registered.covers("system/Patient.u")).isFalse();
    assertThat(registered.covers("patient/Task.r"))
        .as("grants nothing, so covered by nothing")
        .isFalse();
    assertThat(registered.covers("openid")).isFalse();
  }
}
