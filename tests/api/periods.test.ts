// One period everywhere: the type breakdown of /api/series covers the period asked for and adds up to
// the area's /api/stats count for that same period.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/testApp.ts';

let t: ReturnType<typeof makeTestApp>;
beforeAll(() => {
  t = makeTestApp();
});

type StatsBody = { rows: { code: string; naam: string; count: number | null }[] };
type SeriesBody = { meta: { from: string; to: string }; breakdown: { code: string; count: number }[] };

describe('/api/series breakdown and /api/stats agree for the chosen period', () => {
  it('Wittevrouwenveld, HIC 2024: the breakdown sums to the stats count of 2024, not of another year', async () => {
    const code = 'BU09350402';
    const stats = (await t.getJson<StatsBody>('/api/stats?gemeente=GM0935&level=buurt&category=HIC&from=2024-01&to=2024-12')).body;
    const count = stats.rows.find((r) => r.code === code)!.count!;
    const series = (await t.getJson<SeriesBody>(`/api/series?gemeente=GM0935&code=${code}&category=HIC&from=2024-01&to=2024-12`)).body;
    expect(series.meta).toMatchObject({ from: '2024-01', to: '2024-12' });
    expect(series.breakdown.reduce((s, b) => s + b.count, 0)).toBe(count);
    const y2023 = (await t.getJson<SeriesBody>(`/api/series?gemeente=GM0935&code=${code}&category=HIC&from=2023-01&to=2023-12`)).body;
    const stats2023 = (await t.getJson<StatsBody>('/api/stats?gemeente=GM0935&level=buurt&category=HIC&from=2023-01&to=2023-12')).body;
    expect(y2023.breakdown.reduce((s, b) => s + b.count, 0)).toBe(stats2023.rows.find((r) => r.code === code)!.count);
  });

  it('for every buurt, wijk and the gemeente, and for a part of a year', async () => {
    for (const [from, to] of [['2024-01', '2024-12'], ['2023-04', '2023-09']]) {
      for (const level of ['buurt', 'wijk', 'gemeente'] as const) {
        const stats = (await t.getJson<StatsBody>(`/api/stats?gemeente=GM0935&level=${level}&category=HIC&from=${from}&to=${to}`)).body;
        for (const r of stats.rows) {
          if (r.count === null) continue;
          const s = (await t.getJson<SeriesBody>(`/api/series?gemeente=GM0935&code=${r.code}&category=HIC&from=${from}&to=${to}`)).body;
          expect(s.breakdown.reduce((a, b) => a + b.count, 0), `${r.naam} ${from}–${to}`).toBe(r.count);
        }
      }
    }
  });
});
