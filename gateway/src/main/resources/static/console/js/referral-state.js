// The state of one referral as a release officer reads it, from its Task and the relay's
// AuditEvents about that Task: sent, delivered to the partner, accepted, held for consent (and
// why), not acknowledged before release, rejected (and why), completed, cancelled.
import { h, code } from './dom.js';

const HELD = 'held-for-consent';
const NOT_ACK = 'not-acknowledged-before-release';

function about(audit, taskId) {
  return (audit.entity || []).some((e) => e.what && (e.what.reference || '').split('/_history')[0] === 'Task/' + taskId);
}

export function referralState(task, audits) {
  if (!task) return { key: 'sent', label: 'no Task yet' };
  const business = code(task.businessStatus);
  const mine = (audits || []).filter((a) => about(a, task.id));
  const delivered = mine.some((a) => a.outcome === '0');
  const reasonText = task.statusReason && (task.statusReason.text || (task.statusReason.coding || [{}])[0].display);
  switch (task.status) {
    case 'rejected':
      return { key: 'rejected', label: 'rejected', reason: reasonText };
    case 'cancelled':
      return { key: 'cancelled', label: 'cancelled', reason: reasonText };
    case 'completed':
      return { key: 'completed', label: 'completed' };
    case 'accepted':
    case 'in-progress':
    case 'on-hold':
      return { key: 'accepted', label: task.status === 'accepted' ? 'accepted' : task.status };
    default:
      break;
  }
  if (business === HELD) {
    const held = mine.find((a) => a.outcome === '4' && /^held/.test(a.outcomeDesc || ''));
    const reason = held ? held.outcomeDesc.replace(/^held until \S+: /, '') : (task.businessStatus.text || 'no consent on file that lets it be disclosed');
    return { key: 'held', label: 'held for consent', reason };
  }
  if (business === NOT_ACK) {
    return { key: 'not-acknowledged', label: 'not acknowledged before release', reason: delivered ? 'delivered, not yet accepted' : 'not yet delivered' };
  }
  if (delivered) return { key: 'delivered', label: 'delivered' };
  return { key: 'sent', label: 'sent' };
}

export function stateTag(s) {
  return h('span', {},
    h('span', { class: 'tag ' + s.key }, s.label),
    s.reason ? h('span', { class: 'reason' }, s.reason) : null);
}
