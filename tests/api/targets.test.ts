// The plan's nine effect indicators with their baselines, yearly targets and a status, computed
// from the store (survey figures, police registrations): only a real, comparable measurement judges.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, defined, errorOf } from '../support/answers.ts';

let t: ReturnType<typeof makeTestApp>;
const targetsOf = async (gemeente: string) => answerOf(await t.client.targets.$get({ query: { gemeente } }));
type Item = Awaited<ReturnType<typeof targetsOf>>[number];
let items: Item[];
beforeAll(async () => {
  t = makeTestApp();
  items = await targetsOf('GM0935');
});

const byId = (id: string) => defined(items.find((i) => i.id === id), id);
const t3 = (i: Item) => i.targets.map((x) => [x.year, x.operator, x.value]);
const plain = (i: Item) => i.targets.map(({ met: _m, measuredYear: _y, ...rest }) => rest);

describe('GET /api/targets', () => {
  it('lists the nine effect indicators of the plan, each with a status', () => {
    expect(items).toHaveLength(9);
    expect(items.map((i) => i.id)).toEqual([
      'overlast-buurtbewoners', 'bedreiging', 'overlast-drugs', 'drugsoverlast-incidenten', 'slachtofferschap-vermogen',
      'vermogenscriminaliteit-hic', 'overlast-jeugdgroepen', 'onveilig-eigen-buurt', 'rapportcijfer-veiligheid',
    ]);
    for (const i of items) expect(['onTrack', 'offTrack', 'noRecentData', 'indicative', 'noData']).toContain(i.status);
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
    expect(plain(byId('onveilig-eigen-buurt'))).toEqual([
      { year: 2015, operator: '<=', value: 30 }, { year: 2016, operator: '<=', value: 26 },
      { year: 2018, operator: '<=', value: null, reference: 'G32-gemiddelde' },
    ]);
    expect(byId('rapportcijfer-veiligheid').planValues).toEqual([{ year: 2013, value: 6.6 }, { year: 2014, value: 6.5 }]);
    expect(plain(byId('rapportcijfer-veiligheid'))).toEqual([
      { year: 2015, operator: '>=', value: 6.7 }, { year: 2016, operator: '>=', value: 6.8 },
      { year: 2018, operator: '>=', value: null, reference: 'G32-gemiddelde' },
    ]);
  });

  it('no indicator is on or off track on a DEMO actual or on a measurement of another definition', () => {
    for (const i of items) {
      if (i.status === 'onTrack' || i.status === 'offTrack') {
        expect(defined(i.basis).actual.demo, i.id).toBe(false);
        expect(defined(i.basis).actual.comparable, i.id).toBe(true);
      }
      for (const x of i.targets) {
        if (x.met !== null) {
          const m = defined(i.actual.find((a) => a.year === x.year));
          expect(m.demo || !m.comparable, i.id).toBe(false);
          expect(x.measuredYear).toBe(x.year);
        }
      }
    }
  });

  it("the safety rapportcijfer's 2016 target is judged on the real 2016 measurement (Veiligheidsmonitor file)", () => {
    const r = byId('rapportcijfer-veiligheid');
    expect(r.actual.map((a) => [a.year, a.value])).toEqual([[2013, 6.6], [2014, 6.5], [2015, 6.6], [2016, 7], [2017, 6.9], [2019, 7.1]]);
    expect(r.targets.map((x) => [x.year, x.met, x.measuredYear])).toEqual([[2015, false, 2015], [2016, true, 2016], [2018, null, null]]);
    // Seen today, 2019 is the latest measurement: more than two years old.
    expect(r.status).toBe('noRecentData');
    expect(defined(r.basis).actual).toEqual({ year: 2019, value: 7.1, demo: false, comparable: true });
  });

  it('statuses from 2014 survey data against 2015+ targets are gone; the plan period has ended', () => {
    for (const id of ['overlast-buurtbewoners', 'slachtofferschap-vermogen', 'overlast-jeugdgroepen', 'onveilig-eigen-buurt']) {
      const i = byId(id);
      expect(i.actual.every((a) => a.year <= 2014), id).toBe(true);
      expect(i.status, id).toBe('noRecentData');
      expect(i.targets.every((x) => x.met === null), id).toBe(true);
    }
    for (const i of items) {
      expect(i.planEnded).toBe(true);
      expect(i.notes.join(' ')).toMatch(/planperiode liep tot en met 2018/);
    }
  });

  it('"vaak onveilig" is shown beside "wel eens onveilig" but never judges it', () => {
    const o = byId('onveilig-eigen-buurt');
    expect(o.actual.map((a) => a.year)).toEqual([2013, 2014]);
    expect(o.related.map((r) => r.code)).toEqual(['vaak_onveilig_buurt_pct']);
    expect(o.related[0].actual.map((a) => a.year)).toEqual([2014, 2015, 2016, 2017, 2019]);
    expect(o.notes.join(' ')).toMatch(/andere vraag/);
  });

  it('police indicators: CBS figures per 1,000 per calendar year (real or DEMO), another definition than the plan: indicative only', () => {
    const b = byId('bedreiging');
    expect(b.actual.map((a) => a.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    // Bedreiging per gemeente and year is a real CBS figure (47018NED gemeente rows), yet of another
    // definition than the plan's: real, and still only indicative.
    expect(b.actual.every((a) => !a.demo && !a.comparable)).toBe(true);
    expect(b.demo).toBe(false);
    expect(b.notes.join(' ')).not.toMatch(/DEMO/);
    expect(b.notes.join(' ')).toMatch(/andere definitie/);
    expect(b.status).toBe('indicative');
    expect(b.basis).toBeNull();
    const hic = byId('vermogenscriminaliteit-hic');
    expect(hic.status).toBe('indicative');
    expect(hic.targets.every((x) => x.met === null)).toBe(true);
    expect(hic.actual).toHaveLength(5);
    for (const a of hic.actual) {
      expect(a.comparable).toBe(false);
      // HIC is a part of all crime: below the real total rate of that year.
      const total = t.dataset.figures('GM0935', 'gemeente', '0.0.0', `${a.year}-01`, `${a.year}-12`).figures[0];
      expect(a.value).toBeLessThan((total.current.count / total.population!) * 1000);
      expect(a.value).toBeGreaterThan(0);
    }
  });

  it('drugsoverlast without police nuisance registrations: noData, said plainly without developer text', () => {
    const d = byId('drugsoverlast-incidenten');
    expect(d.actual).toEqual([]);
    expect(d.status).toBe('noData');
    expect(d.notes.join(' ')).toMatch(/overlastregistraties/);
    for (const i of items) expect(i.notes.join(' ')).not.toMatch(/npm|\.json|server\/|importeer/i);
  });

  it('a gemeente without a plan gets an empty list; bad and unknown gemeenten are errors', async () => {
    expect(await targetsOf('GM0034')).toEqual([]);
    expect((await errorOf(await t.client.targets.$get({ query: { gemeente: '0935' } }), 400)).parameter).toBe('gemeente');
    // Without the gemeente: the typed client would not send that.
    expect((await errorOf(await t.app.request('/api/targets'), 400)).parameter).toBe('gemeente');
    await errorOf(await t.client.targets.$get({ query: { gemeente: 'GM9999' } }), 404);
  });
});
