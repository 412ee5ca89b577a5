// Releases: who is released in the next 14 days and who was in the last 14, with the receiving
// provider and the state of each referral of the handoff (what a release officer checks every
// morning). Read from the handoff Compositions, their referrals' Tasks and the relay's AuditEvents.
import { search, byType, ApiError } from '../api.js';
import { h, table, day, name, ext, display, idOf, section } from '../dom.js';
import { referralState, stateTag } from '../referral-state.js';

export const title = 'Releases';

const HANDOFF_TYPE = 'http://loinc.org|18761-7';
const DAY = 86400000;

function releaseDate(composition) {
  // A complex extension: its sub-extension "date" holds the (expected or actual) release day.
  const e = ext(composition, 'release-date');
  const date = e && (e.extension || []).find((x) => x.url === 'date');
  return date ? date.valueDate : e && e.valueDate;
}

function referralRefs(composition) {
  const refs = new Set();
  const walk = (sections) => {
    for (const s of sections || []) {
      for (const entry of s.entry || []) {
        if (entry.reference && entry.reference.startsWith('ServiceRequest/')) refs.add(entry.reference);
      }
      walk(s.section);
    }
  };
  walk(composition.section);
  return [...refs];
}

export async function render(ctx) {
  const found = await search('Composition', { type: HANDOFF_TYPE, _include: 'Composition:subject', _count: 200 });
  const patients = new Map(byType(found, 'Patient').map((p) => [p.id, p]));
  const today = Date.parse(new Date().toISOString().substring(0, 10));
  const handoffs = byType(found, 'Composition')
    .filter((c) => c.status !== 'entered-in-error')
    .map((c) => ({ composition: c, date: releaseDate(c) }))
    .filter((x) => x.date && Math.abs(Date.parse(x.date.substring(0, 10)) - today) <= 14 * DAY);
  const refs = [...new Set(handoffs.flatMap((x) => referralRefs(x.composition)))];
  const [requests, tasks] = refs.length
    ? await Promise.all([
        search('ServiceRequest', { _id: refs.map(idOf).join(','), _count: 200 }),
        search('Task', { focus: refs.join(','), _count: 200 }),
      ])
    : [[], []];
  const taskRefs = tasks.map((t) => 'Task/' + t.id);
  // Delivery is read from the relay's AuditEvents; a user who may not read them sees sent/held.
  const audits = taskRefs.length
    ? await search('AuditEvent', { entity: taskRefs.join(','), _sort: '-date', _count: 200 }).catch((e) => {
        if (e instanceof ApiError && e.status === 403) return [];
        throw e;
      })
    : [];
  const rows = (list) => list
    .sort((a, b) => a.date.localeCompare(b.date))
    .map(({ composition, date }) => {
      const patientId = idOf(composition.subject && composition.subject.reference);
      const patient = patients.get(patientId);
      const provider = ext(composition, 'receiving-organization');
      const providerRef = provider && provider.valueReference;
      const mine = referralRefs(composition);
      const items = mine.map((ref) => {
        const request = requests.find((r) => 'ServiceRequest/' + r.id === ref);
        const task = tasks.find((t) => t.focus && t.focus.reference === ref);
        const s = referralState(task, audits);
        const what = request ? display((request.category || [])[0]) || display(request.code) || 'Referral' : 'Referral';
        const to = request && request.performer && request.performer[0];
        return h('li', { class: 'referral', 'data-state': s.key },
          h('span', {}, what + (to ? ' → ' + (to.display || idOf(to.reference)) : '') + ': '),
          stateTag(s));
      });
      return h('tr', { 'data-handoff': composition.id },
        h('th', { scope: 'row' },
          h('button', { type: 'button', class: 'secondary', onclick: () => ctx.openPerson(patientId) }, name(patient))),
        h('td', {}, day(date)),
        h('td', {}, providerRef ? providerRef.display || idOf(providerRef.reference) : ''),
        h('td', {}, items.length ? h('ul', { class: 'plain' }, items) : 'No referrals'));
    });
  const upcoming = handoffs.filter((x) => Date.parse(x.date.substring(0, 10)) >= today);
  const past = handoffs.filter((x) => Date.parse(x.date.substring(0, 10)) < today);
  const headers = ['Person', 'Release date', 'Receiving provider', 'Referrals'];
  return h('div', {},
    h('p', {}, 'People released in the next 14 days and in the last 14, from the release handoffs you may see.'),
    section('Next 14 days', table('Releases in the next 14 days', headers, rows(upcoming))),
    section('Last 14 days', table('Releases in the last 14 days', headers, rows(past))));
}
