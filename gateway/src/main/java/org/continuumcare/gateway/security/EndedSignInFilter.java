package org.continuumcare.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throws away a development issuer session whose sign-in was ended ({@link DevSignOut}) when it
 * comes back, before anything reads who signed in from it: the request goes on without a session,
 * so the authorization endpoint sends the browser to the sign-in page.
 */
final class EndedSignInFilter extends OncePerRequestFilter {

  private final SessionRegistry signIns;

  EndedSignInFilter(SessionRegistry signIns) {
    this.signIns = signIns;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null) {
      SessionInformation signIn = signIns.getSessionInformation(session.getId());
      if (signIn != null && signIn.isExpired()) {
        signIns.removeSessionInformation(session.getId());
        try {
          session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
          // Another request of the same browser threw it away first.
        }
      }
    }
    chain.doFilter(request, response);
  }
}
