// The admin token lives in sessionStorage: this tab only, gone when it closes or on sign-out.
const KEY = 'signalhub.admin-token';

export const credentials = {
  get: () => sessionStorage.getItem(KEY),
  set: (token) => sessionStorage.setItem(KEY, token),
  clear: () => sessionStorage.removeItem(KEY),
};

/** An HTTP answer other than 2xx, with the API's {error, message, field} when it sent one. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
  get authLost() { return this.status === 401 || this.status === 403; }
}

/** Paths are relative to the console (…/admin/), so the app works under any context root. */
export function apiUrl(path) {
  return new URL('../api/' + path, location.href);
}

/** Calls the API with the admin token; body is sent as given when it is a string (raw JSON). */
export async function api(method, path, body) {
  return (await apiWithText(method, path, body)).data;
}

/** The parsed answer and its text (JSON.parse turns a price of 75000.00 into 75000). */
export async function apiWithText(method, path, body) {
  const headers = { Authorization: 'Bearer ' + credentials.get() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(apiUrl(path), {
    method, headers, cache: 'no-store',
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!response.ok) throw new ApiError(response.status, data);
  return { data, text };
}

/** Text in an element, never markup: everything shown comes from the server or the user. */
export function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  if (className) td.className = className;
  return td;
}

export function localTime(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}
