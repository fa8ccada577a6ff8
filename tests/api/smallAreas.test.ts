// Small-area hygiene: a change against last year carries an exact significance test, so +500 % on
// 6 against 1 is not presented like a real shift.
import { beforeAll, describe, expect, it } from 'vitest';
import { poissonChangeP } from '../../server/src/domain/significance.ts';
import { makeTestApp } from '../support/testApp.ts';

let t: ReturnType<typeof makeTestApp>;
beforeAll(() => {
  t = makeTestApp();
});

type Row = { code: string; count: number | null; previousCount: number | null; changePct: number | null; changeSignificant: boolean | null; suppressed?: boolean };

describe('/api/stats changeSignificant', () => {
  it('every row has it, and it is the exact two-sided test at 5 % of count against previousCount', async () => {
    for (const level of ['buurt', 'wijk', 'gemeente']) {
      const r = await t.getJson<{ rows: Row[] }>(`/api/stats?gemeente=GM0935&level=${level}&category=1.1.1&from=2024-01&to=2024-03`);
      expect(r.status).toBe(200);
      for (const row of r.body.rows) {
        expect(row, row.code).toHaveProperty('changeSignificant');
        if (row.count === null || row.previousCount === null) expect(row.changeSignificant).toBeNull();
        else expect(row.changeSignificant, row.code).toBe(poissonChangeP(row.count, row.previousCount) < 0.05);
      }
    }
  });

  it('small counts are mostly not significant; at gemeente level a large change is', async () => {
    const r = await t.getJson<{ rows: Row[] }>('/api/stats?gemeente=GM0935&level=buurt&category=1.1.1&from=2024-01&to=2024-03');
    const small = r.body.rows.filter((x) => x.count !== null && x.previousCount !== null && x.count + x.previousCount <= 7);
    expect(small.length).toBeGreaterThan(0);
    for (const x of small) if (Math.min(x.count!, x.previousCount!) >= 1) expect(x.changeSignificant, x.code).toBe(false);
  });

  it('hidden with the count it belongs to (presentation)', async () => {
    const r = await t.getJson<{ rows: Row[] }>('/api/stats?gemeente=GM0935&level=buurt&category=1.1.1&from=2024-01&to=2024-03&view=presentatie');
    const hidden = r.body.rows.filter((x) => x.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    for (const x of hidden) expect(x.changeSignificant).toBeNull();
  });
});

describe('/api/stats meta.total: the gemeente as a whole beside its buurten or wijken', () => {
  it('is the level=gemeente row itself (one cell, one published value), for the analyst and for a presentation', async () => {
    for (const view of ['', '&view=presentatie']) {
      const q = `gemeente=GM0935&category=0.0.0&from=2024-01&to=2024-12${view}`;
      const gemeente = (await t.getJson<{ rows: Row[] }>(`/api/stats?${q}&level=gemeente`)).body.rows[0];
      for (const level of ['buurt', 'wijk']) {
        const r = await t.getJson<{ meta: { total?: Row } }>(`/api/stats?${q}&level=${level}`);
        expect(r.body.meta.total, `${level}${view}`).toEqual(gemeente);
      }
    }
    const real = (await t.getJson<{ meta: { total: Row } }>('/api/stats?gemeente=GM0935&level=buurt&category=0.0.0&from=2024-01&to=2024-12')).body.meta.total;
    expect(real.count).toBe(8293);
  });
});
