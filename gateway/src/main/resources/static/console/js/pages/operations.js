// Operations for administrators: relay status per partner (pending, in flight, held, delivered,
// dead), dead letters with their reasons and Replay, held deliveries with the reason, and the
// prison handoff queue's dead letters with Replay.
import { get, call } from '../api.js';
import { h, table, when, section } from '../dom.js';

export const title = 'Operations';

function part(parameter, name) {
  return (parameter.part || []).find((p) => p.name === name);
}

function value(p) {
  if (!p) return '';
  for (const [key, v] of Object.entries(p)) {
    if (key.startsWith('value')) return typeof v === 'object' ? v.reference || JSON.stringify(v) : v;
  }
  return '';
}

async function replayRelay(ctx, partner, entry) {
  const parameters = { resourceType: 'Parameters', parameter: [{ name: 'partner', valueString: partner }] };
  if (entry) parameters.parameter.push({ name: 'entry', valueString: entry });
  try {
    const result = await call('POST', '/fhir/$relay-replay', parameters);
    const replayed = (result.parameter || []).find((p) => p.name === 'replayed');
    ctx.status('Replayed ' + (replayed ? replayed.valueInteger : 0) + ' dead letter(s) to ' + partner + '.', 'ok');
    ctx.refresh();
  } catch (e) {
    ctx.status('Replay refused: ' + e.message, 'error');
  }
}

async function replayHandoff(ctx, id) {
  try {
    await call('POST', '/api/handoffs/queue/' + encodeURIComponent(id) + '/replay');
    ctx.status('Handoff ' + id + ' queued again.', 'ok');
    ctx.refresh();
  } catch (e) {
    ctx.status('Replay refused: ' + e.message, 'error');
  }
}

export async function render(ctx) {
  const [status, queue] = await Promise.all([get('/fhir/$relay-status'), get('/api/handoffs/queue').catch((e) => ({ error: e.message }))]);
  const partners = (status.parameter || []).filter((p) => p.name === 'partner');
  const states = ['pending', 'in-flight', 'held', 'delivered', 'dead'];
  const summary = partners.map((p) => h('tr', {},
    h('th', { scope: 'row' }, value(part(p, 'id'))),
    states.map((s) => h('td', {}, String(value(part(p, s)) || 0)))));
  const entries = (state) => partners.flatMap((p) => (p.part || []).filter((x) => x.name === 'entry')
    .filter((e) => value(part(e, 'state')) === state)
    .map((e) => ({ partner: value(part(p, 'id')), entry: e })));
  const dead = entries('DEAD').map(({ partner, entry }) => {
    const id = value(part(entry, 'id'));
    return h('tr', { 'data-entry': id },
      h('td', {}, partner), h('td', {}, value(part(entry, 'resource'))),
      h('td', {}, String(value(part(entry, 'attempts')))),
      h('td', {}, value(part(entry, 'last-error'))),
      h('td', {}, h('button', { type: 'button', 'data-action': 'replay', 'aria-label': 'Replay dead letter ' + id + ' to ' + partner, onclick: () => replayRelay(ctx, partner, id) }, 'Replay')));
  });
  const held = entries('HELD').map(({ partner, entry }) => h('tr', {},
    h('td', {}, partner), h('td', {}, value(part(entry, 'resource'))),
    h('td', {}, when(value(part(entry, 'next-attempt')))),
    h('td', {}, value(part(entry, 'last-error')))));
  const queued = (queue && queue.deadLetters) || [];
  const queueRows = queued.map((q) => h('tr', {},
    h('td', {}, (q.sendingFacility || '') + ' ' + (q.controlId || q.id)), h('td', {}, q.releaseDate || ''),
    h('td', {}, String(q.attempts)), h('td', {}, q.reason || ''), h('td', {}, when(q.receivedAt)),
    h('td', {}, h('button', { type: 'button', 'aria-label': 'Replay handoff ' + q.id, onclick: () => replayHandoff(ctx, q.id) }, 'Replay'))));
  return h('div', {},
    section('Relay status per partner', table('Deliveries per partner', ['Partner', ...states], summary)),
    section('Dead letters', table('Dead letters (the partner refused or never answered in time)', ['Partner', 'Resource', 'Attempts', 'Reason', ''], dead)),
    section('Held deliveries', table('Held deliveries (waiting for consent)', ['Partner', 'Resource', 'Checked again', 'Reason'], held)),
    section('Handoff queue dead letters', queue && queue.error
      ? h('p', { class: 'notice error' }, queue.error)
      : table('Handoffs the FHIR store refused or that failed too often', ['Message', 'Release date', 'Attempts', 'Reason', 'Received', ''], queueRows)));
}
