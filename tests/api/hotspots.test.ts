// Hot spots against the real data: a class for every buurt, the Maastricht Binnenstad a hot spot
// of total registered crime in 2024, FDR applied, LISA reproducible, no NaN, clear 400s.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, defined, errorOf } from '../support/answers.ts';

let t: ReturnType<typeof makeTestApp>;
beforeAll(() => {
  t = makeTestApp();
});

const CLASSES = ['hot99', 'hot95', 'hot90', 'cold90', 'cold95', 'cold99', 'none'];
const TRENDS = ['new', 'intensifying', 'persistent', 'diminishing', 'none'];
type HotspotsQuery = Parameters<typeof t.client.hotspots.$get>[0]['query'];
const hs = async (query: HotspotsQuery) => {
  const res = await t.client.hotspots.$get({ query });
  return { body: await answerOf(res) };
};
type HotspotRow = Awaited<ReturnType<typeof hs>>['body']['rows'][number];

/** Every number in the body is finite (JSON would turn NaN/Infinity into null silently). */
function expectFiniteNumbers(rows: HotspotRow[]) {
  for (const r of rows) {
    const fields: Record<string, unknown> = { ...r };
    for (const k of ['z', 'p', 'q', 'value', 'I', 'lag']) {
      if (fields[k] !== null && fields[k] !== undefined) expect(Number.isFinite(fields[k]), `${r.code}.${k}`).toBe(true);
    }
    expect(Number.isFinite(r.trendZ)).toBe(true);
    expect(Number.isInteger(r.monthsSignificant)).toBe(true);
  }
}

describe('GET /api/hotspots (Gi*)', () => {
  it('Maastricht 2024: a class for every buurt and the Binnenstad a hot spot', async () => {
    const r = await hs({ gemeente: 'GM0935', level: 'buurt', category: '0.0.0', from: '2024-01', to: '2024-12' });
    expect(r.body.rows).toHaveLength(44);
    for (const row of r.body.rows) {
      expect(CLASSES).toContain(row.class);
      expect(TRENDS).toContain(row.trend);
      expect(row.monthsSignificant).toBeGreaterThanOrEqual(0);
      expect(row.monthsSignificant).toBeLessThanOrEqual(12);
    }
    const binnenstad = defined(r.body.rows.find((x) => x.code === 'BU09350000'));
    expect(binnenstad.class).toMatch(/^hot/);
    expect(binnenstad.significant).toBe(true);
    expect(binnenstad.z).toBeGreaterThan(2);
    expect(binnenstad.monthsSignificant).toBeGreaterThanOrEqual(6);
    // Business areas with a handful of inhabitants are not hot spots of the city.
    expect(r.body.rows.find((x) => x.naam === 'Beatrixhaven')?.class).toBe('none');
    expect(r.body.meta).toMatchObject({ method: 'gistar', measure: 'densityPerKm2', alpha: 0.05, correction: 'benjamini-hochberg', historyMonths: 12, historyFrom: '2024-01', historyTo: '2024-12', tested: 44 });
    expectFiniteNumbers(r.body.rows);
  });

  it('the classes follow the FDR q-values; significance only where q <= alpha', async () => {
    const r = await hs({ gemeente: 'GM0935', from: '2024-01', to: '2024-12' });
    for (const row of r.body.rows) {
      // Gi* over densities excludes no buurt: every row was tested.
      const [q, p, z] = [defined(row.q, 'q'), defined(row.p, 'p'), defined(row.z, 'z')];
      expect(row.significant).toBe(q <= 0.05);
      if (row.class === 'hot99' || row.class === 'cold99') expect(row.q).toBeLessThanOrEqual(0.01);
      if (row.class === 'hot95' || row.class === 'cold95') expect(row.q).toBeGreaterThan(0.01);
      expect(q).toBeGreaterThanOrEqual(p);
      if (row.class !== 'none') expect(Math.sign(z)).toBe(row.class.startsWith('hot') ? 1 : -1);
    }
    expect(r.body.rows.some((x) => x.class === 'hot90')).toBe(false); // above alpha 0.05
  });

  it('a tiny alpha leaves nothing significant (FDR applied), a wider one more', async () => {
    const tiny = await hs({ gemeente: 'GM0935', from: '2024-01', to: '2024-12', alpha: '0.0000000001' });
    expect(tiny.body.rows.filter((x) => x.significant)).toHaveLength(0);
    expect(tiny.body.rows.every((x) => x.class === 'none')).toBe(true);
    const wide = await hs({ gemeente: 'GM0935', from: '2024-01', to: '2024-12', alpha: '0.1' });
    const normal = await hs({ gemeente: 'GM0935', from: '2024-01', to: '2024-12' });
    expect(wide.body.meta.significant).toBeGreaterThanOrEqual(normal.body.meta.significant);
  });

  it('on the EB rate, low-population areas are left out and say so', async () => {
    const r = await hs({ gemeente: 'GM0935', from: '2024-01', to: '2024-12', measure: 'ratePer1000Smoothed' });
    expect(r.body.meta.measure).toBe('ratePer1000Smoothed');
    const beatrix = r.body.rows.find((x) => x.naam === 'Beatrixhaven');
    expect(beatrix).toMatchObject({ excluded: 'lowPopulation', z: null, class: 'none', significant: false });
    expect(r.body.meta.tested).toBe(44 - r.body.rows.filter((x) => x.excluded).length);
    // The centre still has the highest Gi* z among the tested buurten.
    const tested = r.body.rows.filter((x) => x.z !== null).sort((a, b) => defined(b.z) - defined(a.z));
    expect(tested[0].code).toBe('BU09350000');
    expectFiniteNumbers(r.body.rows);
  });

  it('works for wijken, other categories and another gemeente', async () => {
    for (const q of [{ gemeente: 'GM0935', level: 'wijk' }, { gemeente: 'GM0935', category: 'HIC', from: '2024-03', to: '2024-08' }, { gemeente: 'GM0014', category: '1.1.1' }] satisfies HotspotsQuery[]) {
      const r = await hs(q);
      expect(r.body.rows.length).toBe(t.dataset.areas(r.body.meta.gemeente, r.body.meta.level).length);
      expectFiniteNumbers(r.body.rows);
    }
  });
});

describe('GET /api/hotspots?method=lisa', () => {
  it('adds quadrant, I and lag, and is reproducible', async () => {
    const a = await hs({ gemeente: 'GM0935', from: '2024-01', to: '2024-12', method: 'lisa' });
    const b = await hs({ gemeente: 'GM0935', from: '2024-01', to: '2024-12', method: 'lisa' });
    expect(a.body.rows).toEqual(b.body.rows);
    expect(a.body.meta).toMatchObject({ method: 'lisa', measure: 'ratePer1000Smoothed', permutations: 999 });
    expect(typeof a.body.meta.seed).toBe('number');
    for (const row of a.body.rows) {
      if (row.excluded) expect(row.quadrant).toBeNull();
      else expect(['HH', 'LL', 'HL', 'LH']).toContain(row.quadrant);
      expect(CLASSES).toContain(row.class);
      if (row.class.startsWith('hot')) expect(row.quadrant).toBe('HH');
      if (row.class.startsWith('cold')) expect(row.quadrant).toBe('LL');
      if (row.p !== null) expect(row.p).toBeGreaterThanOrEqual(1 / 1000);
    }
    expect(a.body.rows.find((x) => x.code === 'BU09350000')?.quadrant).toBe('HH');
    expectFiniteNumbers(a.body.rows);
  });
});

describe('degenerate input gives defined numbers, never NaN or a 500', () => {
  it('a gemeente with one wijk and one with two buurten', async () => {
    for (const q of [{ gemeente: 'GM0088', level: 'wijk' }, { gemeente: 'GM0088' }, { gemeente: 'GM0088', method: 'lisa' }] satisfies HotspotsQuery[]) {
      const r = await hs(q);
      expect(r.body.rows.length).toBeGreaterThanOrEqual(1);
      for (const row of r.body.rows) expect(row.class).toBe('none');
      expectFiniteNumbers(r.body.rows);
    }
  });

  it('a category with no registrations at all (nuisance not imported)', async () => {
    const r = await hs({ gemeente: 'GM0935', category: 'E33', from: '2024-01', to: '2024-12' });
    expect(r.body.rows).toHaveLength(44);
    for (const row of r.body.rows) expect(row.class).toBe('none');
    expectFiniteNumbers(r.body.rows);
  });

  it('a rare crime type over one month (mostly zeros), both methods', async () => {
    for (const method of ['gistar', 'lisa'] as const) {
      const r = await hs({ gemeente: 'GM0935', category: '1.4.1', from: '2024-02', to: '2024-02', method: method });
      expectFiniteNumbers(r.body.rows);
    }
  });

  it('the first month of the data has a shorter history', async () => {
    const r = await hs({ gemeente: 'GM0935', from: '2021-01', to: '2021-03' });
    expect(r.body.meta.historyMonths).toBe(3);
    expect(r.body.meta.historyFrom).toBe('2021-01');
  });
});

describe('bad parameters', () => {
  const cases: [string, number, string][] = [
    ['gemeente=GM0935&method=kde', 400, 'method'],
    ['gemeente=GM0935&alpha=0', 400, 'alpha'],
    ['gemeente=GM0935&alpha=1', 400, 'alpha'],
    ['gemeente=GM0935&alpha=-0.1', 400, 'alpha'],
    ['gemeente=GM0935&alpha=abc', 400, 'alpha'],
    ['gemeente=GM0935&level=gemeente', 400, 'level'],
    ['gemeente=GM0935&measure=ratePer1000', 400, 'measure'],
    ['gemeente=GM0935&method=lisa&measure=densityPerKm2', 400, 'measure'],
    ['gemeente=GM0935&category=9.9.9', 400, 'category'],
    ['gemeente=GM0935&from=2030-01', 400, 'from'],
    ['gemeente=GM9999', 404, 'gemeente'],
    ['', 400, 'gemeente'],
  ];
  for (const [q, status, parameter] of cases) {
    it(`${q || '(none)'} -> ${status} ${parameter}`, async () => {
      // Raw query strings: the typed client would not send most of these values (or no gemeente at all).
      const e = await errorOf(await t.app.request(`/api/hotspots?${q}`), status);
      expect(e.parameter).toBe(parameter);
    });
  }
});
