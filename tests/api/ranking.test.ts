// The workbench ranking against the real data: every buurt ranked, components normalised,
// weights validated with a 400 naming `weights`.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, defined, errorOf } from '../support/answers.ts';

let t: ReturnType<typeof makeTestApp>;
beforeAll(() => {
  t = makeTestApp();
});

type RankingQuery = Parameters<typeof t.client.ranking.$get>[0]['query'];
const ranking = async (query: RankingQuery) => answerOf(await t.client.ranking.$get({ query }));

describe('GET /api/ranking', () => {
  it('Maastricht 2024: every buurt, ordered by score, with components and values', async () => {
    const r = { body: await ranking({ gemeente: 'GM0935', level: 'buurt', category: '0.0.0', from: '2024-01', to: '2024-12' }) };
    expect(r.body.rows).toHaveLength(44);
    expect(new Set(r.body.rows.map((x) => x.code)).size).toBe(44);
    expect(r.body.meta.weights).toEqual({ smoothedRate: 2, change: 1, hotspot: 1, hicShare: 1 });
    expect(r.body.meta.normalisation).toBe('percentileRank');
    expect(r.body.meta.criteria.map((c) => c.id)).toEqual(expect.arrayContaining(['smoothedRate', 'change', 'hotspot', 'hicShare', 'density', 'count']));
    let prev = Infinity;
    r.body.rows.forEach((row, i) => {
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
    const binnenstad = defined(r.body.rows.find((x) => x.code === 'BU09350000'));
    expect(binnenstad.rank).toBeLessThanOrEqual(5);
    expect(binnenstad.components.smoothedRate).toBe(1);
    // Beatrixhaven's per-resident rate is unreliable: unknown, not "most dangerous".
    const beatrix = defined(r.body.rows.find((x) => x.naam === 'Beatrixhaven'));
    expect(beatrix.components.smoothedRate).toBeNull();
    expect(beatrix.missing).toContain('smoothedRate');
    expect(beatrix.flags).toContain('lowPopulation');
  });

  it('ranks no change or share on a handful of registrations: unknown (the median), as the map gives it no class', async () => {
    // A month of woninginbraak per buurt: a year earlier every buurt had fewer than 10, so no percentage is a ranking.
    const month = await ranking({ gemeente: 'GM0935', category: 'G1.1', from: '2025-12', to: '2025-12', weights: 'change:1' });
    for (const row of month.rows) {
      expect(row.components.change).toBeNull();
      expect(row.missing).toContain('change');
    }
    // Over a year the larger buurten keep their change; every one that keeps it had at least 10 the year before.
    const year = await ranking({ gemeente: 'GM0935', from: '2024-01', to: '2024-12', weights: 'change:1,hicShare:1' });
    const stats = await answerOf(await t.client.stats.$get({ query: { gemeente: 'GM0935', level: 'buurt', category: '0.0.0', from: '2024-01', to: '2024-12' } }));
    const before = new Map(stats.rows.map((r) => [r.code, r]));
    const kept = year.rows.filter((row) => row.values.change !== null && row.values.change !== undefined);
    expect(kept.length).toBeGreaterThan(20);
    for (const row of year.rows) {
      const s = defined(before.get(row.code));
      const base = s.previousCount ?? 0;
      if (base < 10) expect(row.values.change ?? null).toBeNull();
      if ((s.count ?? 0) < 10) expect(row.values.hicShare ?? null).toBeNull();
    }
  });

  it('a single criterion orders exactly by that value', async () => {
    const r = await ranking({ gemeente: 'GM0935', from: '2024-01', to: '2024-12', weights: 'count:1' });
    const counts = r.rows.map((x) => defined(x.values.count));
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(r.rows[0].code).toBe('BU09350000');
  });

  it('works for wijken and another gemeente', async () => {
    const w = await ranking({ gemeente: 'GM0935', level: 'wijk', weights: 'density:1,change:1' });
    expect(w.rows).toHaveLength(7);
    const g = await ranking({ gemeente: 'GM0363', category: 'HIC' });
    expect(g.rows.length).toBe(t.dataset.areas('GM0363', 'buurt').length);
    for (const row of g.rows) expect(Number.isFinite(row.score)).toBe(true);
  });

  const bad: [string, string][] = [
    ['safety:1', 'unknown criterion'],
    ['smoothedRate:x', 'must be a number'],
    ['smoothedRate:-1', 'must be a number'],
    ['smoothedRate:0', 'greater than 0'],
    ['smoothedRate:1,smoothedRate:2', 'twice'],
    ['', 'no criteria'],
  ];
  for (const [weights, msg] of bad) {
    it(`weights=${weights} -> 400 naming weights`, async () => {
      const e = await errorOf(await t.client.ranking.$get({ query: { gemeente: 'GM0935', weights } }), 400);
      expect(e.parameter).toBe('weights');
      expect(e.error).toContain(msg);
    });
  }

  it('other bad parameters', async () => {
    // A level the ranking does not serve: the typed client would not send it.
    expect((await errorOf(await t.app.request('/api/ranking?gemeente=GM0935&level=gemeente'), 400)).parameter).toBe('level');
    await errorOf(await t.client.ranking.$get({ query: { gemeente: 'GM9999' } }), 404);
  });
});

describe('survey criteria in the workbench', () => {
  it('ranks on the Veiligheidsmonitor (DEMO below gemeente level) with the same values /survey shows', async () => {
    const t2 = makeTestApp();
    const r = await answerOf(await t2.client.ranking.$get({ query: { gemeente: 'GM0935', from: '2024-01', to: '2024-12', weights: 'onveilig:1,rapportcijfer:1' } }));
    expect(r.rows).toHaveLength(44);
    const survey = await answerOf(await t2.client.survey.$get({ query: { gemeente: 'GM0935', level: 'buurt', indicator: 'onveilig_buurt_pct' } }));
    const byCode = new Map(survey.rows.map((x) => [x.code, x.value]));
    for (const row of r.rows) expect(row.values.onveilig).toBe(byCode.get(row.code) ?? null);
    expect(r.meta.criteria.map((c) => c.id)).toEqual(expect.arrayContaining(['onveilig', 'rapportcijfer', 'overlastJeugd']));
  });

  it('says which weighted criteria rest on generated figures: the HIC share and the months are a DEMO split, the yearly totals are real', async () => {
    const year = { gemeente: 'GM0935', level: 'buurt', category: '0.0.0', from: '2024-01', to: '2024-12' } as const;
    const byDefault = (await ranking(year)).meta;
    expect(byDefault.demo).toBe(true);
    expect(byDefault.demoCriteria).toEqual(expect.arrayContaining(['hicShare', 'hotspot']));
    expect(byDefault.demoCriteria).not.toContain('smoothedRate');
    const real = (await ranking({ ...year, weights: 'smoothedRate:1,count:1' })).meta;
    expect(real).toMatchObject({ demo: false, demoCriteria: [] });
  });
});
