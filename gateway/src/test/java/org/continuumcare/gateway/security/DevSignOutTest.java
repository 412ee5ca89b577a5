package org.continuumcare.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;

class DevSignOutTest {

  private static final Instant ISSUED = Instant.parse("2026-03-01T10:00:00Z");
  private static final Authentication ANONYMOUS =
      new AnonymousAuthenticationToken(
          "anonymous", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

  private final SessionRegistryImpl signIns = new SessionRegistryImpl();
  private final UserDetails rosa = user("rosa");
  private final UserDetails ian = user("ian");

  private static UserDetails user(String name) {
    return User.withUsername(name).password("{noop}x").roles("USER").build();
  }

  private static OidcLogoutAuthenticationToken signOut(
      String subject, String sid, Authentication principal, String sessionId) {
    OidcIdToken idToken =
        OidcIdToken.withTokenValue("id-token")
            .subject(subject)
            .claim("sid", sid)
            .issuedAt(ISSUED)
            .expiresAt(ISSUED.plusSeconds(900))
            .build();
    return new OidcLogoutAuthenticationToken(
        idToken, principal, sessionId, "continuum-console", "http://localhost/console/", null);
  }

  private void signOut(OidcLogoutAuthenticationToken signOut, MockHttpServletRequest request) {
    new DevSignOut(signIns).logout(request, new MockHttpServletResponse(), signOut);
  }

  @Test
  void endsTheSignInTheIdTokenNamesAlthoughTheRequestCarriesNoSession() {
    signIns.registerNewSession("A", rosa);
    signIns.registerNewSession("B", rosa);

    signOut(signOut("rosa", DevSignOut.hash("A"), ANONYMOUS, null), new MockHttpServletRequest());

    assertThat(signIns.getSessionInformation("A").isExpired()).isTrue();
    assertThat(signIns.getSessionInformation("B").isExpired()).isFalse();
  }

  @Test
  void endsEverySignInOfTheUserWhenNoneHasTheTokensSid() {
    signIns.registerNewSession("A", rosa);
    signIns.registerNewSession("B", rosa);
    signIns.registerNewSession("C", ian);

    signOut(
        signOut("rosa", DevSignOut.hash("renamed"), ANONYMOUS, null), new MockHttpServletRequest());

    assertThat(signIns.getSessionInformation("A").isExpired()).isTrue();
    assertThat(signIns.getSessionInformation("B").isExpired()).isTrue();
    assertThat(signIns.getSessionInformation("C").isExpired()).isFalse();
  }

  @Test
  void invalidatesTheSignedInSessionTheRequestCarries() {
    signIns.registerNewSession("A", rosa);
    MockHttpSession session = new MockHttpSession(null, "A");
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setSession(session);
    Authentication signedIn =
        UsernamePasswordAuthenticationToken.authenticated(rosa, null, rosa.getAuthorities());

    signOut(signOut("rosa", DevSignOut.hash("A"), signedIn, "A"), request);

    assertThat(session.isInvalid()).isTrue();
    assertThat(signIns.getSessionInformation("A").isExpired()).isTrue();
  }
}
