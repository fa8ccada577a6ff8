// Presentations ("draaiboeken"): create with the documented request body, list/get/put/delete, errors that
// name the field, a three-view draaiboek, and who may write (not the presentatie role).
import { beforeAll, describe, expect, it } from 'vitest';
import { SqliteUserStore } from '../../server/src/store/sqliteUsers.ts';
import { makeTestApp } from '../support/testApp.ts';

let t: ReturnType<typeof makeTestApp>;

const EXACT = {
  title: 'Stadsdeeloverleg Oost',
  views: [
    {
      title: 'Buitenwijk Oost',
      caption: 'Alle misdrijven per 1.000 inwoners, 2024',
      focus: { level: 'wijk', codes: ['WK093504'] },
      measure: 'ratePer1000Smoothed',
      category: '0.0.0',
      from: '2024-01',
      to: '2024-12',
      layers: ['choropleth'],
    },
  ],
};

const send = async (method: string, url: string, body?: unknown, cookie?: string) => {
  const res = await t.app.request(url, {
    method,
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
};

const withView = (patch: Record<string, unknown>) => ({ ...EXACT, views: [{ ...EXACT.views[0], ...patch }] });

beforeAll(() => {
  t = makeTestApp(':memory:', {}, 'analist');
});

describe('POST /api/presentations', () => {
  it('accepts the exact body of the issue: 201 with id and url', async () => {
    const r = await send('POST', '/api/presentations', EXACT);
    expect(r.status).toBe(201);
    expect(r.body.id).toEqual(expect.any(Number));
    expect(r.body.url).toBe(`/?view=presentatie&presentation=${r.body.id}`);
    expect(r.body.gemeente).toBe('GM0935');
    expect(r.body.views[0]).toMatchObject({ ...EXACT.views[0], focus: { level: 'wijk', codes: ['WK093504'], gemeente: 'GM0935' } });
  });

  it('stores a three-view draaiboek in order, with defaults for optional fields', async () => {
    const body = {
      title: 'Wijkavond Centrum',
      views: [
        { title: 'De hele stad', caption: 'Alle misdrijven', focus: { level: 'gemeente', codes: ['GM0935'] }, measure: 'count', category: '0.0.0', from: '2024-01', to: '2024-12', layers: ['choropleth', 'hotspots'] },
        { title: 'Centrum', focus: { level: 'wijk', codes: ['wk093500'] }, measure: 'changePct', category: '1.1.1', from: '2024-01', to: '2024-06', layers: ['choropleth'] },
        { title: 'Binnenstad en Wyck', caption: 'Geweld', focus: { level: 'buurt', codes: ['BU09350000', 'BU09350001'] }, category: 'G1.4', from: '2024-07', to: '2024-12', layers: ['survey', 'bivariate'] },
      ],
    };
    const created = await send('POST', '/api/presentations', body);
    expect(created.status).toBe(201);
    const got = await send('GET', `/api/presentations/${created.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body.views.map((v: any) => v.title)).toEqual(['De hele stad', 'Centrum', 'Binnenstad en Wyck']);
    expect(got.body.views[1].focus).toEqual({ level: 'wijk', codes: ['WK093500'], gemeente: 'GM0935' });
    expect(got.body.views[1].caption).toBe('');
    expect(got.body.views[2].measure).toBe('ratePer1000Smoothed');
    expect(got.body.views[2].layers).toEqual(['survey', 'bivariate']);
    expect(got.body.views.map((v: any) => v.level)).toEqual(['buurt', 'buurt', 'buurt']);
    expect(got.body.url).toBe(`/?view=presentatie&presentation=${created.body.id}`);
  });
});

describe('a step keeps the level it was built on', () => {
  it('a whole city built on buurten is stored as buurten, one built on wijken as wijken; anything else is a 400 naming the field', async () => {
    const city = { focus: { level: 'gemeente', codes: ['GM0935'] } };
    const created = await send('POST', '/api/presentations', { title: 'Niveaus', views: [{ ...EXACT.views[0], ...city, level: 'buurt' }, { ...EXACT.views[0], ...city, level: 'wijk' }] });
    expect(created.status).toBe(201);
    expect(created.body.views.map((v: any) => v.level)).toEqual(['buurt', 'wijk']);
    const bad = await send('POST', '/api/presentations', withView({ level: 'gemeente' }));
    expect(bad.status).toBe(400);
    expect(bad.body.parameter).toBe('views.0.level');
  });
});

describe('GET, PUT, DELETE', () => {
  it('lists, reads, replaces and deletes', async () => {
    const { body: created } = await send('POST', '/api/presentations', EXACT);
    const list = await send('GET', '/api/presentations?gemeente=GM0935');
    expect(list.status).toBe(200);
    expect(list.body.map((p: any) => p.id)).toContain(created.id);
    expect((await send('GET', '/api/presentations?gemeente=GM0363')).body).toEqual([]);

    const replaced = await send('PUT', `/api/presentations/${created.id}`, { ...withView({ to: '2024-06', layers: ['hotspots'] }), title: 'Nieuwe titel' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: created.id, title: 'Nieuwe titel', url: created.url });
    const got = await send('GET', `/api/presentations/${created.id}`);
    expect(got.body.title).toBe('Nieuwe titel');
    expect(got.body.views[0]).toMatchObject({ to: '2024-06', layers: ['hotspots'] });
    expect(got.body.createdAt).toBe(created.createdAt);

    expect((await send('DELETE', `/api/presentations/${created.id}`)).body).toEqual({ deleted: created.id });
    expect((await send('GET', `/api/presentations/${created.id}`)).status).toBe(404);
    expect((await send('DELETE', `/api/presentations/${created.id}`)).status).toBe(404);
    expect((await send('PUT', `/api/presentations/${created.id}`, EXACT)).status).toBe(404);
  });

  it('answers 400 for an id that is not a number and 404 for an unknown one', async () => {
    expect(await send('GET', '/api/presentations/abc')).toMatchObject({ status: 400, body: { parameter: 'id' } });
    expect(await send('GET', '/api/presentations/999999')).toMatchObject({ status: 404, body: { parameter: 'id' } });
  });

  it('reads under ?view=presentatie (the privacy filter leaves a presentation intact)', async () => {
    const { body: created } = await send('POST', '/api/presentations', EXACT);
    const got = await send('GET', `/api/presentations/${created.id}?view=presentatie`);
    expect(got.status).toBe(200);
    expect(got.body.views[0].focus.codes).toEqual(['WK093504']);
  });
});

describe('validation names the field', () => {
  const cases: [string, unknown, string][] = [
    ['unknown measure', withView({ measure: 'average' }), 'views.0.measure'],
    ['unknown layer', withView({ layers: ['choropleth', 'heatmap'] }), 'views.0.layers.1'],
    ['bad focus level', withView({ focus: { level: 'stadsdeel', codes: ['WK093504'] } }), 'views.0.focus.level'],
    ['code of another level', withView({ focus: { level: 'wijk', codes: ['BU09350000'] } }), 'views.0.focus.codes.0'],
    ['code not in the data', withView({ focus: { level: 'wijk', codes: ['WK093599'] } }), 'views.0.focus.codes.0'],
    ['codes of two gemeenten', withView({ focus: { level: 'wijk', codes: ['WK093504', 'WK036300'] } }), 'views.0.focus.codes.1'],
    ['no codes', withView({ focus: { level: 'wijk', codes: [] } }), 'views.0.focus.codes'],
    ['month format', withView({ from: '2024-1' }), 'views.0.from'],
    ['from after to', withView({ from: '2024-12', to: '2024-01' }), 'views.0.to'],
    ['month outside the data', withView({ from: '1999-01', to: '1999-12' }), 'views.0.from'],
    ['a period a presentation cannot show (not a month, quarter, half-year or whole years)', withView({ from: '2024-02', to: '2024-06' }), 'views.0.from'],
    ['unknown category', withView({ category: '9.9.9' }), 'views.0.category'],
    ['missing view title', withView({ title: '' }), 'views.0.title'],
    ['missing title', { views: EXACT.views }, 'title'],
    ['no views', { title: 'x', views: [] }, 'views'],
    ['too many views', { title: 'x', views: Array.from({ length: 51 }, () => EXACT.views[0]) }, 'views'],
  ];
  for (const [name, body, parameter] of cases) {
    it(`${name} → 400 ${parameter}`, async () => {
      const r = await send('POST', '/api/presentations', body);
      expect(r.status).toBe(400);
      expect(r.body.parameter).toBe(parameter);
      expect(r.body.error).toMatch(new RegExp(`^${parameter.replace(/\./g, '\\.')}: `));
    });
  }

  it('a second view is named by its index', async () => {
    const r = await send('POST', '/api/presentations', { ...EXACT, views: [EXACT.views[0], { ...EXACT.views[0], measure: 'x' }] });
    expect(r.body.parameter).toBe('views.1.measure');
  });

  it('a body that is not JSON → 400 body', async () => {
    expect(await send('POST', '/api/presentations', '{not json')).toMatchObject({ status: 400, body: { parameter: 'body' } });
  });
});

describe('roles', () => {
  it('the presentatie role reads but may not write', async () => {
    const own = makeTestApp();
    const users = new SqliteUserStore(own.store.db);
    users.add('ana', 'correct horse battery', 'analist', []);
    users.add('scherm', 'correct horse battery', 'presentatie', []);
    const login = async (username: string) => {
      const res = await own.app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'correct horse battery' }) });
      return (res.headers.get('Set-Cookie') ?? '').split(';')[0];
    };
    const req = (method: string, url: string, cookie: string, body?: unknown) =>
      own.app.request(url, { method, headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
    const ana = await login('ana');
    const scherm = await login('scherm');
    const created = await req('POST', '/api/presentations', ana, EXACT);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect((await req('GET', `/api/presentations/${id}`, scherm)).status).toBe(200);
    expect((await req('GET', '/api/presentations', scherm)).status).toBe(200);
    expect((await req('POST', '/api/presentations', scherm, EXACT)).status).toBe(403);
    expect((await req('PUT', `/api/presentations/${id}`, scherm, EXACT)).status).toBe(403);
    expect((await req('DELETE', `/api/presentations/${id}`, scherm)).status).toBe(403);
    expect((await own.app.request('/api/presentations')).status).toBe(401);
  });
});
