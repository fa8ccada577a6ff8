// /api/benchmark for the presentatie role: the gemeente figures pass the same disclosure control as every
// other count. Before, the benchmark read the gemeente tables directly, so a small gemeente's count of one
// crime type (Schiermonnikoog: 1 woninginbraak in 2012) came out as is, and again through its rate.
import { beforeAll, describe, expect, it } from 'vitest';
import { answerOf } from '../support/answers.ts';
import { makeTestApp } from '../support/testApp.ts';

let t: ReturnType<typeof makeTestApp>;
let scherm: ReturnType<typeof makeTestApp>;
beforeAll(() => {
  t = makeTestApp();
  scherm = makeTestApp(':memory:', {}, 'presentatie');
}, 120_000);

const benchmark = (app: ReturnType<typeof makeTestApp>, year: number) =>
  app.client.benchmark.$get({ query: { gemeente: 'GM0088', year: String(year), category: '1.1.1' } });

describe('GET /api/benchmark for the presentatie role', () => {
  it('shows no count from 1 up to the threshold and no count that is not rounded, for any member or year', async () => {
    const threshold = (await answerOf(await scherm.client.config.$get())).suppressionThreshold;
    const b = await answerOf(await benchmark(scherm, 2012));
    for (const row of b.rows) {
      if (row.count === null) continue;
      expect(row.count % (threshold + 1), row.naam).toBe(0);
    }
    const self = b.rows.find((r) => r.isSelf)!;
    expect(self.count).toBeNull();
    expect(self.ratePer1000).toBeNull();
    // The trend's rate of the gemeente itself would give the count back (rate × inhabitants / 1,000).
    expect(b.trend.find((p) => p.year === 2012)!.ratePer1000).toBeNull();
  });

  it('rounds each member-year as /stats rounds that gemeente year (one cell, one figure)', async () => {
    const b = await answerOf(await benchmark(scherm, 2018));
    for (const row of b.rows.slice(0, 5)) {
      const stats = await answerOf(await scherm.client.stats.$get({ query: { gemeente: row.code, level: 'gemeente', category: '1.1.1', from: '2018-01', to: '2018-12' } }));
      expect(row.count, row.naam).toBe(stats.rows[0].count);
    }
  });

  it('gives an analyst the real figures', async () => {
    const b = await answerOf(await benchmark(t, 2012));
    expect(b.rows.find((r) => r.isSelf)!.count).toBe(1);
  });
});
