// The workbench ranking against the real data: every buurt ranked, components normalised,
// weights validated with a 400 naming `weights`.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/testApp.ts';

let t: ReturnType<typeof makeTestApp>;
beforeAll(() => {
  t = makeTestApp();
});

const ranking = (q: string) => t.getJson<any>(`/api/ranking?${q}`);

describe('GET /api/ranking', () => {
  it('Maastricht 2024: every buurt, ordered by score, with components and values', async () => {
    const r = await ranking('gemeente=GM0935&level=buurt&category=0.0.0&from=2024-01&to=2024-12');
    expect(r.status).toBe(200);
    expect(r.body.rows).toHaveLength(44);
    expect(new Set(r.body.rows.map((x: any) => x.code)).size).toBe(44);
    expect(r.body.meta.weights).toEqual({ smoothedRate: 2, change: 1, hotspot: 1, hicShare: 1 });
    expect(r.body.meta.normalisation).toBe('percentileRank');
    expect(r.body.meta.criteria.map((c: any) => c.id)).toEqual(expect.arrayContaining(['smoothedRate', 'change', 'hotspot', 'hicShare', 'density', 'count']));
    let prev = Infinity;
    r.body.rows.forEach((row: any, i: number) => {
      expect(row.score).toBeLessThanOrEqual(prev);
      prev = row.score;
      expect(row.rank).toBeLessThanOrEqual(i + 1);
      expect(row.score).toBeGreaterThanOrEqual(0);
      expect(row.score).toBeLessThanOrEqual(1);
      expect(Object.keys(row.components).sort()).toEqual(['change', 'hicShare', 'hotspot', 'smoothedRate']);
      for (const v of Object.values(row.components)) if (v !== null) expect(v as number).toBeGreaterThanOrEqual(0);
      expect(Object.keys(row.values)).toEqual(expect.arrayContaining(['smoothedRate', 'density']));
    });
    expect(r.body.rows[0].rank).toBe(1);
    // Binnenstad: highest reliable rate and a persistent hot spot — near the top.
    const binnenstad = r.body.rows.find((x: any) => x.code === 'BU09350000');
    expect(binnenstad.rank).toBeLessThanOrEqual(5);
    expect(binnenstad.components.smoothedRate).toBe(1);
    // Beatrixhaven's per-resident rate is unreliable: unknown, not "most dangerous".
    const beatrix = r.body.rows.find((x: any) => x.naam === 'Beatrixhaven');
    expect(beatrix.components.smoothedRate).toBeNull();
    expect(beatrix.missing).toContain('smoothedRate');
    expect(beatrix.flags).toContain('lowPopulation');
  });

  it('a single criterion orders exactly by that value', async () => {
    const r = await ranking('gemeente=GM0935&from=2024-01&to=2024-12&weights=count:1');
    const counts = r.body.rows.map((x: any) => x.values.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(r.body.rows[0].code).toBe('BU09350000');
  });

  it('works for wijken and another gemeente', async () => {
    const w = await ranking('gemeente=GM0935&level=wijk&weights=density:1,change:1');
    expect(w.status).toBe(200);
    expect(w.body.rows).toHaveLength(7);
    const g = await ranking('gemeente=GM0363&category=HIC');
    expect(g.body.rows.length).toBe(t.dataset.areas('GM0363', 'buurt').length);
    for (const row of g.body.rows) expect(Number.isFinite(row.score)).toBe(true);
  });

  const bad: [string, string][] = [
    ['weights=safety:1', 'unknown criterion'],
    ['weights=smoothedRate:x', 'must be a number'],
    ['weights=smoothedRate:-1', 'must be a number'],
    ['weights=smoothedRate:0', 'greater than 0'],
    ['weights=smoothedRate:1,smoothedRate:2', 'twice'],
    ['weights=', 'no criteria'],
  ];
  for (const [q, msg] of bad) {
    it(`${q} -> 400 naming weights`, async () => {
      const r = await ranking(`gemeente=GM0935&${q}`);
      expect(r.status).toBe(400);
      expect(r.body.parameter).toBe('weights');
      expect(r.body.error).toContain(msg);
    });
  }

  it('other bad parameters', async () => {
    expect((await ranking('gemeente=GM0935&level=gemeente')).body.parameter).toBe('level');
    expect((await ranking('gemeente=GM9999')).status).toBe(404);
  });
});

describe('survey criteria in the workbench', () => {
  it('ranks on the Veiligheidsmonitor (DEMO below gemeente level) with the same values /survey shows', async () => {
    const t2 = makeTestApp();
    const r = await t2.getJson('/api/ranking?gemeente=GM0935&from=2024-01&to=2024-12&weights=onveilig:1,rapportcijfer:1');
    expect(r.status).toBe(200);
    expect(r.body.rows).toHaveLength(44);
    const survey = await t2.getJson('/api/survey?gemeente=GM0935&level=buurt&indicator=onveilig_buurt_pct');
    const byCode = new Map(survey.body.rows.map((x: any) => [x.code, x.value]));
    for (const row of r.body.rows) expect(row.values.onveilig).toBe(byCode.get(row.code) ?? null);
    expect(r.body.meta.criteria.map((c: any) => c.id)).toEqual(expect.arrayContaining(['onveilig', 'rapportcijfer', 'overlastJeugd']));
  });

  it('says which weighted criteria rest on generated figures: the HIC share and the months are a DEMO split, the yearly totals are real', async () => {
    const year = 'gemeente=GM0935&level=buurt&category=0.0.0&from=2024-01&to=2024-12';
    const byDefault = (await ranking(year)).body.meta;
    expect(byDefault.demo).toBe(true);
    expect(byDefault.demoCriteria).toEqual(expect.arrayContaining(['hicShare', 'hotspot']));
    expect(byDefault.demoCriteria).not.toContain('smoothedRate');
    const real = (await ranking(`${year}&weights=${encodeURIComponent('smoothedRate:1,count:1')}`)).body.meta;
    expect(real).toMatchObject({ demo: false, demoCriteria: [] });
  });
});
