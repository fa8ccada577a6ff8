// The API contract through the typed client (hc<AppType> over app.request, see tests/support/testApp.ts):
// every field read here is checked by the typecheck against the server's own types, so renaming a
// route, a query parameter or an answer field breaks `npm run typecheck` before any test runs.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/testApp.ts';
import type { ApiError } from '../../server/src/api/types.ts';

let t: ReturnType<typeof makeTestApp>;

/** Errors are thrown (ApiError) rather than returned, so the typed client does not know their shape. */
const errorOf = async (res: Response) => (await res.json()) as ApiError;

beforeAll(() => {
  t = makeTestApp();
});

describe('GET /api/stats (typed; the cached answer keeps its row type)', () => {
  it('Maastricht 2024: one row per buurt with the documented fields', async () => {
    const res = await t.client.stats.$get({ query: { gemeente: 'GM0935', level: 'buurt', from: '2024-01', to: '2024-12' } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.meta.gemeente).toBe('GM0935');
    expect(body.meta.from).toBe('2024-01');
    expect(body.meta.previousFrom).toBe('2023-01');
    expect(body.rows.length).toBe(44); // Maastricht's 44 buurten (CBS 2024)
    const row = body.rows[0];
    for (const key of ['code', 'naam', 'count', 'population', 'ratePer1000', 'ratePer1000Smoothed', 'densityPerKm2', 'changePct', 'previousCount', 'flags'] as const) {
      expect(row).toHaveProperty(key);
    }
    // The same request again comes from the answer cache: the same JSON.
    const again = await (await t.client.stats.$get({ query: { gemeente: 'GM0935', level: 'buurt', from: '2024-01', to: '2024-12' } })).json();
    expect(again).toEqual(body);
  });

  it('a bad parameter is a 400 in the error shape, naming it', async () => {
    const res = await t.client.stats.$get({ query: { gemeente: 'GM0935', level: 'straat' as 'buurt' } });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({ error: "level: expected 'buurt', 'wijk' or 'gemeente'", parameter: 'level' });
  });

  it('a parameter given twice is refused, naming it', async () => {
    const res = await t.app.request('/api/stats?gemeente=GM0935&level=buurt&level=wijk');
    expect(res.status).toBe(400);
    expect((await errorOf(res)).parameter).toBe('level');
  });
});

describe('GET /api/series (typed)', () => {
  it('a wijk month by month, with a breakdown that sums to the period', async () => {
    const body = await (await t.client.series.$get({ query: { code: 'WK093502', from: '2024-01', to: '2024-12' } })).json();
    expect(body.meta.code).toBe('WK093502');
    expect(body.series.every((p) => /^\d{4}-\d{2}$/.test(p.month))).toBe(true);
    const inPeriod = body.series.filter((p) => p.month >= '2024-01' && p.month <= '2024-12');
    const total = inPeriod.reduce((s, p) => s + (p.count ?? 0), 0);
    expect(body.breakdown.reduce((s, b) => s + (b.count ?? 0), 0)).toBeLessThanOrEqual(total);
  });

  it('an unknown area is a 404 naming code', async () => {
    const res = await t.client.series.$get({ query: { code: 'BU09359999' } });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).parameter).toBe('code');
  });
});

describe('GET /api/hotspots (typed)', () => {
  it('Gi* on density by default, with a class per buurt', async () => {
    const body = await (await t.client.hotspots.$get({ query: { gemeente: 'GM0935', from: '2024-01', to: '2024-12' } })).json();
    expect(body.meta.method).toBe('gistar');
    expect(body.meta.measure).toBe('densityPerKm2');
    expect(body.meta.correction).toBe('benjamini-hochberg');
    expect(body.rows.every((r) => typeof r.class === 'string' && typeof r.monthsSignificant === 'number')).toBe(true);
  });

  it("Local Moran's I refuses another measure, naming it", async () => {
    const res = await t.client.hotspots.$get({ query: { gemeente: 'GM0935', method: 'lisa', measure: 'count' } });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).parameter).toBe('measure');
  });
});

describe('GET /api/targets (typed)', () => {
  it("Maastricht's plan indicators, each with a status and its targets", async () => {
    const items = await (await t.client.targets.$get({ query: { gemeente: 'GM0935' } })).json();
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      expect(['onTrack', 'offTrack', 'noRecentData', 'indicative', 'noData']).toContain(i.status);
      expect(i.baseline.year).toBeGreaterThan(2000);
      expect(Array.isArray(i.targets)).toBe(true);
    }
  });

  it('a gemeente that is not in the data is a 404', async () => {
    const res = await t.client.targets.$get({ query: { gemeente: 'GM9999' } });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).parameter).toBe('gemeente');
  });
});

describe('JSON bodies (typed: the route validates them in middleware, so hc knows each POST/PUT body)', () => {
  let w: ReturnType<typeof makeTestApp>;
  beforeAll(() => {
    w = makeTestApp(':memory:', {}, 'analist');
  });

  it('POST /api/selections takes its typed body and answers the stored selection', async () => {
    const res = await w.client.selections.$post({ json: { name: 'Shortlist', gemeente: 'GM0935', codes: ['bu09350000'], shared: false } });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ name: 'Shortlist', codes: ['BU09350000'], createdBy: 'test-analist', shared: false });
  });

  it('a field the schema refuses is a 400 naming its path', async () => {
    const res = await w.client.evaluations.$post({ json: { name: 'x', codes: ['BU09350000'], start: '2024-03', categories: ['1.1.1'], preMonths: 0, postMonths: 12 } });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({ error: 'preMonths: must be at least 1', parameter: 'preMonths' });
  });

  it('a body without Content-Type: application/json, or one that is not JSON, is a 400 naming body', async () => {
    const raw = (body: string, headers: Record<string, string>) => w.app.request('/api/selections', { method: 'POST', body, headers });
    const valid = JSON.stringify({ name: 'x', gemeente: 'GM0935', codes: ['BU09350000'] });
    for (const res of [await raw(valid, {}), await raw(valid, { 'Content-Type': 'text/plain' }), await raw('{"name":', { 'Content-Type': 'application/json' })]) {
      expect(res.status).toBe(400);
      expect((await errorOf(res)).parameter).toBe('body');
    }
  });
});
