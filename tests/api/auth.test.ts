// Roles and privacy, enforced on the server: sessions, 401/403, throttled logins, suppression of
// small counts for presentations, restricted incident data with an audit trail, cross-site refusal.
import { changeSignificant } from '../../server/src/domain/significance.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { SqliteUserStore } from '../../server/src/store/sqliteUsers.ts';
import { LoginThrottle } from '../../server/src/http/loginThrottle.ts';
import { makeTestApp } from '../support/testApp.ts';

const PW = 'correct horse battery';
let t: ReturnType<typeof makeTestApp>;

async function login(username: string, password = PW): Promise<{ status: number; cookie: string }> {
  const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const cookie = (res.headers.get('Set-Cookie') ?? '').split(';')[0];
  return { status: res.status, cookie };
}

const get = async (url: string, cookie?: string) => {
  const res = await t.app.request(url, { headers: cookie ? { Cookie: cookie } : {} });
  const type = res.headers.get('Content-Type') ?? '';
  return { status: res.status, headers: res.headers, body: type.includes('json') ? ((await res.json()) as any) : await res.text() };
};

beforeAll(() => {
  t = makeTestApp(':memory:', { loginThrottle: new LoginThrottle({ windowMs: 60_000, freeAttempts: 2, maxAttempts: 5, baseDelayMs: 5, maxDelayMs: 20, addressFactor: 5 }) });
  const users = new SqliteUserStore(t.store.db);
  users.add('beheer', PW, 'beheerder', []);
  users.add('ana', PW, 'analist', []);
  users.add('agent', PW, 'wijkagent', ['WK093502']);
  users.add('scherm', PW, 'presentatie', []);
});

const DATA = [
  '/api/gemeenten', '/api/categories', '/api/areas?gemeente=GM0935', '/api/stats?gemeente=GM0935', '/api/series?code=BU09350000',
  '/api/hotspots?gemeente=GM0935', '/api/ranking?gemeente=GM0935', '/api/export?format=csv&gemeente=GM0935', '/api/neighbours?gemeente=GM0935',
  '/api/survey?gemeente=GM0935', '/api/targets?gemeente=GM0935', '/api/benchmark?gemeente=GM0935', '/api/selections?gemeente=GM0935',
  '/api/attention-areas?gemeente=GM0935', '/api/incidents?gemeente=GM0935', '/api/streets?gemeente=GM0935&code=BU09350000', '/api/audit',
];

describe('sessions', () => {
  it('every data endpoint answers 401 without a session; health does not', async () => {
    for (const url of DATA) expect((await get(url)).status, url).toBe(401);
    expect((await get('/api/health')).status).toBe(200);
    expect((await get('/api/auth/me')).body).toMatchObject({ authenticated: false });
  });

  it('logs in with an HttpOnly SameSite cookie, and out again', async () => {
    const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'ana', password: PW }) });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('Set-Cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0];
    expect((await get('/api/auth/me', cookie)).body).toMatchObject({ authenticated: true, username: 'ana', role: 'analist' });
    expect((await get('/api/stats?gemeente=GM0935', cookie)).status).toBe(200);
    await t.app.request('/api/auth/logout', { method: 'POST', headers: { Cookie: cookie } });
    expect((await get('/api/stats?gemeente=GM0935', cookie)).status).toBe(401);
  });

  it('rejects a malformed login with 400 naming the field', async () => {
    const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"username": "ana"}' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).parameter).toBe('password');
  });

  it('slows down and then refuses repeated wrong passwords (429)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await login('beheer', 'wrong password!')).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    // Even the right password is refused while the lock lasts.
    expect((await login('beheer')).status).toBe(429);
  });
});

describe('roles', () => {
  it('a presentatie user never receives a count between 1 and 4', async () => {
    const { cookie } = await login('scherm');
    const seen: number[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if ((k === 'count' || k === 'previousCount') && typeof x === 'number') seen.push(x);
          else walk(x);
        }
      }
    };
    for (const url of ['/api/stats?gemeente=GM0935&category=1.1.1&from=2024-06&to=2024-06', '/api/series?code=BU09350303&category=1.1.1', '/api/stats?gemeente=GM0935&level=wijk&category=1.4.2&from=2024-01&to=2024-03', '/api/ranking?gemeente=GM0935&category=1.1.1&from=2024-06&to=2024-06']) {
      const r = await get(url, cookie);
      expect(r.status, url).toBe(200);
      walk(r.body);
    }
    expect(seen.length).toBeGreaterThan(50);
    expect(seen.filter((n) => n >= 1 && n <= 4)).toEqual([]);
    const s = await get('/api/stats?gemeente=GM0935&category=1.1.1&from=2024-06&to=2024-06', cookie);
    const hidden = s.body.rows.filter((r: any) => r.suppressed && r.count === null);
    expect(hidden.length).toBeGreaterThan(0);
    for (const r of hidden) expect(r).toMatchObject({ ratePer1000: null, ratePer1000Smoothed: null, densityPerKm2: null, changePct: null });
    expect(hidden.every((r: any) => r.flags.includes('suppressed'))).toBe(true);
    const csv = await get('/api/export?format=csv&gemeente=GM0935&category=1.1.1&from=2024-06&to=2024-06', cookie);
    expect(csv.status).toBe(200);
    for (const line of String(csv.body).split('\r\n').slice(1)) expect(line.split(';')[2] ?? '', line).not.toMatch(/^[1-4]$/);
    expect((await get('/api/incidents?gemeente=GM0935', cookie)).status).toBe(403);
    expect((await get('/api/streets?gemeente=GM0935&code=BU09350000', cookie)).status).toBe(403);
    const post = await t.app.request('/api/selections', { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'x', gemeente: 'GM0935', codes: ['BU09350000'] }) });
    expect(post.status).toBe(403);
  });

  it('a wijkagent gets incident points of their own wijk and 403 for another; the audit trail records both', async () => {
    const { cookie } = await login('agent');
    const own = await get('/api/incidents?gemeente=GM0935&wijk=WK093502&from=2024-01&to=2024-03', cookie);
    expect(own.status).toBe(200);
    expect(own.body.type).toBe('FeatureCollection');
    expect(own.body.features.length).toBeGreaterThan(0);
    expect(own.body.features.every((f: any) => f.properties.buurt.startsWith('BU093502'))).toBe(true);
    expect(own.body.meta.demo).toBe(true);
    const other = await get('/api/incidents?gemeente=GM0935&wijk=WK093500&from=2024-01&to=2024-03', cookie);
    expect(other.status).toBe(403);
    expect((await get('/api/streets?gemeente=GM0935&code=BU09350202', cookie)).status).toBe(200);
    expect((await get('/api/streets?gemeente=GM0935&code=BU09350000', cookie)).status).toBe(403);
    expect((await get('/api/audit', cookie)).status).toBe(403);
    const admin = await login('beheer', PW).catch(() => null);
    // The beheerder may be locked out by the throttle test above; use a fresh session via the store.
    const users = new SqliteUserStore(t.store.db);
    const token = users.createSession(users.get('beheer')!.id, 60_000);
    const audit = await get('/api/audit', `bvk_session=${token}`);
    expect(admin).not.toBeNull();
    expect(audit.status).toBe(200);
    const entries = audit.body.entries.filter((e: any) => e.username === 'agent' && e.action === 'incidents');
    expect(entries.some((e: any) => e.detail.allowed === true && e.resource.includes('WK093502'))).toBe(true);
    expect(entries.some((e: any) => e.detail.allowed === false && e.resource.includes('WK093500'))).toBe(true);
  });

  it('an analist sees all incident points and counts per street', async () => {
    const { cookie } = await login('ana');
    const all = await get('/api/incidents?gemeente=GM0935&category=1.1.1&from=2024-01&to=2024-12', cookie);
    expect(all.status).toBe(200);
    const streets = await get('/api/streets?gemeente=GM0935&code=BU09350000&category=1.1.1&from=2024-01&to=2024-12', cookie);
    const total = (await get('/api/stats?gemeente=GM0935&category=1.1.1&from=2024-01&to=2024-12', cookie)).body.rows.find((r: any) => r.code === 'BU09350000').count;
    // Demo points are consistent with the demo counts.
    expect(streets.body.rows.reduce((s: number, r: any) => s + r.count, 0)).toBe(total);
    expect(all.body.features.filter((f: any) => f.properties.buurt === 'BU09350000').length).toBe(total);
  });
});

describe('browser protections', () => {
  it('sends security headers', async () => {
    const r = await get('/api/health');
    expect(r.headers.get('Content-Security-Policy')).toMatch(/default-src 'self'/);
    // The search box's Locatieserver and the PDOK background maps the user may switch to; nothing else.
    expect(r.headers.get('Content-Security-Policy')).toMatch(/connect-src 'self' https:\/\/api\.pdok\.nl https:\/\/service\.pdok\.nl;/);
    expect(r.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(r.headers.get('X-Frame-Options')).toBe('DENY');
  });

  it('refuses state-changing cross-site requests', async () => {
    const { cookie } = await login('ana');
    const res = await t.app.request('/api/selections', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json', Origin: 'https://evil.example', Host: 'localhost' },
      body: JSON.stringify({ name: 'x', gemeente: 'GM0935', codes: ['BU09350000'] }),
    });
    expect(res.status).toBe(403);
  });
});

describe('open mode before the first account', () => {
  it('serves the aggregates but never restricted detail', async () => {
    const open = makeTestApp();
    expect((await open.app.request('/api/stats?gemeente=GM0935')).status).toBe(200);
    expect(await (await open.app.request('/api/auth/me')).json()).toMatchObject({ authenticated: true, openMode: true });
    expect((await open.app.request('/api/incidents?gemeente=GM0935')).status).toBe(403);
    expect((await open.app.request('/api/audit')).status).toBe(403);
  });
});

describe('restricted overviews', () => {
  it('a wijkagent gets a quartic-kernel density of their wijk with the bandwidth rule stated', async () => {
    const { cookie } = await login('agent');
    const r = await get('/api/density?gemeente=GM0935&wijk=WK093502&from=2024-01&to=2024-12', cookie);
    expect(r.status).toBe(200);
    expect(r.body.meta).toMatchObject({ kernel: 'quartic', restricted: true });
    expect(r.body.meta.bandwidthM).toBeGreaterThanOrEqual(100);
    expect(r.body.meta.bandwidthRule).toMatch(/Silverman/);
    expect(r.body.features.length).toBeGreaterThan(10);
    expect((await get('/api/density?gemeente=GM0935&wijk=WK093500', cookie)).status).toBe(403);
  });

  it('"Mijn wijk": latest month against a year earlier, streets, recent registrations, hotspot status', async () => {
    const { cookie } = await login('agent');
    const r = await get('/api/mijn-wijk', cookie);
    expect(r.status).toBe(200);
    expect(r.body.meta).toMatchObject({ wijk: 'WK093502', month: '2025-12', compareMonth: '2024-12', demo: true });
    expect(r.body.categories.find((x: any) => x.code === '0.0.0').count).toBeGreaterThan(0);
    expect(r.body.streets.length).toBeGreaterThan(0);
    expect(r.body.recent.length).toBeGreaterThan(0);
    expect(r.body.recent.every((x: any) => x.buurt.startsWith('BU093502'))).toBe(true);
    expect(r.body.recent.every((x: any) => typeof x.buurtNaam === 'string' && x.buurtNaam !== x.buurt)).toBe(true);
    // Busiest streets against the same three months a year earlier.
    expect(r.body.meta).toMatchObject({ streetsFrom: '2025-10', streetsTo: '2025-12', streetsCompareFrom: '2024-10', streetsCompareTo: '2024-12' });
    for (const st of r.body.streets) expect(st).toMatchObject({ count: expect.any(Number), lastYearCount: expect.any(Number), changeSignificant: expect.any(Boolean) });
    expect(r.body.buurten.length).toBe(10);
    expect((await get('/api/mijn-wijk?wijk=WK093500', cookie)).status).toBe(403);
    // The month's change is judged by the exact test, never by its percentage alone.
    for (const c of r.body.categories) if (c.count !== null && c.previousCount !== null) expect(typeof c.changeSignificant).toBe('boolean');
  });

  it('"Mijn wijk": the last 7 and 28 days up to the newest registration, a year earlier and the mean of the windows before', async () => {
    const { cookie } = await login('agent');
    const r = await get('/api/mijn-wijk', cookie);
    const [week, month] = r.body.windows;
    expect(week).toMatchObject({ days: 7, to: '2025-12-31', from: '2025-12-25', lastYearFrom: '2024-12-26', lastYearTo: '2025-01-01', history: 12, complete: true });
    expect(month).toMatchObject({ days: 28, to: '2025-12-31', from: '2025-12-04', history: 6 });
    const total = (w: any) => w.rows.find((x: any) => x.code === '0.0.0');
    // The window's registrations are the recent points of those days (each counted once).
    const inWeek = r.body.recent.filter((x: any) => x.datum.slice(0, 10) >= week.from).length;
    expect(total(week).count).toBeGreaterThanOrEqual(Math.min(inWeek, 20));
    expect(total(month).count).toBeGreaterThanOrEqual(total(week).count);
    for (const w of [week, month]) for (const row of w.rows) {
      expect(row).toMatchObject({ naam: expect.any(String), count: expect.any(Number), lastYearCount: expect.any(Number), averageCount: expect.any(Number), changeSignificant: expect.any(Boolean) });
      expect(row.changeSignificant).toBe(changeSignificant(row.count, row.lastYearCount) === true);
    }
  });
});
