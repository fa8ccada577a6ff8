// The Werkbank criterion "Overlast per 1.000 inwoners": police nuisance (47024NED) ranked per buurt where
// the figures exist, left out of the score (with the reason in Dutch) where they do not, and under the
// same disclosure control as every other count for the presentatie role.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../server/src/store/importFile.ts';
import { ROOT } from '../../server/src/compose.ts';
import { makeTestApp } from '../support/testApp.ts';

/** Hand-made 47024NED year file: every Maastricht buurt in 2024, E33/E35/E38; Statenkwartier has 2 in all. */
const MAASTRICHT_NUISANCE = path.join(ROOT, 'tests/fixtures/import/cbs-47024NED-maastricht-2024.csv');
const YEAR = { from: '2024-01', to: '2024-12' } as const;

let t: ReturnType<typeof makeTestApp>;
beforeAll(() => {
  t = makeTestApp();
  importFile(t.dataset, MAASTRICHT_NUISANCE);
});

const ranking = async (app: ReturnType<typeof makeTestApp>, gemeente: string, weights: string, period: { from: string; to: string } = YEAR) => {
  const res = await app.client.ranking.$get({ query: { gemeente, level: 'buurt', category: '0.0.0', ...period, weights } });
  expect(res.status).toBe(200);
  return res.json();
};

describe('GET /api/ranking with the overlast criterion', () => {
  it('Maastricht 2024: ranks on registered overlast per 1,000 inhabitants, the same figures /api/stats gives', async () => {
    const r = await ranking(t, 'GM0935', 'overlast:1');
    const def = r.meta.criteria.find((c) => c.id === 'overlast');
    expect(def).toMatchObject({ naam: 'Overlast per 1.000 inwoners', direction: 1 });
    expect(def?.unavailable).toBeUndefined();
    expect(r.meta.effectiveWeights).toEqual({ overlast: 1 });
    expect(r.meta.demoCriteria).toEqual([]);

    const stats = await (await t.client.stats.$get({ query: { gemeente: 'GM0935', level: 'buurt', category: 'OVERLAST', ...YEAR } })).json();
    const byCode = new Map(stats.rows.map((s) => [s.code, s]));
    expect(r.rows).toHaveLength(44);
    for (const row of r.rows) {
      const s = byCode.get(row.code)!;
      const reliable = !s.flags.includes('lowPopulation') && !s.flags.includes('noPopulation');
      expect(row.values.overlast, row.code).toBe(reliable ? s.ratePer1000 : null);
    }
    // One criterion: the order is exactly the order of the rate (unknowns as the median).
    const known = r.rows.filter((x) => x.values.overlast !== null).map((x) => x.values.overlast as number);
    expect([...known].sort((a, b) => b - a)).toEqual(known);
    expect(r.rows[0].components.overlast).toBe(1);
    // Nuisance never enters a crime figure: the crime criteria are unchanged by it.
    const crime = await ranking(t, 'GM0935', 'smoothedRate:1,count:1');
    const fresh = await ranking(makeTestApp(), 'GM0935', 'smoothedRate:1,count:1');
    expect(crime.rows).toEqual(fresh.rows);
  });

  it('a gemeente without 47024NED figures: unavailable with a Dutch reason, left out of the score', async () => {
    const without = await ranking(t, 'GM0363', 'smoothedRate:2,overlast:3');
    const def = without.meta.criteria.find((c) => c.id === 'overlast');
    expect(def?.unavailable).toBe('Er zijn geen overlastregistraties van de politie voor Amsterdam in januari t/m december 2024.');
    expect(without.meta.weights).toEqual({ smoothedRate: 2, overlast: 3 });
    expect(without.meta.effectiveWeights).toEqual({ smoothedRate: 2 });
    expect(without.meta.notes.join(' ')).toMatch(/Niet meegeteld: Overlast per 1\.000 inwoners .*gewichten tellen naar verhouding zwaarder/);
    // Renormalised: exactly the ranking on the other criteria alone, and no overlast component, never a zero.
    const alone = await ranking(t, 'GM0363', 'smoothedRate:2');
    expect(without.rows.map((r) => [r.code, r.score])).toEqual(alone.rows.map((r) => [r.code, r.score]));
    for (const row of without.rows) {
      expect(row.components).not.toHaveProperty('overlast');
      expect(row.missing).not.toContain('overlast');
      expect(row.values.overlast).toBeNull();
    }
    // The weights form learns it before anyone weighs the criterion.
    const unweighted = await ranking(t, 'GM0363', 'smoothedRate:1');
    expect(unweighted.meta.criteria.find((c) => c.id === 'overlast')?.unavailable).toMatch(/geen overlastregistraties/);
  });

  it('Maastricht in a year without overlast figures is unavailable too; overlast alone says no criterion can be measured', async () => {
    const r = await ranking(t, 'GM0935', 'overlast:1', { from: '2023-01', to: '2023-12' });
    expect(r.meta.criteria.find((c) => c.id === 'overlast')?.unavailable).toBe('Er zijn geen overlastregistraties van de politie voor Maastricht in januari t/m december 2023.');
    expect(r.meta.effectiveWeights).toEqual({});
    expect(r.meta.notes.join(' ')).toMatch(/Geen enkel gewogen criterium is te meten/);
  });

  it('presentatie: a small overlast count is hidden, and no rate gives it back', async () => {
    const p = makeTestApp(':memory:', {}, 'presentatie');
    importFile(p.dataset, MAASTRICHT_NUISANCE);
    const r = await ranking(p, 'GM0935', 'overlast:1');
    const staten = r.rows.find((x) => x.code === 'BU09350003')!;
    expect(staten.values.overlast).toBeNull();
    expect(staten.flags).not.toContain('lowPopulation');
    // The analist sees the real, small rate for the same buurt.
    const open = (await ranking(t, 'GM0935', 'overlast:1')).rows.find((x) => x.code === 'BU09350003')!;
    expect(open.values.overlast).toBeGreaterThan(0);
    // Larger counts stay (rounded) and still rank.
    expect(r.rows.filter((x) => x.values.overlast !== null).length).toBeGreaterThan(30);
  });
});

describe('the Werkbank export with overlast weighted', () => {
  it('CSV: an overlast column where it is measured; where it is not, no column and a line saying it was left out', async () => {
    const csv = async (gemeente: string) => {
      const res = await t.client.export.$get({ query: { format: 'csv', gemeente, level: 'buurt', category: '0.0.0', ...YEAR, weights: 'smoothedRate:1,overlast:1' } });
      expect(res.status).toBe(200);
      return (await res.text()).replace(/^\uFEFF/, '');
    };
    const maastricht = await csv('GM0935');
    expect(maastricht.split('\r\n')[0]).toContain('Overlast per 1.000 inwoners (gewicht 1)');
    expect(maastricht).not.toContain('Niet meegeteld');
    const amsterdam = await csv('GM0363');
    expect(amsterdam.split('\r\n')[0]).not.toContain('Overlast per 1.000 inwoners');
    expect(amsterdam).toContain('Niet meegeteld: Overlast per 1.000 inwoners. Er zijn geen overlastregistraties van de politie voor Amsterdam in januari t/m december 2024.');
  });
});
