// A hand-drawn SVG line chart: x = dates, y = numbers, one polyline per series, with a text
// description and a data table fallback for screen readers.
import { h } from './dom.js';

export function lineChart({ title, series, yMin, yMax, yLabel }) {
  const width = 640;
  const height = 260;
  const left = 48;
  const right = 16;
  const top = 16;
  const bottom = 40;
  const points = series.flatMap((s) => s.points);
  if (!points.length) return h('p', {}, title + ': no data yet.');
  const times = points.map((p) => Date.parse(p.x));
  let t0 = Math.min(...times);
  let t1 = Math.max(...times);
  if (t0 === t1) {
    t0 -= 86400000;
    t1 += 86400000;
  }
  const lo = yMin !== undefined ? yMin : Math.min(...points.map((p) => p.y));
  const hi = yMax !== undefined ? yMax : Math.max(...points.map((p) => p.y));
  const span = hi - lo || 1;
  const x = (v) => left + ((Date.parse(v) - t0) / (t1 - t0)) * (width - left - right);
  const y = (v) => top + (1 - (v - lo) / span) * (height - top - bottom);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => lo + f * span);
  const id = 'chart-' + Math.random().toString(36).slice(2);
  const svg = h('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': id + '-t ' + id + '-d' },
    h('title', { id: id + '-t' }, title),
    h('desc', { id: id + '-d' }, series.map((s) => s.name + ': ' + s.points.map((p) => p.x.substring(0, 10) + ' ' + p.y).join(', ')).join('. ')),
    ticks.map((t) => h('g', {},
      h('line', { class: 'grid', x1: left, x2: width - right, y1: y(t), y2: y(t) }),
      h('text', { x: left - 6, y: y(t) + 4, 'text-anchor': 'end' }, String(Math.round(t * 10) / 10)))),
    h('line', { class: 'axis', x1: left, x2: left, y1: top, y2: height - bottom }),
    h('line', { class: 'axis', x1: left, x2: width - right, y1: height - bottom, y2: height - bottom }),
    h('text', { x: left, y: height - 8 }, new Date(t0).toISOString().substring(0, 10)),
    h('text', { x: width - right, y: height - 8, 'text-anchor': 'end' }, new Date(t1).toISOString().substring(0, 10)),
    yLabel ? h('text', { x: 4, y: 12 }, yLabel) : null,
    series.map((s, i) => h('g', {},
      h('polyline', { class: 'series s' + (i % 8), points: s.points.map((p) => x(p.x) + ',' + y(p.y)).join(' ') }),
      s.points.map((p) => h('circle', { class: 's' + (i % 8), cx: x(p.x), cy: y(p.y), r: 4 },
        h('title', {}, s.name + ' ' + p.x.substring(0, 10) + ': ' + p.y))))));
  return h('figure', { class: 'chart' },
    h('figcaption', {}, h('strong', {}, title)),
    svg,
    series.length > 1
      ? h('ul', { class: 'legend' }, series.map((s, i) => h('li', {}, h('span', { class: 'swatch s' + (i % 8), 'aria-hidden': 'true' }), s.name)))
      : null);
}
