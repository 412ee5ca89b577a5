package org.continuumcare.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.session.SessionRegistryImpl;

class EndedSignInFilterTest {

  private final SessionRegistryImpl signIns = new SessionRegistryImpl();

  private MockFilterChain filter(MockHttpSession session) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorize");
    request.setSession(session);
    MockFilterChain chain = new MockFilterChain();
    new EndedSignInFilter(signIns).doFilter(request, new MockHttpServletResponse(), chain);
    return chain;
  }

  @Test
  void aSessionWhoseSignInWasEndedIsThrownAwayBeforeTheRequestGoesOn() throws Exception {
    signIns.registerNewSession("A", "rosa");
    signIns.getSessionInformation("A").expireNow();
    MockHttpSession session = new MockHttpSession(null, "A");

    MockFilterChain chain = filter(session);

    assertThat(session.isInvalid()).isTrue();
    assertThat(signIns.getSessionInformation("A")).isNull();
    assertThat(chain.getRequest()).isNotNull();
    assertThat(((MockHttpServletRequest) chain.getRequest()).getSession(false)).isNull();
  }

  @Test
  void aLiveSignInIsLeftAsItIs() throws Exception {
    signIns.registerNewSession("A", "rosa");
    MockHttpSession session = new MockHttpSession(null, "A");

    MockFilterChain chain = filter(session);

    assertThat(session.isInvalid()).isFalse();
    assertThat(signIns.getSessionInformation("A").isExpired()).isFalse();
    assertThat(chain.getRequest()).isNotNull();
  }
}
