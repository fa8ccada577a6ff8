// Signed-in requests for the API tests: accounts sign in over HTTP (POST /api/auth/login, as the browser does)
// and each request is sent with the session cookie of the account named, so a test reads as "who does what".
import { hc } from 'hono/client';
import type { AppType } from '../../server/src/app.ts';
import type { makeTestApp } from './testApp.ts';

/** The password the API tests give their accounts. */
export const TEST_PASSWORD = 'correct horse battery';

export interface Sent {
  status: number;
  headers: Headers;
  /** The answer as text, a leading BOM kept (a CSV export must start with one). */
  text: string;
  /** The answer parsed, when it is JSON; else null. */
  body: any;
}

/**
 * `app` is read at each call, so the helpers can be made at module level while the app itself is made in
 * `beforeAll`. The session cookies are kept per username.
 */
export function sessions(app: () => ReturnType<typeof makeTestApp>['app']) {
  const cookies: Record<string, string> = {};

  /** Signs in and keeps the session cookie; the login's HTTP status, for tests of refused sign-ins. */
  async function login(username: string, password = TEST_PASSWORD): Promise<number> {
    const res = await app().request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (res.ok) cookies[username] = (res.headers.get('Set-Cookie') ?? '').split(';')[0];
    return res.status;
  }

  /** A request as `who` (no cookie for a name that has not signed in); a string body is sent as it is (malformed JSON). */
  async function send(who: string, method: string, url: string, body?: unknown): Promise<Sent> {
    const res = await app().request(url, {
      method,
      headers: { 'Content-Type': 'application/json', Cookie: cookies[who] ?? '' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    // Decoded by hand: Response.text() would drop the BOM.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, text, body: (res.headers.get('Content-Type') ?? '').includes('json') ? JSON.parse(text) : null };
  }

  return { login, send, cookies };
}

/** The typed client of /api with `cookie` (a session, `name=value`) on every request: signed-in typed calls. */
export function clientAs(app: ReturnType<typeof makeTestApp>['app'], cookie: string) {
  return hc<AppType>('http://localhost/api', { fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input, init), headers: { Cookie: cookie } });
}
