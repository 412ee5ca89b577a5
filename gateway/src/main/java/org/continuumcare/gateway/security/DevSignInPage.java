package org.continuumcare.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The development issuer's sign-in page ({@code GET /login}): a form with a user name and a
 * password, posted with its CSRF token to {@code POST /login}. Self-contained (no scripts, no
 * external assets), labelled for assistive technology, readable on a phone, with a strict
 * Content-Security-Policy. After a failed sign-in ({@code ?error}) it says so without saying which
 * of the two was wrong.
 */
@RestController
@ConditionalOnProperty(
    prefix = "continuum.security.dev-issuer",
    name = "enabled",
    havingValue = "true")
class DevSignInPage {

  /** Nothing loads from anywhere; only the page's own inline style applies. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
          + "frame-ancestors 'none'; base-uri 'none'";

  @GetMapping(path = DevTokenIssuerConfig.SIGN_IN_PAGE, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> signIn(HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String message = "";
    if (request.getParameter("error") != null) {
      message =
          "<p class=\"message error\" role=\"alert\" id=\"sign-in-error\">"
              + "The user name or password is not right. Please try again.</p>";
    } else if (request.getParameter("logout") != null) {
      message = "<p class=\"message\" role=\"status\">You are signed out.</p>";
    }
    String action =
        HtmlUtils.htmlEscape(request.getContextPath() + DevTokenIssuerConfig.SIGN_IN_PAGE);
    String hidden =
        csrf == null
            ? ""
            : "<input type=\"hidden\" name=\""
                + HtmlUtils.htmlEscape(csrf.getParameterName())
                + "\" value=\""
                + HtmlUtils.htmlEscape(csrf.getToken())
                + "\">";
    String html =
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Sign in - Continuum</title>
        <style>
          body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1b1f24; }
          main { max-width: 24rem; margin: 4rem auto; padding: 2rem; background: #ffffff;
                 border: 1px solid #c4ccd4; border-radius: 0.5rem; }
          h1 { font-size: 1.5rem; margin-top: 0; }
          label { display: block; font-weight: 600; margin: 1rem 0 0.25rem; }
          input[type=text], input[type=password] { width: 100%; box-sizing: border-box;
                 padding: 0.6rem; font-size: 1rem; border: 1px solid #5a6672; border-radius: 0.25rem; }
          button { margin-top: 1.5rem; width: 100%; padding: 0.7rem; font-size: 1rem;
                 font-weight: 600; color: #ffffff; background: #1d4f91; border: 0; border-radius: 0.25rem;
                 cursor: pointer; }
          button:hover { background: #163d70; }
          input:focus, button:focus { outline: 3px solid #f0a500; outline-offset: 2px; }
          .message { padding: 0.6rem; border-radius: 0.25rem; background: #e8f0fa; }
          .error { background: #fbe9e9; color: #8a1111; }
          .hint { color: #4a5560; font-size: 0.9rem; }
        </style>
        </head>
        <body>
        <main>
        <h1>Sign in to Continuum</h1>
        {message}
        <form method="post" action="{action}">
        <label for="username">User name</label>
        <input type="text" id="username" name="username" autocomplete="username" required autofocus>
        <label for="password">Password</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required>
        {hidden}
        <button type="submit">Sign in</button>
        </form>
        <p class="hint">Development sign-in of the zero-setup run: the demo users are listed in the README.</p>
        </main>
        </body>
        </html>
        """
            .replace("{message}", message)
            .replace("{action}", action)
            .replace("{hidden}", hidden);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .body(html);
  }
}
