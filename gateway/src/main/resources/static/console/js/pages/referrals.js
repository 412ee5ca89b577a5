// Referrals for a partner's caseworker: the referral Tasks owned by the caseworker's organisation,
// with the legal next steps of the referral lifecycle (accept, reject with a reason, start,
// complete) made as JSON Patches of Task.status. A refused step shows the server's reason.
import { search, byType, patch } from '../api.js';
import { h, table, day, name, display, idOf } from '../dom.js';

export const title = 'Referrals';

/** Steps a recipient may take from each status (the gateway enforces the same table). */
const STEPS = {
  requested: ['accepted', 'rejected'],
  accepted: ['in-progress'],
  'in-progress': ['completed'],
};

const LABELS = { accepted: 'Accept', rejected: 'Reject', 'in-progress': 'Start', completed: 'Complete' };

async function step(ctx, task, to, reason) {
  // No JSON Patch `test` of the status seen: the server checks the step against the Task as it is
  // now, and a refused step comes back with the lifecycle's own reason.
  const ops = [{ op: 'replace', path: '/status', value: to }];
  if (reason) ops.push({ op: 'add', path: '/statusReason', value: { text: reason } });
  try {
    await patch('Task', task.id, ops);
    ctx.status('Referral ' + (to === 'in-progress' ? 'started' : to) + '.', 'ok');
    ctx.refresh();
  } catch (e) {
    ctx.status('The referral was not changed: ' + e.message, 'error');
  }
}

function actions(ctx, task, label) {
  const steps = STEPS[task.status] || [];
  const items = [];
  for (const to of steps) {
    if (to === 'rejected') {
      const id = 'reason-' + task.id;
      const input = h('input', { id, name: 'reason', type: 'text', required: true });
      const form = h('form', { class: 'inline', 'aria-label': 'Reject the referral of ' + label },
        h('div', {}, h('label', { for: id }, 'Reason for rejecting'), input),
        h('button', { type: 'submit', class: 'secondary', 'data-action': 'rejected' }, 'Reject'));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        step(ctx, task, 'rejected', input.value.trim());
      });
      items.push(form);
    } else {
      items.push(h('button', { type: 'button', 'data-action': to, 'aria-label': LABELS[to] + ' the referral of ' + label, onclick: () => step(ctx, task, to) }, LABELS[to]));
    }
  }
  return items.length ? h('div', { class: 'actions' }, items) : 'No action open';
}

export async function render(ctx) {
  const org = 'Organization/' + ctx.session.organization;
  const found = await search('Task', [['owner', org], ['_include', 'Task:focus'], ['_include', 'Task:patient'], ['_count', '100']]);
  const tasks = byType(found, 'Task');
  const requests = new Map(byType(found, 'ServiceRequest').map((r) => [r.id, r]));
  const patients = new Map(byType(found, 'Patient').map((p) => [p.id, p]));
  const rows = tasks.map((task) => {
    const request = requests.get(idOf(task.focus && task.focus.reference));
    const patient = patients.get(idOf(task.for && task.for.reference));
    const who = patient ? name(patient) : 'Person';
    const reason = task.statusReason && (task.statusReason.text || display(task.statusReason));
    return h('tr', { 'data-task': task.id, 'data-status': task.status },
      h('th', { scope: 'row' }, who),
      h('td', {}, request ? display((request.category || [])[0]) || display(request.code) : ''),
      h('td', {}, day(task.authoredOn)),
      h('td', {}, h('span', { class: 'tag ' + task.status }, task.status), display(task.businessStatus) ? h('span', { class: 'reason' }, display(task.businessStatus)) : null,
        reason ? h('span', { class: 'reason' }, reason) : null),
      h('td', {}, actions(ctx, task, who)));
  });
  return h('div', {},
    h('p', {}, 'Referrals addressed to ', h('strong', {}, ctx.session.organization), '. Accepting, rejecting, starting and completing update the referral Task; the referring team sees the change.'),
    table('Referrals to your organisation', ['Person', 'Referral', 'Sent', 'Status', 'Actions'], rows));
}
