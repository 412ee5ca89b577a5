// Small DOM helpers: elements are built with text nodes only (never innerHTML), so no record
// content can become markup.

export function h(tag, attrs = {}, ...children) {
  const svg = SVG_TAGS.has(tag);
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.setAttribute('class', value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const SVG_TAGS = new Set(['svg', 'g', 'line', 'polyline', 'circle', 'text', 'title', 'desc', 'rect', 'path']);

export function table(caption, headers, rows) {
  return h('div', { class: 'table-wrap' },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: headers.length }, 'None.')))));
}

export function day(value) {
  if (!value) return '';
  return String(value).substring(0, 10);
}

export function when(value) {
  if (!value) return '';
  const s = String(value);
  return s.length > 16 ? s.substring(0, 16).replace('T', ' ') : s;
}

export function name(patient) {
  const n = patient && patient.name && patient.name[0];
  if (!n) return 'Unnamed person';
  if (n.text) return n.text;
  return [...(n.given || []), n.family].filter(Boolean).join(' ');
}

export function ext(resource, suffix) {
  return (resource && resource.extension || []).find((e) => e.url && e.url.endsWith('/' + suffix));
}

export function code(concept) {
  const c = concept && concept.coding && concept.coding[0];
  return c ? c.code : undefined;
}

export function display(concept) {
  if (!concept) return '';
  const c = concept.coding && concept.coding[0];
  return concept.text || (c && (c.display || c.code)) || '';
}

export function idOf(reference) {
  return reference ? String(reference).split('/').pop() : undefined;
}

export function section(title, ...children) {
  const id = 'sec-' + title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}
