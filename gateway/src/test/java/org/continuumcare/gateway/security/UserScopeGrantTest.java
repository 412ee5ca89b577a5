package org.continuumcare.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserScopeGrantTest {

  private static final List<String> CONSOLE = List.of("openid", "fhirUser", "user/*.cruds");

  @Test
  void anAnalystAskingForEverythingIsGrantedReadAndSearch() {
    assertThat(UserScopeGrant.granted(CONSOLE, List.of("user/*.rs")))
        .containsExactly("openid", "fhirUser", "user/*.rs");
  }

  @Test
  void aCaseworkerIsGrantedHerRolesTypesOnly() {
    assertThat(UserScopeGrant.granted(CONSOLE, List.of("user/ServiceRequest.rs", "user/Task.rus")))
        .containsExactly("openid", "fhirUser", "user/ServiceRequest.rs", "user/Task.rus");
  }

  @Test
  void theGrantIsTheCommonPartOfTypeAndLetters() {
    assertThat(UserScopeGrant.granted(List.of("user/*.rs"), List.of("user/Task.rus")))
        .containsExactly("user/Task.rs");
    assertThat(UserScopeGrant.granted(List.of("user/Task.cd"), List.of("user/Task.rus"))).isEmpty();
    assertThat(UserScopeGrant.granted(List.of("user/Task.read"), List.of("user/*.cruds")))
        .containsExactly("user/Task.rs");
  }

  @Test
  void systemPatientAndUnknownScopesAreNeverGranted() {
    assertThat(
            UserScopeGrant.granted(
                List.of("system/*.cruds", "patient/*.rs", "launch", "user/Task.rs"),
                List.of("user/*.cruds", "system/*.cruds", "patient/*.rs")))
        .containsExactly("user/Task.rs");
  }

  @Test
  void aUserWithoutScopesIsGrantedOnlyTheIdentityScopes() {
    assertThat(UserScopeGrant.granted(CONSOLE, List.of())).containsExactly("openid", "fhirUser");
  }

  @Test
  void coversOnlyWhatTheRegisteredScopesGrantInFull() {
    assertThat(UserScopeGrant.covers(CONSOLE, "user/*.rs")).isTrue();
    assertThat(UserScopeGrant.covers(CONSOLE, "user/Task.cruds")).isTrue();
    assertThat(UserScopeGrant.covers(List.of("user/*.rs"), "user/Task.rus")).isFalse();
    assertThat(UserScopeGrant.covers(List.of("user/Task.rus"), "user/*.rs")).isFalse();
    assertThat(UserScopeGrant.covers(CONSOLE, "system/*.rs")).isFalse();
  }
}
