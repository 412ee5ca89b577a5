package org.continuumcare.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSecurityHeadersTest {

  @Test
  void thePolicyAllowsOnlyTheGatewaysOwnScriptsStylesAndCalls() {
    String policy = new ConsoleSecurityHeaders(List.of()).contentSecurityPolicy();
    assertThat(policy)
        .contains("default-src 'none'")
        .contains("script-src 'self';")
        .contains("style-src 'self';")
        .contains("connect-src 'self';")
        .contains("form-action 'self';")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe");
  }

  @Test
  void anExternalIssuerMayBeCalledAndPostedTo() {
    String policy =
        new ConsoleSecurityHeaders(List.of("https://keycloak.example.org")).contentSecurityPolicy();
    assertThat(policy)
        .contains("connect-src 'self' https://keycloak.example.org;")
        .contains("form-action 'self' https://keycloak.example.org;");
  }

  @Test
  void anIssuerOriginWithAPathOrAnInjectedDirectiveIsRefused() {
    assertThatThrownBy(() -> new ConsoleProperties(List.of("https://idp.example.org/realms/x")))
        .hasMessageContaining("continuum.console.issuer-origins")
        .hasMessageContaining("not an origin");
    assertThatThrownBy(() -> new ConsoleProperties(List.of("https://a.org; script-src *")))
        .hasMessageContaining("not an origin");
  }
}
