// Requests to our own server, for every page. Same-origin only: the browser then sends the session cookie with
// Origin and Sec-Fetch-Site, which the server checks on state-changing requests (CSRF). JSON in and out; a 4xx
// or 5xx becomes an HttpError carrying the {"error","message"} of its body; a 401 sends the page to sign-in.

/** An answer that is not 2xx: status, the server's error code and message. */
export class HttpError extends Error {
  constructor(status, body) {
    super((body && body.message) || 'Erreur / Error ' + status);
    this.name = 'HttpError';
    this.status = status;
    this.code = body && body.error;
  }
}

/** Goes to the sign-in page, which comes back here afterwards. */
export const signIn = () => location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search));

/**
 * Sends one request and answers the Response as it is. An object body goes as JSON; a Blob (an image) as it is.
 * `init` adds fetch options (headers, cache, redirect), and `background: true` for a page's own periodic refresh,
 * which the server does not count as the person using the page (header X-Accueil-Background), so that a page
 * left open still reaches its idle timeout. Rejects only when the server cannot be reached.
 */
export const send = (method, url, body, { background = false, ...init } = {}) => {
  const headers = { Accept: 'application/json', ...init.headers };
  if (background) {
    headers['X-Accueil-Background'] = '1';
  }
  const json = body !== undefined && !(body instanceof Blob);
  if (json) {
    headers['Content-Type'] = 'application/json';
  }
  return fetch(url, {
    ...init,
    method,
    headers,
    body: json ? JSON.stringify(body) : body,
    mode: 'same-origin',
    credentials: 'same-origin',
  });
};

// The body as JSON; null when empty or not JSON (a proxy's error page).
const parse = (text) => {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
};

/** The JSON of an answer (null when it has none); throws an HttpError unless 2xx. 401 → sign-in unless told not to. */
export const read = async (response, { signInOn401 = true } = {}) => {
  const data = parse(await response.text());
  if (response.status === 401 && signInOn401) {
    signIn();
    throw new HttpError(401, { error: 'unauthenticated', message: 'Session terminée. / Session ended.' });
  }
  if (!response.ok) {
    throw new HttpError(response.status, data);
  }
  return data;
};

/** The options of a page's own periodic refresh, for `send` (its `init`) and for `get`/`request`. */
export const BACKGROUND = Object.freeze({ background: true });

/** send, then read: the JSON answer of a request, or an HttpError. `background`: a periodic refresh. */
export const request = async (method, url, body, options = {}) =>
  read(await send(method, url, body, { ...options.init, background: Boolean(options.background) }), options);

export const get = (url, options) => request('GET', url, undefined, options);
export const post = (url, body, options) => request('POST', url, body, options);
