// One period everywhere: the type breakdown of /api/series covers the period asked for and adds up to
// the area's /api/stats count for that same period.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, defined } from '../support/answers.ts';

let t: ReturnType<typeof makeTestApp>;
beforeAll(() => {
  t = makeTestApp();
});

const stats = async (level: 'buurt' | 'wijk' | 'gemeente', from: string, to: string) =>
  answerOf(await t.client.stats.$get({ query: { gemeente: 'GM0935', level, category: 'HIC', from, to } }));
const series = async (code: string, from: string, to: string) =>
  answerOf(await t.client.series.$get({ query: { gemeente: 'GM0935', code, category: 'HIC', from, to } }));

describe('/api/series breakdown and /api/stats agree for the chosen period', () => {
  it('Wittevrouwenveld, HIC 2024: the breakdown sums to the stats count of 2024, not of another year', async () => {
    const code = 'BU09350402';
    const count = defined(defined((await stats('buurt', '2024-01', '2024-12')).rows.find((r) => r.code === code)).count);
    const y2024 = await series(code, '2024-01', '2024-12');
    expect(y2024.meta).toMatchObject({ from: '2024-01', to: '2024-12' });
    expect(y2024.breakdown.reduce((s, b) => s + defined(b.count, b.code), 0)).toBe(count);
    const y2023 = await series(code, '2023-01', '2023-12');
    const stats2023 = await stats('buurt', '2023-01', '2023-12');
    expect(y2023.breakdown.reduce((s, b) => s + defined(b.count, b.code), 0)).toBe(stats2023.rows.find((r) => r.code === code)?.count);
  });

  it('for every buurt, wijk and the gemeente, and for a part of a year', async () => {
    for (const [from, to] of [['2024-01', '2024-12'], ['2023-04', '2023-09']]) {
      for (const level of ['buurt', 'wijk', 'gemeente'] as const) {
        for (const r of (await stats(level, from, to)).rows) {
          if (r.count === null) continue;
          const s = await series(r.code, from, to);
          expect(s.breakdown.reduce((a, b) => a + defined(b.count, b.code), 0), `${r.naam} ${from}–${to}`).toBe(r.count);
        }
      }
    }
  });
});
