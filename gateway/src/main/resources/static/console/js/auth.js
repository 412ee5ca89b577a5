// SMART App Launch, standalone, for the public client continuum-console: authorization code with
// PKCE (S256) and state. The tokens live in this module's memory only: never in the URL,
// localStorage or sessionStorage. Across the redirect to the issuer, sessionStorage keeps only the
// PKCE verifier, the state and the page name to come back to (no tokens, no PHI).

export const CLIENT_ID = 'continuum-console';
export const SCOPE = 'openid fhirUser user/*.cruds';
const PENDING = 'continuum.console.pending';
const SIGNED_OUT = 'continuum.console.signed-out';

let session = null;
let expiryTimer = null;
const expiryListeners = [];

export function redirectUri() {
  return location.origin + '/console/';
}

export function current() {
  return session;
}

export function onExpiry(listener) {
  expiryListeners.push(listener);
}

async function discovery() {
  const response = await fetch('/.well-known/smart-configuration', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error('SMART discovery failed (HTTP ' + response.status + ')');
  return response.json();
}

function base64url(bytes) {
  let text = '';
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Sends the browser to the issuer's sign-in; comes back to {@code page} afterwards. */
export async function signIn(page) {
  const config = await discovery();
  if (!(config.code_challenge_methods_supported || []).includes('S256')) {
    throw new Error('The issuer does not support PKCE S256');
  }
  const verifier = random();
  const state = random();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, page: page || '' }));
  sessionStorage.removeItem(SIGNED_OUT);
  const url = new URL(config.authorization_endpoint, location.origin);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: redirectUri(),
    scope: SCOPE,
    state,
    aud: location.origin + '/fhir',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/**
 * When the URL carries the issuer's answer (?code=&state= or ?error=), exchanges the code and
 * removes the answer from the URL and the history. Returns the page to show, or null when the URL
 * carried no answer.
 */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return null;
  history.replaceState(null, '', redirectUri());
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  if (params.has('error')) {
    throw new Error('Sign-in was refused: ' + (params.get('error_description') || params.get('error')));
  }
  if (!pending || pending.state !== params.get('state')) {
    throw new Error('Sign-in answer does not match this tab (state); please sign in again.');
  }
  const config = await discovery();
  const response = await fetch(config.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri(),
      client_id: CLIENT_ID,
      code_verifier: pending.verifier,
    }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    throw new Error('The token exchange failed: ' + (body.error_description || body.error || 'HTTP ' + response.status));
  }
  start(body);
  return pending.page || '';
}

function claims(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch (e) {
    return {};
  }
}

function start(token) {
  const c = claims(token.access_token);
  const id = token.id_token ? claims(token.id_token) : {};
  const expiresAt = c.exp ? c.exp * 1000 : Date.now() + (token.expires_in || 900) * 1000;
  session = {
    accessToken: token.access_token,
    idToken: token.id_token,
    user: c.sub || id.sub,
    displayName: id.name || c.name || c.sub || id.sub,
    fhirUser: c.fhirUser || id.fhirUser,
    organization: c.organization,
    access: c.access,
    purposeOfUse: c.purpose_of_use,
    scope: token.scope || c.scope || '',
    expiresAt,
  };
  clearTimeout(expiryTimer);
  expiryTimer = setTimeout(() => expire(), Math.max(0, expiresAt - Date.now()));
}

/** Set once the user signs out: requests of the page still in flight must not sign in again. */
let signingOut = false;

/** Forgets the session because the server or the clock says it ended. */
export function expire() {
  session = null;
  clearTimeout(expiryTimer);
  // A page still loading when the user signed out finds no session: that is not an expiry, and
  // renewing it would race the issuer's logout back to the sign-in form.
  if (signingOut) return;
  for (const listener of expiryListeners) listener();
}

/** Forgets the tokens and ends the issuer's session, so the next sign-in asks for the password. */
export async function signOut() {
  signingOut = true;
  const idToken = session && session.idToken;
  session = null;
  clearTimeout(expiryTimer);
  sessionStorage.setItem(SIGNED_OUT, '1');
  let endSession = null;
  try {
    endSession = (await discovery()).end_session_endpoint;
  } catch (e) {
    endSession = null;
  }
  if (!endSession) {
    location.replace(redirectUri());
    return;
  }
  // A form POST, so the id token never appears in a URL.
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = endSession;
  const fields = { post_logout_redirect_uri: redirectUri(), client_id: CLIENT_ID };
  if (idToken) fields.id_token_hint = idToken;
  for (const [key, value] of Object.entries(fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = key;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}

export function justSignedOut() {
  return sessionStorage.getItem(SIGNED_OUT) === '1';
}
