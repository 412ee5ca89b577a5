package org.continuumcare.gateway.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A validated bearer JWT together with the {@link Caller} it stands for. */
public final class CallerAuthentication extends JwtAuthenticationToken {

  private final transient Caller caller;

  public CallerAuthentication(
      Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
    super(jwt, authorities, caller.clientId());
    this.caller = caller;
  }

  public Caller caller() {
    return caller;
  }
}
