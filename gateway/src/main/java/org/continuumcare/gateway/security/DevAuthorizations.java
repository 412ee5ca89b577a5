package org.continuumcare.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.continuumcare.gateway.security.SecurityProperties.DevUser;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The development issuer's memory of authorizations. Client-credentials tokens are self-contained
 * JWTs: nothing remembers them (a remembering store would grow with every token issued), so
 * introspection and revocation are not offered. A user's sign-in (authorization code) is remembered
 * for {@link #RETENTION} at most, {@link #MAX_AUTHORIZATIONS} at a time (the oldest forgotten
 * first): its code is redeemed once, and its ID token lets the user sign out.
 *
 * <p>When a user's authorization is first recorded, its scopes are narrowed to what the user's role
 * allows ({@link UserScopeGrant}): the code, the access token and the token response carry only
 * those.
 */
final class DevAuthorizations implements OAuth2AuthorizationService {

  static final Duration RETENTION = Duration.ofHours(8);
  static final int MAX_AUTHORIZATIONS = 10_000;

  private final InMemoryOAuth2AuthorizationService remembered =
      new InMemoryOAuth2AuthorizationService();
  private final Map<String, Instant> forgetAt = new ConcurrentHashMap<>();
  private final Map<String, DevUser> users;
  private final Clock clock;

  DevAuthorizations(Map<String, DevUser> users, Clock clock) {
    this.users = Map.copyOf(users);
    this.clock = clock;
  }

  @Override
  public void save(OAuth2Authorization authorization) {
    if (!AuthorizationGrantType.AUTHORIZATION_CODE.equals(
        authorization.getAuthorizationGrantType())) {
      return;
    }
    forgetExpired();
    OAuth2Authorization narrowed = narrowed(authorization);
    forgetAt.put(narrowed.getId(), clock.instant().plus(RETENTION));
    remembered.save(narrowed);
  }

  private OAuth2Authorization narrowed(OAuth2Authorization authorization) {
    if (authorization.getToken(OAuth2AccessToken.class) != null) {
      return authorization;
    }
    DevUser user = users.get(authorization.getPrincipalName());
    return OAuth2Authorization.from(authorization)
        .authorizedScopes(
            UserScopeGrant.granted(
                authorization.getAuthorizedScopes(),
                user == null ? java.util.List.of() : user.scopes()))
        .build();
  }

  private void forgetExpired() {
    Instant now = clock.instant();
    forgetAt.forEach(
        (id, at) -> {
          if (!at.isAfter(now)) {
            forget(id);
          }
        });
    while (forgetAt.size() >= MAX_AUTHORIZATIONS) {
      forgetAt.entrySet().stream()
          .min(Map.Entry.comparingByValue(Comparator.naturalOrder()))
          .ifPresent(oldest -> forget(oldest.getKey()));
    }
  }

  private void forget(String id) {
    forgetAt.remove(id);
    OAuth2Authorization authorization = remembered.findById(id);
    if (authorization != null) {
      remembered.remove(authorization);
    }
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    forgetAt.remove(authorization.getId());
    remembered.remove(authorization);
  }

  @Override
  public OAuth2Authorization findById(String id) {
    return remembered.findById(id);
  }

  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    return remembered.findByToken(token, tokenType);
  }
}
