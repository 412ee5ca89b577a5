// Measures for analysts: each outcome measure evaluated month by month over the last six months
// with $evaluate-measure, drawn as a trend of its first group's score. Cells of 1 to 10 are
// suppressed by the gateway for everyone but administrators; such months show as gaps.
import { get } from '../api.js';
import { h, table, section } from '../dom.js';
import { lineChart } from '../chart.js';

export const title = 'Measures';

const MEASURES = [
  { id: 'closed-loop-referrals', name: 'Closed-loop referrals (share completed)' },
  { id: 'handoff-timeliness', name: 'Handoff timeliness (share accepted before release)' },
  { id: 'recovery-capital-change', name: 'Recovery-capital change (share improved)' },
];

function months(count) {
  const now = new Date();
  const list = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
    list.push({ start: start.toISOString().substring(0, 10), end: end.toISOString().substring(0, 10) });
  }
  return list;
}

function count(group, codeValue) {
  const p = (group.population || []).find((x) => (x.code.coding || []).some((c) => c.code === codeValue));
  return p && p.count !== undefined ? p.count : null;
}

export async function render() {
  const periods = months(6);
  const sections = [];
  for (const measure of MEASURES) {
    const reports = await Promise.all(periods.map((p) =>
      get('/fhir/Measure/' + measure.id + '/$evaluate-measure?periodStart=' + p.start + '&periodEnd=' + p.end)
        .then((r) => ({ period: p, report: r }))
        .catch((e) => ({ period: p, error: e.message }))));
    const points = [];
    const rows = reports.map(({ period, report, error }) => {
      const group = report && (report.group || [])[0];
      const score = group && group.measureScore && group.measureScore.value;
      if (score !== undefined && score !== null) points.push({ x: period.start, y: Math.round(score * 1000) / 10 });
      return h('tr', {},
        h('th', { scope: 'row' }, period.start.substring(0, 7)),
        h('td', {}, error ? 'refused: ' + error : group ? String(count(group, 'denominator') ?? 'suppressed') : ''),
        h('td', {}, error ? '' : score !== undefined && score !== null ? (Math.round(score * 1000) / 10) + ' %' : 'suppressed or none'));
    });
    sections.push(section(measure.name,
      lineChart({ title: measure.name + ', per month (%)', yMin: 0, yMax: 100, series: [{ name: measure.name, points }] }),
      table(measure.name + ' by month', ['Month', 'Denominator', 'Score'], rows)));
  }
  return h('div', {}, h('p', {}, 'Outcome measures evaluated month by month over the last six months. Counts from 1 to 10 are suppressed.'), sections);
}
