// Veiligheidsmonitor figures: the plan's real 2013/2014 gemeente values and the published 2014-2019
// values (GEODATA_SOURCE_DIR/survey) unmarked, generated buurt and
// wijk values marked DEMO, never mixed; survey files imported all or nothing.
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../server/src/store/importFile.ts';
import { ImportError } from '../../server/src/importers/index.ts';
import { ROOT } from '../../server/src/compose.ts';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, defined, errorOf } from '../support/answers.ts';

const fixture = (name: string) => path.join(ROOT, 'tests/fixtures/import', name);
let t: ReturnType<typeof makeTestApp>;
beforeEach(() => {
  t = makeTestApp();
});
type SurveyQuery = Parameters<typeof t.client.survey.$get>[0]['query'];
const survey = async (query: SurveyQuery) => ({ body: await answerOf(await t.client.survey.$get({ query })) });

const PLAN: [string, number, number][] = [
  ['overlast_buurtbewoners_pct', 6.8, 8.8],
  ['overlast_drugs_pct', 19.6, 17.1],
  ['slachtoffer_vermogen_pct', 17.1, 19.6],
  ['overlast_jeugdgroepen_pct', 8.7, 8.8],
  ['onveilig_buurt_pct', 27.5, 34.1],
  ['rapportcijfer_veiligheid', 6.6, 6.5],
];

describe('GET /api/survey/indicators', () => {
  it("lists the plan's six survey indicators and the nine of the published Veiligheidsmonitor, with label, unit and direction", async () => {
    const r = { body: await answerOf(await t.client.survey.indicators.$get()) };
    expect(r.body.map((i) => i.code).slice(0, 6).sort()).toEqual(PLAN.map((p) => p[0]).sort());
    expect(r.body).toHaveLength(15);
    expect(r.body.map((i) => i.code)).toContain('vaak_onveilig_buurt_pct');
    expect(r.body.find((i) => i.code === 'rapportcijfer_veiligheid')).toMatchObject({ unit: 'rapportcijfer', betterWhen: 'higher', label: 'Rapportcijfer veiligheid buurt' });
    expect(r.body.filter((i) => i.unit === 'percentage').every((i) => i.betterWhen === 'lower')).toBe(true);
  });
});

describe('GET /api/survey', () => {
  it("gemeente level: the plan's real 2013 and 2014 values, not demo", async () => {
    for (const [indicator, v2013, v2014] of PLAN) {
      for (const [year, v] of [[2013, v2013], [2014, v2014]] as const) {
        const r = await survey({ gemeente: 'GM0935', level: 'gemeente', indicator, year: String(year) });
        expect(r.body.meta).toMatchObject({ demo: false, year, indicator, level: 'gemeente' });
        expect(r.body.meta.bron).toMatch(/Uitvoeringsplan Veiligheid Maastricht 2015-2016, bijlage 1/);
        expect(r.body.rows).toEqual([{ code: 'GM0935', naam: 'Maastricht', value: v, lower: null, upper: null, respondents: null, demo: false, flags: [] }]);
      }
    }
  });

  it('buurt level: every buurt marked demo, values in range around the gemeente value, small samples flagged', async () => {
    const r = await survey({ gemeente: 'GM0935', level: 'buurt', indicator: 'onveilig_buurt_pct', year: '2014' });
    expect(r.body.meta.demo).toBe(true);
    expect(r.body.meta.bron).toMatch(/^DEMO/);
    expect(r.body.meta.gemeenteValue).toBe(34.1);
    expect(r.body.rows).toHaveLength(44);
    for (const row of r.body.rows) {
      expect(row.demo).toBe(true);
      expect(row.flags).toContain('demo');
      if (row.value === null) { expect(row.flags).toContain('suppressed'); continue; }
      expect(row.value).toBeGreaterThanOrEqual(0);
      expect(row.value).toBeLessThanOrEqual(100);
      expect(defined(row.lower)).toBeLessThanOrEqual(row.value);
      expect(defined(row.upper)).toBeGreaterThanOrEqual(row.value);
      expect(row.flags.includes('smallSample')).toBe(defined(row.respondents) < 30);
    }
    // Beatrixhaven (15 inhabitants) has no respondents worth publishing.
    expect(r.body.rows.find((x) => x.code === 'BU09350500')).toMatchObject({ value: null, demo: true });
    // Deterministic: asked again, the same figures.
    expect((await survey({ gemeente: 'GM0935', level: 'buurt', indicator: 'onveilig_buurt_pct', year: '2014' })).body).toEqual(r.body);
  });

  it('wijk level: 7 demo wijken; default year is the latest real year', async () => {
    const r = await survey({ gemeente: 'GM0935', level: 'wijk', indicator: 'rapportcijfer_veiligheid' });
    expect(r.body.meta).toMatchObject({ demo: true, year: 2019, years: [2013, 2014, 2015, 2016, 2017, 2019], unit: 'rapportcijfer' });
    expect(r.body.rows).toHaveLength(7);
    for (const row of r.body.rows) {
      expect(row.demo).toBe(true);
      expect(defined(row.value)).toBeGreaterThanOrEqual(1);
      expect(defined(row.value)).toBeLessThanOrEqual(10);
    }
  });

  it('opens on the latest year that covers the level, not on a year published for one buurt only', async () => {
    // 2017 and 2019 hold a published result for Mariaberg only and no gemeente value for this indicator.
    const r = await survey({ gemeente: 'GM0935', level: 'buurt', indicator: 'onveilig_buurt_pct' });
    expect(r.body.meta).toMatchObject({ year: 2014, demo: true });
    expect(r.body.meta.years).toEqual(expect.arrayContaining([2014, 2017, 2019]));
    // Asked for explicitly, 2019 shows the one real buurt and says how little that covers.
    const y = await survey({ gemeente: 'GM0935', level: 'buurt', indicator: 'onveilig_buurt_pct', year: '2019' });
    expect(y.body.meta.demo).toBe(false);
    expect(y.body.rows.filter((x) => x.value !== null).map((x) => x.naam)).toEqual(['Mariaberg']);
    expect(y.body.meta.notes.join(' ')).toMatch(/gepubliceerd voor 1 van de 44 buurten/);
  });

  it('no real gemeente value, no demo: "geen gegevens"', async () => {
    const r = await survey({ gemeente: 'GM0034', level: 'buurt', indicator: 'onveilig_buurt_pct' });
    expect(r.body.meta).toMatchObject({ demo: false, year: null, bron: 'geen gegevens' });
    expect(r.body.rows.every((x) => x.value === null && !x.demo && x.flags.includes('noData'))).toBe(true);
    const y = await survey({ gemeente: 'GM0935', level: 'buurt', indicator: 'onveilig_buurt_pct', year: '2020' });
    expect(y.body.meta.demo).toBe(false);
    expect(y.body.rows.every((x) => x.value === null)).toBe(true);
  });

  it('bad parameters: 400 naming the parameter; unknown gemeente 404', async () => {
    // Raw query strings: an unknown indicator or level and a missing gemeente are what the typed client will not send.
    for (const [q, p] of [
      ['gemeente=GM0935&indicator=geluk_pct', 'indicator'],
      ['gemeente=GM0935&level=straat', 'level'],
      ['gemeente=GM0935&year=14', 'year'],
      ['gemeente=Maastricht', 'gemeente'],
      ['level=buurt', 'gemeente'],
    ]) {
      const e = await errorOf(await t.app.request(`/api/survey?${q}`), 400);
      expect(e.parameter, q).toBe(p);
      expect(e.error).toBeTruthy();
    }
    await errorOf(await t.client.survey.$get({ query: { gemeente: 'GM9999' } }), 404);
  });
});

describe('survey import (npm run import)', () => {
  it('stores a valid file; imported real figures replace the demo of that level and year', async () => {
    const r = importFile(t.dataset, fixture('survey-valid.csv'));
    expect(r.format).toBe('survey');
    expect(r.alreadyImported).toBe(false);
    expect(r.changedRows).toBe(4);
    const gm = await survey({ gemeente: 'GM0935', level: 'gemeente', indicator: 'onveilig_buurt_pct', year: '2023' });
    expect(gm.body.rows[0]).toMatchObject({ value: 27.5, lower: 25.1, upper: 29.9, respondents: 1650, demo: false });
    expect(gm.body.meta.bron).toBe('Veiligheidsmonitor 2023');
    // Wijk level 2023: the one real wijk figure, the other wijken without data, no demo mixed in.
    const wk = await survey({ gemeente: 'GM0935', level: 'wijk', indicator: 'onveilig_buurt_pct', year: '2023' });
    expect(wk.body.meta.demo).toBe(false);
    expect(wk.body.rows.find((x) => x.code === 'WK093500')).toMatchObject({ value: 31.2, demo: false });
    expect(wk.body.rows.filter((x) => x.value !== null)).toHaveLength(1);
    expect(wk.body.rows.some((x) => x.demo)).toBe(false);
    // Buurt level 2023 has no real buurt figures: demo around the new real gemeente value.
    const bu = await survey({ gemeente: 'GM0935', level: 'buurt', indicator: 'onveilig_buurt_pct', year: '2023' });
    expect(bu.body.meta).toMatchObject({ demo: true, gemeenteValue: 27.5 });
    const bu24 = await survey({ gemeente: 'GM0935', level: 'buurt', indicator: 'rapportcijfer_veiligheid', year: '2024' });
    expect(bu24.body.rows.find((x) => x.code === 'BU09350000')).toMatchObject({ value: 6.4, respondents: 112, demo: false });
    // The targets see the new gemeente value: 2023 is after every target year, and the 2018 target
    // of this indicator is the G32 average, which is not in the data.
    const targets = await answerOf(await t.client.targets.$get({ query: { gemeente: 'GM0935' } }));
    const onveilig = defined(targets.find((x) => x.id === 'onveilig-eigen-buurt'));
    expect(onveilig.actual.at(-1)).toEqual({ year: 2023, value: 27.5, demo: false, comparable: true });
    const basis = defined(onveilig.basis, 'basis');
    expect(basis.actual.year).toBe(2023);
    expect(basis.target).toMatchObject({ year: 2018, value: null });
    expect(['noData', 'noRecentData']).toContain(onveilig.status); // noRecentData from 2026 on
  });

  it('re-importing the same file changes nothing', () => {
    importFile(t.dataset, fixture('survey-valid.csv'));
    const again = importFile(t.dataset, fixture('survey-valid.csv'));
    expect(again).toMatchObject({ alreadyImported: true, changedRows: 0 });
  });

  it('a bad file is rejected whole, naming the bad lines, and stores nothing', () => {
    const store = t.dataset.store.features().survey;
    const before = store.rows({ gemeente: 'GM0935' }).length;
    const imports = t.store.listImports().length;
    let err: unknown;
    try {
      importFile(t.dataset, fixture('survey-bad.csv'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(/regel 3: gebiedcode:/);
    expect((err as Error).message).toMatch(/regel 5: indicator: onbekende indicator/);
    expect(store.rows({ gemeente: 'GM0935' }).length).toBe(before);
    expect(t.store.listImports().length).toBe(imports);
  });
});
