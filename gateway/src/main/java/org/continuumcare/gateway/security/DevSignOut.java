package org.continuumcare.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;

/**
 * Ends a user's sign-in at the development issuer on a valid sign-out ({@code /connect/logout} with
 * the ID token as {@code id_token_hint}), whether or not the request finds the browser's session.
 * Spring Authorization Server alone only invalidates the session the request's cookie finds signed
 * in, and answers the same redirect when it finds none (a cookie gone stale or not sent), leaving
 * the sign-in alive. Here the sign-in session the ID token was issued in (its {@code sid} claim) is
 * ended in any case; when no session of the user has that {@code sid} (the session is gone, or no
 * longer has the id it had), every sign-in session of the token's user is ended instead. An ended
 * session is thrown away at its next request ({@link EndedSignInFilter}), so the next sign-in asks
 * for the password.
 */
final class DevSignOut implements LogoutHandler {

  private static final Logger log = LoggerFactory.getLogger(DevSignOut.class);

  private final SessionRegistry signIns;
  private final SecurityContextLogoutHandler requestSession = new SecurityContextLogoutHandler();

  DevSignOut(SessionRegistry signIns) {
    this.signIns = signIns;
  }

  @Override
  public void logout(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
    OidcLogoutAuthenticationToken signOut = (OidcLogoutAuthenticationToken) authentication;
    OidcIdToken idToken = signOut.getIdToken();
    List<SessionInformation> ofUser = signInsOf(idToken.getSubject());
    String sid = idToken.getClaimAsString("sid");
    List<SessionInformation> named =
        ofUser.stream().filter(signIn -> hash(signIn.getSessionId()).equals(sid)).toList();
    List<SessionInformation> ended = named.isEmpty() ? ofUser : named;
    ended.forEach(SessionInformation::expireNow);
    if (signOut.isPrincipalAuthenticated()) {
      requestSession.logout(request, response, (Authentication) signOut.getPrincipal());
    }
    log.info(
        "Signed out {}: {} sign-in session(s) ended{}",
        idToken.getSubject(),
        ended.size(),
        named.isEmpty() && !ofUser.isEmpty()
            ? " (all of the user's: none had the token's sid)"
            : "");
  }

  private List<SessionInformation> signInsOf(String user) {
    return signIns.getAllPrincipals().stream()
        .filter(
            principal ->
                principal instanceof UserDetails details && details.getUsername().equals(user))
        .flatMap(principal -> signIns.getAllSessions(principal, false).stream())
        .toList();
  }

  /** The {@code sid} Spring Authorization Server puts into an ID token for a session id. */
  static String hash(String sessionId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(sessionId.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
