// The console's shell: sign-in, navigation by role, and one page at a time. Routes are page names
// in the fragment (#releases); they never carry a patient id: the person chosen is kept in memory.
import * as auth from './auth.js';
import * as api from './api.js';
import { ApiError } from './api.js';
import { h } from './dom.js';
import * as releases from './pages/releases.js';
import * as person from './pages/person.js';
import * as referrals from './pages/referrals.js';
import * as operations from './pages/operations.js';
import * as measures from './pages/measures.js';

const PAGES = { releases, person, referrals, operations, measures };

/** Which pages each access (token claim) opens, first = landing page. */
const BY_ACCESS = {
  'care-team': ['releases', 'person'],
  partner: ['referrals'],
  analyst: ['measures'],
  admin: ['releases', 'person', 'operations', 'measures'],
};

const state = { patientId: null };
const main = document.getElementById('main');
const pageEl = document.getElementById('page');
const titleEl = document.getElementById('page-title');
const statusEl = document.getElementById('status');
const navEl = document.getElementById('nav');

export function status(message, kind) {
  statusEl.className = 'status' + (kind ? ' ' + kind : '');
  statusEl.textContent = message || '';
}

function pageName() {
  return location.hash.replace(/^#/, '');
}

function allowedPages(session) {
  return BY_ACCESS[session.access] || [];
}

function setTitle(text) {
  titleEl.textContent = text;
  document.title = text + ' · Continuum console';
}

function showSignIn(message, kind) {
  navEl.hidden = true;
  document.getElementById('who').hidden = true;
  setTitle('Sign in');
  const button = h('button', { type: 'button', id: 'sign-in' }, 'Sign in');
  button.addEventListener('click', () => {
    button.disabled = true;
    auth.signIn(pageName()).catch((e) => {
      button.disabled = false;
      status(e.message, 'error');
    });
  });
  pageEl.replaceChildren(
    ...(message ? [h('p', { class: 'notice' + (kind ? ' ' + kind : ''), id: 'sign-in-message' }, message)] : []),
    h('p', {}, 'Sign in with your organisation account. The console reads and changes records only through the gateway\'s FHIR and API endpoints, with your permissions.'),
    button);
}

function renderNav(session) {
  const pages = allowedPages(session);
  navEl.replaceChildren(h('ul', {}, pages.map((p) =>
    h('li', {}, h('a', { href: '#' + p, id: 'nav-' + p, 'aria-current': p === pageName() ? 'page' : null }, PAGES[p].title)))));
  navEl.hidden = pages.length === 0;
  document.getElementById('who-name').textContent =
    (session.displayName || session.user || '') + (session.organization ? ' · ' + session.organization : '');
  document.getElementById('who').hidden = false;
}

async function noRole(session, reason) {
  navEl.hidden = true;
  if (!reason) {
    // The gateway's own words: what it answers this user's first data call.
    reason = await api.get('/fhir/Organization?_count=1').then(() => null, (e) => (e.status === 401 ? null : e.message));
  }
  setTitle('No role in any organisation');
  pageEl.replaceChildren(
    h('p', { class: 'notice', id: 'no-role' },
      'You are signed in as ' + (session.user || 'this user') + ', but you have no role in any organisation, so the console has nothing to show you. ' +
      'Ask your administrator to give you a role (a PractitionerRole in your organisation).'),
    ...(reason ? [h('p', {}, 'The gateway said: ', h('span', { id: 'no-role-reason' }, reason))] : []));
}

async function show(keepStatus) {
  const session = auth.current();
  if (!session) {
    showSignIn();
    return;
  }
  if (!keepStatus) status('');
  if (!session.access || !session.organization || !BY_ACCESS[session.access]) {
    renderNav(session);
    await noRole(session);
    return;
  }
  const pages = allowedPages(session);
  let name = pageName();
  if (!pages.includes(name)) {
    name = pages[0];
    history.replaceState(null, '', '#' + name);
  }
  renderNav(session);
  const page = PAGES[name];
  setTitle(page.title);
  pageEl.replaceChildren(h('p', {}, 'Loading…'));
  const ctx = {
    session,
    state,
    status,
    openPerson(patientId) {
      state.patientId = patientId;
      location.hash = 'person';
    },
    refresh: () => show(true),
  };
  try {
    const content = await page.render(ctx);
    if (auth.current() === session && pageName() === name) {
      pageEl.replaceChildren(content);
    }
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return;
    if (e instanceof ApiError && e.status === 403 && /no role/i.test(e.message)) {
      await noRole(session, e.message);
      return;
    }
    pageEl.replaceChildren(h('p', { class: 'notice error', role: 'alert' }, 'This page could not be loaded: ' + e.message));
  }
  main.focus({ preventScroll: true });
}

auth.onExpiry(() => {
  const page = pageName();
  showSignIn('Your session has ended. Sign in again to return to this page.', 'error');
  // Straight back to the issuer: with its session still open the user comes back at once.
  auth.signIn(page).catch((e) => status(e.message, 'error'));
});

document.getElementById('sign-out').addEventListener('click', () => {
  auth.signOut().catch((e) => status(e.message, 'error'));
});

window.addEventListener('hashchange', () => show());

async function boot() {
  try {
    const page = await auth.completeSignIn();
    if (page !== null) {
      history.replaceState(null, '', auth.redirectUri() + (page ? '#' + page : ''));
    }
  } catch (e) {
    showSignIn(e.message, 'error');
    return;
  }
  if (!auth.current()) {
    showSignIn(auth.justSignedOut() ? 'You have signed out.' : null);
    return;
  }
  await show();
}

boot();
