// Small-area hygiene: a change against last year carries an exact significance test, so +500 % on
// 6 against 1 is not presented like a real shift.
import { beforeAll, describe, expect, it } from 'vitest';
import { poissonChangeP } from '../../server/src/domain/significance.ts';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, defined, PRESENTATION_VIEW } from '../support/answers.ts';

let t: ReturnType<typeof makeTestApp>;
beforeAll(() => {
  t = makeTestApp();
});

const q1 = { gemeente: 'GM0935', category: '1.1.1', from: '2024-01', to: '2024-03' };

describe('/api/stats changeSignificant', () => {
  it('every row has it, and it is the exact two-sided test at 5 % of count against previousCount', async () => {
    for (const level of ['buurt', 'wijk', 'gemeente'] as const) {
      const r = await answerOf(await t.client.stats.$get({ query: { ...q1, level } }));
      for (const row of r.rows) {
        expect(row, row.code).toHaveProperty('changeSignificant');
        if (row.count === null || row.previousCount === null) expect(row.changeSignificant).toBeNull();
        else expect(row.changeSignificant, row.code).toBe(poissonChangeP(row.count, row.previousCount) < 0.05);
      }
    }
  });

  it('small counts are mostly not significant; at gemeente level a large change is', async () => {
    const r = await answerOf(await t.client.stats.$get({ query: { ...q1, level: 'buurt' } }));
    const small = r.rows.filter((x) => x.count !== null && x.previousCount !== null && x.count + x.previousCount <= 7);
    expect(small.length).toBeGreaterThan(0);
    for (const x of small) if (Math.min(defined(x.count), defined(x.previousCount)) >= 1) expect(x.changeSignificant, x.code).toBe(false);
  });

  it('hidden with the count it belongs to (presentation)', async () => {
    const r = await answerOf(await t.client.stats.$get({ query: { ...q1, level: 'buurt', ...PRESENTATION_VIEW } }));
    const hidden = r.rows.filter((x) => x.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    for (const x of hidden) expect(x.changeSignificant).toBeNull();
  });
});

describe('/api/stats meta.total: the gemeente as a whole beside its buurten or wijken', () => {
  it('is the level=gemeente row itself (one cell, one published value), for the analyst and for a presentation', async () => {
    for (const view of [{}, PRESENTATION_VIEW]) {
      const q = { gemeente: 'GM0935', category: '0.0.0', from: '2024-01', to: '2024-12', ...view };
      const gemeente = (await answerOf(await t.client.stats.$get({ query: { ...q, level: 'gemeente' } }))).rows[0];
      for (const level of ['buurt', 'wijk'] as const) {
        const r = await answerOf(await t.client.stats.$get({ query: { ...q, level } }));
        expect(r.meta.total, `${level} ${JSON.stringify(view)}`).toEqual(gemeente);
      }
    }
    const real = (await answerOf(await t.client.stats.$get({ query: { gemeente: 'GM0935', level: 'buurt', category: '0.0.0', from: '2024-01', to: '2024-12' } }))).meta.total;
    expect(real?.count).toBe(8293);
  });
});
