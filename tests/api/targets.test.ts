// The plan's nine effect indicators with their baselines, yearly targets and a status, computed
// from the store (survey figures, police registrations).
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/testApp.ts';

type Target = { year: number; operator: string; value: number | null; reference?: string };
type Item = {
  id: string; label: string; source: string; unit: string; baseline: { year: number; value: number };
  planValues: { year: number; value: number }[]; targets: Target[]; actual: { year: number; value: number; demo: boolean }[];
  status: string; basis: { actual: { year: number; value: number; demo: boolean }; target: Target } | null; demo: boolean; notes: string[];
};

let t: ReturnType<typeof makeTestApp>;
let items: Item[];
beforeAll(async () => {
  t = makeTestApp();
  const r = await t.getJson<Item[]>('/api/targets?gemeente=GM0935');
  expect(r.status).toBe(200);
  items = r.body;
});

const byId = (id: string) => items.find((i) => i.id === id)!;
const t3 = (i: Item) => i.targets.map((x) => [x.year, x.operator, x.value]);

describe('GET /api/targets', () => {
  it('lists the nine effect indicators of the plan, each with a status', () => {
    expect(items).toHaveLength(9);
    expect(items.map((i) => i.id)).toEqual([
      'overlast-buurtbewoners', 'bedreiging', 'overlast-drugs', 'drugsoverlast-incidenten', 'slachtofferschap-vermogen',
      'vermogenscriminaliteit-hic', 'overlast-jeugdgroepen', 'onveilig-eigen-buurt', 'rapportcijfer-veiligheid',
    ]);
    for (const i of items) expect(['onTrack', 'offTrack', 'noData']).toContain(i.status);
    expect(items.filter((i) => i.source === 'Veiligheidsmonitor')).toHaveLength(6);
    expect(items.filter((i) => i.source === 'politie')).toHaveLength(3);
  });

  it("carries the plan's values and targets (hoofdstuk 4 en 5)", () => {
    expect(byId('overlast-buurtbewoners').planValues).toEqual([{ year: 2013, value: 6.8 }, { year: 2014, value: 8.8 }]);
    expect(t3(byId('overlast-buurtbewoners'))).toEqual([[2015, '<', 8], [2016, '<=', 7], [2018, '<=', 6]]);
    expect(byId('bedreiging').baseline).toEqual({ year: 2013, value: 4 });
    expect(t3(byId('bedreiging'))).toEqual([[2015, '<', 4], [2016, '<', 3.8], [2018, '<', 3.5]]);
    expect(byId('overlast-drugs').planValues).toEqual([{ year: 2013, value: 19.6 }, { year: 2014, value: 17.1 }]);
    expect(t3(byId('overlast-drugs'))).toEqual([[2015, '<=', 17], [2016, '<=', 16], [2018, '<=', 15]]);
    expect(byId('drugsoverlast-incidenten').baseline).toEqual({ year: 2013, value: 24.6 });
    expect(t3(byId('drugsoverlast-incidenten'))).toEqual([[2015, '<=', 22], [2016, '<=', 20], [2018, '<=', 18]]);
    expect(byId('slachtofferschap-vermogen').planValues).toEqual([{ year: 2013, value: 17.1 }, { year: 2014, value: 19.6 }]);
    expect(t3(byId('slachtofferschap-vermogen'))).toEqual([[2015, '<', 18], [2016, '<=', 17], [2018, '<=', 16]]);
    expect(byId('vermogenscriminaliteit-hic').baseline).toEqual({ year: 2013, value: 47 });
    expect(t3(byId('vermogenscriminaliteit-hic'))).toEqual([[2015, '<=', 46], [2016, '<=', 45], [2018, '<', 44]]);
    expect(byId('overlast-jeugdgroepen').planValues).toEqual([{ year: 2013, value: 8.7 }, { year: 2014, value: 8.8 }]);
    expect(t3(byId('overlast-jeugdgroepen'))).toEqual([[2015, '<=', 8], [2016, '<=', 7.5], [2018, '<=', 7]]);
    expect(byId('onveilig-eigen-buurt').planValues).toEqual([{ year: 2013, value: 27.5 }, { year: 2014, value: 34.1 }]);
    expect(byId('onveilig-eigen-buurt').targets).toEqual([
      { year: 2015, operator: '<=', value: 30 }, { year: 2016, operator: '<=', value: 26 },
      { year: 2018, operator: '<=', value: null, reference: 'G32-gemiddelde' },
    ]);
    expect(byId('rapportcijfer-veiligheid').planValues).toEqual([{ year: 2013, value: 6.6 }, { year: 2014, value: 6.5 }]);
    expect(byId('rapportcijfer-veiligheid').targets).toEqual([
      { year: 2015, operator: '>=', value: 6.7 }, { year: 2016, operator: '>=', value: 6.8 },
      { year: 2018, operator: '>=', value: null, reference: 'G32-gemiddelde' },
    ]);
  });

  it('survey indicators: real 2013/2014 actuals, compared with the next target (2015)', () => {
    const o = byId('onveilig-eigen-buurt');
    expect(o.actual).toEqual([{ year: 2013, value: 27.5, demo: false }, { year: 2014, value: 34.1, demo: false }]);
    // 34,1% in 2014 against "≤ 30%" for 2015.
    expect(o.status).toBe('offTrack');
    expect(o.basis).toEqual({ actual: { year: 2014, value: 34.1, demo: false }, target: { year: 2015, operator: '<=', value: 30 } });
    expect(byId('rapportcijfer-veiligheid').status).toBe('offTrack'); // 6,5 against ≥ 6,7
    expect(byId('overlast-drugs').status).toBe('offTrack'); // 17,1 against ≤ 17
  });

  it('police indicators: per 1,000 inhabitants per calendar year, crime types marked demo', () => {
    const b = byId('bedreiging');
    expect(b.actual.map((a) => a.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(b.actual.every((a) => a.demo)).toBe(true);
    expect(b.demo).toBe(true);
    expect(b.notes.join(' ')).toMatch(/DEMO/);
    expect(['onTrack', 'offTrack']).toContain(b.status);
    // Latest actual (2025) is after every target year: the 2018 goal applies.
    expect(b.basis!.target).toEqual({ year: 2018, operator: '<', value: 3.5 });
    const hic = byId('vermogenscriminaliteit-hic');
    expect(hic.actual).toHaveLength(5);
    for (const a of hic.actual) {
      expect(a.demo).toBe(true);
      // HIC is a part of all crime: below the real total rate of that year.
      const total = t.dataset.figures('GM0935', 'gemeente', '0.0.0', `${a.year}-01`, `${a.year}-12`).figures[0];
      expect(a.value).toBeLessThan((total.current.count / total.population!) * 1000);
      expect(a.value).toBeGreaterThan(0);
    }
  });

  it('drugsoverlast without imported nuisance registrations: noData, said plainly', () => {
    const d = byId('drugsoverlast-incidenten');
    expect(d.actual).toEqual([]);
    expect(d.status).toBe('noData');
    expect(d.notes.join(' ')).toMatch(/47024NED/);
  });

  it('a gemeente without a plan gets an empty list; bad and unknown gemeenten are errors', async () => {
    expect((await t.getJson('/api/targets?gemeente=GM0034')).body).toEqual([]);
    const bad = await t.getJson('/api/targets?gemeente=0935');
    expect(bad.status).toBe(400);
    expect(bad.body.parameter).toBe('gemeente');
    const missing = await t.getJson('/api/targets');
    expect(missing.status).toBe(400);
    expect(missing.body.parameter).toBe('gemeente');
    const unknown = await t.getJson('/api/targets?gemeente=GM9999');
    expect(unknown.status).toBe(404);
  });
});
