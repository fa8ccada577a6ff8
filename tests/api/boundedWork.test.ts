// Bounded work per request: a density grid, a polygon and a JSON body each have a limit, refused with a 400 that
// names the parameter and says what fits, before any of the work is done; the server answers on afterwards.
import { beforeAll, describe, expect, it } from 'vitest';
import { SqliteUserStore } from '../../server/src/store/sqliteUsers.ts';
import { makeTestApp } from '../support/testApp.ts';

const PW = 'correct horse battery';
let t: ReturnType<typeof makeTestApp>;
let cookie = '';

const send = async (method: string, url: string, body?: unknown) => {
  const res = await t.app.request(url, { method, headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(async () => {
  t = makeTestApp(':memory:');
  new SqliteUserStore(t.store.db).add('ana', PW, 'analist', []);
  const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'ana', password: PW }) });
  cookie = (res.headers.get('Set-Cookie') ?? '').split(';')[0];
});

describe('bounded work per request', () => {
  it('a density grid of tiny cells over the whole gemeente is refused, naming the cell size that fits', async () => {
    const r = await send('GET', '/api/density?gemeente=GM0935&from=2024-01&to=2024-12&cell=10');
    expect(r.status).toBe(400);
    expect(r.body.parameter).toBe('cell');
    const fit = Number(/use at least (\d+) m/.exec(r.body.error)?.[1]);
    expect(fit).toBeGreaterThan(10);
    const ok = await send('GET', `/api/density?gemeente=GM0935&from=2024-01&to=2024-12&cell=${Math.min(1000, fit)}`);
    expect(ok.status).toBe(200);
    expect(ok.body.features.length).toBeGreaterThan(0);
  }, 60_000);

  it('an attention-area polygon with more positions than the limit is refused before it is stored', async () => {
    const n = 25_000;
    const ring = Array.from({ length: n }, (_, i) => [5.69 + 0.01 * Math.cos((2 * Math.PI * i) / n), 50.85 + 0.01 * Math.sin((2 * Math.PI * i) / n)]);
    ring.push(ring[0]);
    const r = await send('POST', '/api/attention-areas', { name: 'Te fijn', gemeente: 'GM0935', kind: 'vba', geometry: { type: 'Polygon', coordinates: [ring] } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ parameter: 'geometry', error: expect.stringMatching(/at most 20,000 positions/) });
    expect((await send('GET', '/api/attention-areas?gemeente=GM0935')).body).toEqual([]);
  });

  it('a body nested thousands deep is refused; the list answers as before', async () => {
    const deep = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);
    const body = `{"name":"Diep","gemeente":"GM0935","codes":["BU09350000"],"criteria":${deep}}`;
    const r = await send('POST', '/api/selections', body);
    expect([r.status, r.body.parameter]).toEqual([400, 'body']);
    expect(r.body.error).toMatch(/nested deeper than 32 levels/);
    const list = await send('GET', '/api/selections?gemeente=GM0935');
    expect(list.status).toBe(200);
    // An ordinary nested criteria object is still welcome.
    expect((await send('POST', '/api/selections', { name: 'Gewoon', gemeente: 'GM0935', codes: ['BU09350000'], criteria: { weights: { smoothedRate: 2 } } })).status).toBe(201);
  });
});
