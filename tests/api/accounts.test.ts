// Accounts against an outsider: throttling that cannot lock a known user out and that counts parallel
// guesses, hashing off the event loop, body limits, case-insensitive names, open mode read-only.
import { beforeAll, describe, expect, it } from 'vitest';
import { SqliteUserStore } from '../../server/src/store/sqliteUsers.ts';
import { LoginThrottle } from '../../server/src/http/loginThrottle.ts';
import { makeTestApp } from '../support/testApp.ts';

const PW = 'correct horse battery';
let t: ReturnType<typeof makeTestApp>;

const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
const login = async (username: string, password: string, address = '192.0.2.1') =>
  t.app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) }, from(address));

beforeAll(() => {
  // The default limits (10 attempts per username and address, 15 minutes), with shorter delays.
  t = makeTestApp(':memory:', { loginThrottle: new LoginThrottle({ baseDelayMs: 1, maxDelayMs: 4 }) });
  const users = new SqliteUserStore(t.store.db);
  users.add('beheer', PW, 'beheerder', []);
  users.add('ana', PW, 'analist', []);
  for (let i = 0; i < 12; i++) users.add(`user${i}`, PW, 'analist', []);
});

describe('login throttling', () => {
  it('ten wrong passwords from one address do not stop the right password from another', async () => {
    for (let i = 0; i < 10; i++) expect((await login('beheer', `wrong password ${i}`, '198.51.100.66')).status).toBe(401);
    expect((await login('beheer', PW, '198.51.100.66')).status).toBe(429);
    const elsewhere = await login('Beheer', PW, '203.0.113.5');
    expect(elsewhere.status).toBe(200);
    expect(await elsewhere.json()).toMatchObject({ username: 'beheer', role: 'beheerder' });
  }, 60_000);

  it('30 parallel guesses after nine failures: only as many as the limit allows are checked', async () => {
    for (let i = 0; i < 9; i++) expect((await login('ana', `wrong password ${i}`, '198.51.100.7')).status).toBe(401);
    const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) => login('ana', `guess number ${i}`, '198.51.100.7').then((r) => r.status)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(29);
  }, 60_000);

  it('/api/health answers while 12 logins are being checked (hashing runs off the event loop)', async () => {
    const done: string[] = [];
    const logins = Array.from({ length: 12 }, (_, i) => login(`user${i}`, PW, `192.0.2.${100 + i}`).then((r) => { done.push(`login ${r.status}`); }));
    // Give the requests a turn to reach the hashing, then ask for health.
    await new Promise((r) => setImmediate(r));
    const health = Promise.resolve(t.app.request('/api/health')).then((r) => { done.push(`health ${r.status}`); });
    await Promise.all([...logins, health]);
    expect(done[0]).toBe('health 200');
    expect(done.filter((d) => d === 'login 200')).toHaveLength(12);
  }, 60_000);
});

describe('bodies', () => {
  it('a login body over the limit gets 413 in the error shape, with or without Content-Length', async () => {
    const big = JSON.stringify({ username: 'ana', password: 'x'.repeat(100_000) });
    const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(big.length) }, body: big });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ parameter: 'body' });
    const stream = new ReadableStream({ start(c) { for (let i = 0; i < 40; i++) c.enqueue(new TextEncoder().encode('x'.repeat(1024))); c.close(); } });
    const chunked = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('every JSON route has a limit (a 2 MB selection gets 413)', async () => {
    const cookie = (await login('user0', PW, '192.0.2.200')).headers.get('Set-Cookie')!.split(';')[0];
    const body = JSON.stringify({ name: 'x', gemeente: 'GM0935', codes: ['BU09350000'], note: 'x'.repeat(2 * 1024 * 1024) });
    const res = await t.app.request('/api/selections', { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ parameter: 'body' });
  });
});

describe('open mode', () => {
  it('before the first account exists the app only reads', async () => {
    const open = makeTestApp(':memory:');
    expect((await open.app.request('/api/selections?gemeente=GM0935')).status).toBe(200);
    const res = await open.app.request('/api/selections', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'x', gemeente: 'GM0935', codes: ['BU09350000'] }) });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/read-only/);
  });
});
