// Calls to the gateway's public /fhir and /api endpoints with the signed-in user's token. A 401
// ends the session (the app returns to sign-in and back to the same page); other refusals raise
// an ApiError carrying the server's own words (OperationOutcome or problem+json).
import { current, expire } from './auth.js';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function reasonOf(status, body) {
  if (body && body.resourceType === 'OperationOutcome') {
    const texts = (body.issue || [])
      .map((i) => i.diagnostics || (i.details && i.details.text))
      .filter(Boolean);
    if (texts.length) return texts.join('; ');
  }
  if (body && (body.detail || body.title)) return body.detail || body.title;
  return 'HTTP ' + status;
}

export async function call(method, path, body, contentType) {
  const s = current();
  if (!s) {
    expire();
    throw new ApiError(401, 'Your session has ended; please sign in again.');
  }
  const headers = { Authorization: 'Bearer ' + s.accessToken, Accept: 'application/fhir+json, application/json' };
  const init = { method, headers, cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = contentType || 'application/fhir+json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (response.status === 401) {
    expire();
    throw new ApiError(401, 'Your session has ended; please sign in again.');
  }
  if (!response.ok) throw new ApiError(response.status, reasonOf(response.status, json));
  return json;
}

export const get = (path) => call('GET', path);

/**
 * A FHIR search: the resources of the first page (and of _include). {@code params} is an object,
 * or an array of [name, value] pairs when a parameter repeats (_include).
 */
export async function search(type, params) {
  const query = new URLSearchParams(params).toString();
  const bundle = await get('/fhir/' + type + (query ? '?' + query : ''));
  return ((bundle && bundle.entry) || []).map((e) => e.resource).filter(Boolean);
}

export function byType(resources, type) {
  return resources.filter((r) => r.resourceType === type);
}

export async function history(type, id) {
  const bundle = await get('/fhir/' + type + '/' + encodeURIComponent(id) + '/_history?_count=100');
  return ((bundle && bundle.entry) || []).map((e) => e.resource).filter(Boolean);
}

export function patch(type, id, operations) {
  return call('PATCH', '/fhir/' + type + '/' + encodeURIComponent(id), operations, 'application/json-patch+json');
}
