// The report's figures (reports/sources.ts) are the API's answers, byte for byte, computed by the same
// compute/ functions without going over HTTP; where the API refuses (400/404), a report gets "no figures".
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportSources } from '../../server/src/reports/sources.ts';
import { computeBenchmark } from '../../server/src/compute/benchmark.ts';
import { loadBenchmarkGroups } from '../../server/src/store/planData.ts';
import { makeTestApp } from '../support/testApp.ts';

let t: ReturnType<typeof makeTestApp>;
let sources: ReportSources;
beforeAll(() => {
  t = makeTestApp();
  sources = new ReportSources(t.dataset);
});

/** The exact body of a 200 answer of the API. */
const api = async (url: string) => {
  const res = await t.app.request(url);
  expect(res.status, url).toBe(200);
  return res.text();
};

describe('ReportSources answers as the API does', () => {
  it('targets (a report for the last complete year of the data, read in the year after it)', async () => {
    const last = t.dataset.cube('GM0935').months.at(-1)!;
    expect(last.endsWith('-12')).toBe(true);
    const now = new Date().getUTCFullYear();
    // The API judges at the current year; a report at the year after its period.
    if (Number(last.slice(0, 4)) + 1 === now) expect(JSON.stringify(sources.targetsOf('GM0935', last))).toBe(await api('/api/targets?gemeente=GM0935'));
    const report = sources.targetsOf('GM0935', last);
    const live = JSON.parse(await api('/api/targets?gemeente=GM0935')) as typeof report;
    expect(report.map((x) => x.actual)).toEqual(live.map((x) => x.actual));
  });

  it('targets for a report period: nothing measured after its last complete year', () => {
    const dec = sources.targetsOf('GM0935', '2024-12');
    const sep = sources.targetsOf('GM0935', '2024-09');
    for (const x of dec) expect(x.actual.every((a) => a.year <= 2024)).toBe(true);
    for (const x of sep) expect(x.actual.every((a) => a.year <= 2023)).toBe(true);
  });

  it('benchmark, for a year with totals and for years without (latest before, else the latest)', async () => {
    expect(JSON.stringify(sources.benchmarkOf('GM0935', 'reference', 2022))).toBe(await api('/api/benchmark?gemeente=GM0935&group=reference&year=2022'));
    expect(JSON.stringify(sources.benchmarkOf('GM0935', 'G40', 2030))).toBe(await api('/api/benchmark?gemeente=GM0935&group=G40&year=2025'));
    expect(JSON.stringify(sources.benchmarkOf('GM0935', 'G32', 1999))).toBe(await api('/api/benchmark?gemeente=GM0935&group=G32&year=2025'));
  });

  it('Veiligheidsmonitor: indicators, the real gemeente value and the demo wijk values', async () => {
    expect(JSON.stringify(sources.surveyIndicators())).toBe(await api('/api/survey/indicators'));
    for (const level of ['gemeente', 'wijk'] as const) {
      const url = `/api/survey?gemeente=GM0935&level=${level}&indicator=onveilig_buurt_pct`;
      expect(JSON.stringify(sources.surveyOf('GM0935', level, 'onveilig_buurt_pct')), url).toBe(await api(url));
    }
  });
});

describe('where the API refuses, a report gets no figures', () => {
  it('a gemeente without a plan has no targets; an unknown gemeente has none either', async () => {
    const other = t.dataset.gemeenten().find((g) => g.code !== 'GM0935')!.code;
    expect(sources.targetsOf(other, '2024-12')).toEqual([]);
    expect(sources.targetsOf('GM9999', '2024-12')).toEqual([]);
    expect((await t.app.request('/api/targets?gemeente=GM9999')).status).toBe(404);
  });

  it('an unknown benchmark group or gemeente gives null (the API: 400 / 404)', async () => {
    expect(sources.benchmarkOf('GM0935', 'G99', 2024)).toBeNull();
    expect(sources.benchmarkOf('GM9999', 'reference', 2024)).toBeNull();
    expect((await t.app.request('/api/benchmark?gemeente=GM0935&group=G99')).status).toBe(400);
  });

  it('an unknown survey indicator or gemeente gives null (the API: 400 / 404)', async () => {
    expect(sources.surveyOf('GM0935', 'wijk', 'nope')).toBeNull();
    expect(sources.surveyOf('GM9999', 'wijk', 'onveilig_buurt_pct')).toBeNull();
    expect((await t.app.request('/api/survey?gemeente=GM0935&indicator=nope')).status).toBe(400);
  });
});

describe('computeBenchmark', () => {
  it('refuses a year without totals instead of answering a table of nulls (callers check the year first)', () => {
    const file = loadBenchmarkGroups();
    expect(() => computeBenchmark(t.dataset, file, file.groups[0], { gemeente: 'GM0935', year: 1999 })).toThrow(/no crime total for 1999/);
  });
});
