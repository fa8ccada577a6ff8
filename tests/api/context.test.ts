// CBS kerncijfers per gemeente, wijk and buurt, read from the source folder at start.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '../../geodata/sources.ts';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, defined, errorOf } from '../support/answers.ts';

let t: ReturnType<typeof makeTestApp>;
let kwb: Record<string, Record<string, number>>;
beforeAll(() => {
  t = makeTestApp();
  kwb = readJson(path.join(t.config.geodataDir, 'population/kwb_2024_gemeenten_wijken_nl_85984NED.json')) as typeof kwb;
});

describe('GET /api/context', () => {
  it('wijken of Maastricht: CBS 85984NED figures with year and source', async () => {
    const r = { body: await answerOf(await t.client.context.$get({ query: { gemeente: 'GM0935', level: 'wijk' } })) };
    expect(r.body.meta.year).toBe(2024);
    expect(r.body.meta.bron).toMatch(/85984NED/);
    expect(r.body.meta.indicators.map((i) => i.key)).toEqual(expect.arrayContaining(['inwoners', 'pct65plus', 'huishoudens', 'wozWaarde']));
    expect(r.body.rows).toHaveLength(7);
    for (const row of r.body.rows) {
      expect(row.values.inwoners).toBe(kwb[row.code].AantalInwoners_5);
      expect(row.values.woningvoorraad).toBe(kwb[row.code].Woningvoorraad_35);
    }
    expect(r.body.rows.find((x) => x.code === 'WK093500')?.values).toMatchObject({ huishoudens: 15475, pct65plus: 17.9 });
  });

  it('buurten of Maastricht have demography; Beatrixhaven keeps its suppressed values null', async () => {
    const r = { body: await answerOf(await t.client.context.$get({ query: { gemeente: 'GM0935', level: 'buurt' } })) };
    expect(r.body.rows).toHaveLength(44);
    const bh = defined(r.body.rows.find((x) => x.code === 'BU09350500'));
    expect(bh.values.inwoners).toBe(15);
    expect(bh.values.wozWaarde).toBeNull();
    expect(r.body.meta.available).toContain('inkomenPerInwoner');
  });

  it('any gemeente: at least inhabitants, density and housing stock at gemeente level', async () => {
    const r = { body: await answerOf(await t.client.context.$get({ query: { gemeente: 'GM0363', level: 'gemeente' } })) };
    expect(r.body.rows[0].values).toMatchObject({ inwoners: kwb.GM0363.AantalInwoners_5, bevolkingsdichtheid: kwb.GM0363.Bevolkingsdichtheid_34, pct65plus: null });
    expect(r.body.meta.available).toEqual(['inwoners', 'bevolkingsdichtheid', 'woningvoorraad']);
  });

  it('bad parameters: 400 naming the parameter; unknown gemeente 404', async () => {
    // An unknown level: the typed client would not send it.
    expect((await errorOf(await t.app.request('/api/context?gemeente=GM0935&level=land'), 400)).parameter).toBe('level');
    await errorOf(await t.client.context.$get({ query: { gemeente: 'GM9999' } }), 404);
  });
});
