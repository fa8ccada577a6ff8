// /api/series for a gemeente carries its real yearly figures (`yearly`): 47018NED per crime type from
// 2012, else the official totals of all crime; none below the gemeente; small counts hidden for the
// presentatie role like every other count. Typed client: a renamed field breaks the typecheck.
import { beforeAll, describe, expect, it } from 'vitest';
import { locate, readCsv } from '../../geodata/sources.ts';
import { makeTestApp } from '../support/testApp.ts';

let t: ReturnType<typeof makeTestApp>;
let scherm: ReturnType<typeof makeTestApp>;
/** The 47018NED source file: gemeente|type|year -> count. */
const perType = new Map<string, number>();
/** The official gemeente totals file: gemeente|year -> count. */
const totals = new Map<string, number>();

beforeAll(() => {
  t = makeTestApp();
  scherm = makeTestApp(':memory:', {}, 'presentatie');
  for (const r of readCsv(locate(t.config.geodataDir, 'gemeenteCrimeTypes'))) perType.set(`${r.gemeentecode}|${r.soortmisdrijf}|${r.jaar}`, Number(r.geregistreerd));
  for (const r of readCsv(locate(t.config.geodataDir, 'gemeenteCrimeTotals'))) {
    for (const y of [2021, 2022, 2023, 2024, 2025]) totals.set(`${r.gemeentecode}|${y}`, Number(r[`misdrijven_totaal_${y}`]));
  }
}, 120_000);

const series = (app: ReturnType<typeof makeTestApp>, query: { code: string; gemeente?: string; category?: string; from?: string; to?: string }) => app.client.series.$get({ query });

describe('GET /api/series: yearly figures of a gemeente', () => {
  it("Maastricht's woninginbraak per year is the 47018NED figure from the source file, from 2012", async () => {
    const res = await series(t, { gemeente: 'GM0935', code: 'GM0935', category: '1.1.1' });
    expect(res.status).toBe(200);
    const { yearly } = await res.json();
    expect(yearly).not.toBeNull();
    expect(yearly!.category).toBe('1.1.1');
    expect(yearly!.bron).toMatch(/47018NED/);
    expect(yearly!.points[0].year).toBe(2012);
    const byYear = new Map(yearly!.points.map((p) => [p.year, p]));
    for (const y of [2012, 2015, 2018, 2019, 2023]) {
      expect(byYear.get(y), String(y)).toEqual({ year: y, count: perType.get(`GM0935|1.1.1|${y}`), withheld: false });
    }
    // The checks of PROVENANCE.md: 424 in 2018 and 358 in 2019.
    expect(byYear.get(2018)!.count).toBe(424);
    expect(yearly!.points.map((p) => p.year)).toEqual([...Array(yearly!.points.length).keys()].map((i) => 2012 + i));
  });

  it('a category without yearly figures per gemeente gives all crime together, and says so', async () => {
    const total = await (await series(t, { gemeente: 'GM0935', code: 'GM0935', category: '0.0.0' })).json();
    expect(total.yearly!.category).toBe('0.0.0');
    expect(total.yearly!.bron).toMatch(/47022NED/);
    expect(total.yearly!.points.map((p) => [p.year, p.count])).toEqual([2021, 2022, 2023, 2024, 2025].map((y) => [y, totals.get(`GM0935|${y}`)]));
    // A type the gemeente table does not hold (2.6.10 is not one of its 12 types).
    const other = await (await series(t, { gemeente: 'GM0935', code: 'GM0935', category: '2.6.10' })).json();
    expect(other.yearly!.category).toBe('0.0.0');
    expect(other.yearly!.bron).toMatch(/alle geregistreerde misdrijven samen/);
    expect(other.yearly!.bron).toMatch(/geen jaarcijfers per gemeente/);
    expect(other.yearly!.points).toEqual(total.yearly!.points);
  });

  it('is null for a buurt and a wijk (their monthly series is all there is) and for nuisance', async () => {
    for (const code of ['BU09350000', 'WK093502']) {
      const body = await (await series(t, { code, category: '1.1.1' })).json();
      expect(body.yearly, code).toBeNull();
    }
    const nuisance = t.dataset.categories.list.find((c) => t.dataset.categories.isNuisance(c.code))!;
    const body = await (await series(t, { code: 'GM0935', category: nuisance.code })).json();
    expect(body.yearly).toBeNull();
  });

  it('accepts gemeente=NL (the national view) and still checks a code against a gemeente', async () => {
    const nl = await series(t, { gemeente: 'NL', code: 'GM0935', category: '1.1.1' });
    expect(nl.status).toBe(200);
    expect((await nl.json()).yearly!.points[0]).toEqual({ year: 2012, count: perType.get('GM0935|1.1.1|2012'), withheld: false });
    const other = await series(t, { gemeente: 'GM0758', code: 'GM0935' });
    expect(other.status).toBe(400);
    expect(await other.json()).toMatchObject({ parameter: 'code' });
  });
});

describe('GET /api/series: yearly figures for the presentatie role', () => {
  it('hides a count from 1 up to the threshold (count null, withheld), keeps 0', async () => {
    // Schiermonnikoog: 1 woninginbraak in 2012, 0 in 2014 (source file).
    expect(perType.get('GM0088|1.1.1|2012')).toBe(1);
    expect(perType.get('GM0088|1.1.1|2014')).toBe(0);
    const res = await series(scherm, { code: 'GM0088', category: '1.1.1' });
    expect(res.status).toBe(200);
    const byYear = new Map((await res.json()).yearly!.points.map((p) => [p.year, p]));
    expect(byYear.get(2012)).toEqual({ year: 2012, count: null, withheld: true, suppressed: true });
    expect(byYear.get(2014)).toEqual({ year: 2014, count: 0, withheld: false });
    // The same account's own view without a presentation shows them (an analyst, not a screen).
    const open = new Map((await (await series(t, { code: 'GM0088', category: '1.1.1' })).json()).yearly!.points.map((p) => [p.year, p.count]));
    expect(open.get(2012)).toBe(1);
  });

  it('rounds every other year as the gemeente level of /stats rounds that year (one cell, one figure)', async () => {
    const threshold = (await (await scherm.client.config.$get()).json()).suppressionThreshold;
    const { yearly } = await (await series(scherm, { code: 'GM0935', category: '1.1.1' })).json();
    for (const p of yearly!.points) {
      expect(p.count! % (threshold + 1), String(p.year)).toBe(0);
      expect(Math.abs(p.count! - perType.get(`GM0935|1.1.1|${p.year}`)!)).toBeLessThanOrEqual(threshold);
    }
    for (const y of [2012, 2023]) {
      const stats = await (await scherm.client.stats.$get({ query: { gemeente: 'GM0935', level: 'gemeente', category: '1.1.1', from: `${y}-01`, to: `${y}-12` } })).json();
      expect(yearly!.points.find((p) => p.year === y)!.count, String(y)).toBe(stats.rows[0].count);
    }
  });
});
