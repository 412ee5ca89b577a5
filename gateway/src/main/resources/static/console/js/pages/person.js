// Person: one person's timeline (handoff, referrals and Task changes, assessments), a chart of
// BARC-10 totals and 8-domain ratings, recovery plan goals per domain and consents on file, with
// a form to record a signed SUD disclosure consent. The person is chosen here or on Releases and
// kept in memory, never in the URL.
import { search, get, history, call, ApiError } from '../api.js';
import { h, table, day, when, name, display, code, idOf, section } from '../dom.js';
import { lineChart } from '../chart.js';

export const title = 'Person';

const DOMAIN_SYSTEM = 'https://continuumcare.org/fhir/CodeSystem/recovery-capital-domain';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const ACT_REASON = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';

function finder(ctx) {
  const input = h('input', { id: 'person-query', name: 'q', type: 'search', autocomplete: 'off', required: true });
  const results = h('div', { id: 'person-results', 'aria-live': 'polite' });
  const form = h('form', { class: 'inline', role: 'search', 'aria-label': 'Find a person' },
    h('div', {}, h('label', { for: 'person-query' }, 'Family name or identifier (system|value)'), input),
    h('button', { type: 'submit' }, 'Find'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const q = input.value.trim();
    try {
      const found = await search('Patient', q.includes('|') ? { identifier: q, _count: 20 } : { family: q, _count: 20 });
      results.replaceChildren(table('People found', ['Name', 'Born', ''], found.map((p) =>
        h('tr', {}, h('td', {}, name(p)), h('td', {}, p.birthDate || ''),
          h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => ctx.openPerson(p.id) }, 'Open ' + name(p)))))));
    } catch (e) {
      results.replaceChildren(h('p', { class: 'notice error', role: 'alert' }, e.message));
    }
  });
  return h('div', {}, h('p', {}, 'Choose a person on the Releases page, or find one here.'), form, results);
}

async function optional(promise) {
  try {
    return await promise;
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) return [];
    throw e;
  }
}

function taskLine(version) {
  const business = display(version.businessStatus);
  const reason = version.statusReason && (version.statusReason.text || display(version.statusReason));
  return 'Task ' + version.status + (business ? ' (' + business + ')' : '') + (reason ? ': ' + reason : '');
}

function consentForm(ctx, patientId, organizations) {
  const to = h('select', { id: 'consent-recipient', name: 'recipient', required: true },
    organizations.map((o) => h('option', { value: o.reference }, o.label)));
  const purpose = h('select', { id: 'consent-purpose', name: 'purpose' },
    h('option', { value: 'COC' }, 'Coordination of care (COC)'),
    h('option', { value: 'TREAT' }, 'Treatment (TREAT)'));
  const end = h('input', { id: 'consent-end', name: 'end', type: 'date', required: true,
    value: new Date(Date.now() + 365 * 86400000).toISOString().substring(0, 10) });
  const form = h('form', { class: 'inline', id: 'consent-form', 'aria-label': 'Record a consent' },
    h('div', {}, h('label', { for: 'consent-recipient' }, 'May be disclosed to'), to),
    h('div', {}, h('label', { for: 'consent-purpose' }, 'For'), purpose),
    h('div', {}, h('label', { for: 'consent-end' }, 'Until'), end),
    h('button', { type: 'submit', id: 'consent-submit' }, 'Record signed consent'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const consent = {
      resourceType: 'Consent',
      status: 'active',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
      category: [{ coding: [{ system: ACT_CODE, code: 'IDSCL' }] }, { coding: [{ system: ACT_CODE, code: '42CFRPart2' }] }],
      patient: { reference: 'Patient/' + patientId },
      dateTime: new Date().toISOString(),
      performer: [{ reference: 'Patient/' + patientId }],
      organization: [{ reference: 'Organization/' + ctx.session.organization }],
      sourceAttachment: { contentType: 'application/pdf', title: 'Signed consent form', url: 'urn:uuid:' + crypto.randomUUID() },
      policy: [{ uri: 'https://continuumcare.org/fhir/consent-policy/part2-revocation' }],
      policyRule: { coding: [{ system: ACT_CODE, code: 'OPTIN' }] },
      provision: {
        type: 'permit',
        period: { start: new Date().toISOString().substring(0, 10), end: end.value },
        actor: [
          { role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' }] }, reference: { reference: to.value } },
          { role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/extra-security-role-type', code: 'dataprocessor' }] }, reference: { reference: 'Organization/continuum-gateway' } },
        ],
        purpose: [{ system: ACT_REASON, code: purpose.value }],
        securityLabel: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }, { system: ACT_CODE, code: '42CFRPart2' }],
      },
    };
    try {
      await call('POST', '/fhir/Consent', consent);
      ctx.status('Consent recorded. Held referrals to that organisation are released for delivery.', 'ok');
      ctx.refresh();
    } catch (e) {
      ctx.status('The consent was not recorded: ' + e.message, 'error');
    }
  });
  return form;
}

export async function render(ctx) {
  const patientId = ctx.state.patientId;
  if (!patientId) return finder(ctx);
  const subject = 'Patient/' + patientId;
  const [patient, compositions, requests, tasks, responses, observations, plans, goals, consents] = await Promise.all([
    get('/fhir/' + subject),
    optional(search('Composition', { subject, _count: 50 })),
    optional(search('ServiceRequest', { subject, _count: 100 })),
    optional(search('Task', { subject, _count: 100 })),
    optional(search('QuestionnaireResponse', { subject, _count: 100 })),
    optional(search('Observation', { subject, _count: 200 })),
    optional(search('CarePlan', { subject, _count: 20 })),
    optional(search('Goal', { subject, _count: 100 })),
    optional(search('Consent', { patient: subject, _count: 50 })),
  ]);
  const versions = (await Promise.all(tasks.slice(0, 20).map((t) => optional(history('Task', t.id))))).flat();
  const events = [];
  for (const c of compositions) events.push({ at: c.date, text: 'Release handoff (' + c.status + ')' });
  for (const r of requests) events.push({ at: r.authoredOn, text: 'Referral sent: ' + (display((r.category || [])[0]) || display(r.code) || 'referral') + (r.performer && r.performer[0] ? ' to ' + (r.performer[0].display || idOf(r.performer[0].reference)) : '') });
  for (const v of versions) events.push({ at: v.meta && v.meta.lastUpdated, text: taskLine(v) + ' (version ' + (v.meta && v.meta.versionId) + ')' });
  for (const q of responses) events.push({ at: q.authored, text: 'Assessment: ' + (q.questionnaire || '').split('/').pop().split('|')[0] });
  events.sort((a, b) => String(b.at || '').localeCompare(String(a.at || '')));

  const barc = observations.filter((o) => code(o.code) === 'barc-10-total' && o.valueInteger !== undefined);
  const domains = new Map();
  for (const o of observations.filter((x) => code(x.code) === 'rc-8-domain-strength')) {
    const domain = (o.category || []).flatMap((c) => c.coding || []).find((c) => c.system === DOMAIN_SYSTEM);
    if (!domain) continue;
    if (!domains.has(domain.code)) domains.set(domain.code, []);
    domains.get(domain.code).push({ x: o.effectiveDateTime || o.issued, y: o.valueInteger });
  }
  const sortPoints = (list) => list.filter((p) => p.x).sort((a, b) => a.x.localeCompare(b.x));

  const goalsByDomain = new Map();
  for (const g of goals) {
    const domain = (g.category || []).map(display).find(Boolean) || 'Other';
    if (!goalsByDomain.has(domain)) goalsByDomain.set(domain, []);
    goalsByDomain.get(domain).push(g);
  }
  const recipients = new Map();
  for (const r of requests) for (const p of r.performer || []) if (p.reference) recipients.set(p.reference, p.display || idOf(p.reference));
  const canConsent = ctx.session.access === 'care-team' || ctx.session.access === 'admin';

  return h('div', {},
    h('p', {}, h('strong', { id: 'person-name' }, name(patient)),
      patient.birthDate ? ', born ' + patient.birthDate : '',
      ' ', h('button', { type: 'button', class: 'secondary', onclick: () => { ctx.state.patientId = null; ctx.refresh(); } }, 'Choose another person')),
    section('Timeline', events.length
      ? h('ol', { class: 'timeline', id: 'timeline' }, events.map((e) => h('li', {}, h('time', { datetime: e.at || '' }, when(e.at)), e.text)))
      : h('p', {}, 'Nothing recorded yet.')),
    section('Recovery capital',
      h('div', { class: 'cards' },
        h('div', { class: 'card' }, lineChart({ title: 'BARC-10 total (10–60)', yMin: 10, yMax: 60, series: [{ name: 'BARC-10 total', points: sortPoints(barc.map((o) => ({ x: o.effectiveDateTime || o.issued, y: o.valueInteger }))) }] })),
        h('div', { class: 'card' }, lineChart({ title: '8-domain strength ratings (1–5)', yMin: 1, yMax: 5, series: [...domains].map(([d, points]) => ({ name: d, points: sortPoints(points) })) })))),
    section('Recovery plan goals',
      goals.length
        ? [...goalsByDomain].map(([domain, list]) => h('div', {}, h('h3', {}, domain),
            h('ul', {}, list.map((g) => h('li', {}, display(g.description) + ' (' + (g.lifecycleStatus || '') + (g.achievementStatus ? ', ' + display(g.achievementStatus) : '') + ')')))))
        : h('p', {}, plans.length ? 'The recovery plan has no goals yet.' : 'No recovery plan on file.')),
    section('Consents on file',
      table('Consents', ['Status', 'Period', 'Recipients', 'Purposes'], consents.map((c) => {
        const p = c.provision || {};
        return h('tr', {},
          h('td', {}, c.status),
          h('td', {}, day(p.period && p.period.start) + ' – ' + day(p.period && p.period.end)),
          h('td', {}, (p.actor || []).filter((a) => code(a.role) === 'IRCP').map((a) => a.reference.display || a.reference.reference || (a.reference.identifier && a.reference.identifier.value)).join(', ')),
          h('td', {}, (p.purpose || []).map((x) => x.code).join(', ')));
      })),
      canConsent && recipients.size
        ? h('div', {}, h('h3', {}, 'Record a signed SUD disclosure consent'),
            consentForm(ctx, patientId, [...recipients].map(([reference, label]) => ({ reference, label }))))
        : null));
}
