// GET /api/series meta.breakdownDemo: the breakdown by type of the selected area is said to be generated when it is
// (a buurt's split by type is not published: it is a DEMO split of the real total), and not when it is real (an
// imported per-type file over whole years). The area panel and the workbench label a generated breakdown DEMO.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../server/src/compose.ts';
import { importFile } from '../../server/src/store/importFile.ts';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf } from '../support/answers.ts';

const BREDA_TYPES = path.join(process.env.GEODATA_SOURCE_DIR ?? path.join(ROOT, '../shared/geodata'), 'crime/breda_47018NED_2022_per_soort_buurt_wijk.csv');

type SeriesQuery = Parameters<ReturnType<typeof makeTestApp>['client']['series']['$get']>[0]['query'];
const meta = async (t: ReturnType<typeof makeTestApp>, query: SeriesQuery) => (await answerOf(await t.client.series.$get({ query }))).meta;

describe('GET /api/series: is the breakdown by type generated?', () => {
  it("a Maastricht buurt's split by type is generated, as is the gemeente's for the types CBS gives no gemeente figure", async () => {
    const t = makeTestApp();
    expect(await meta(t, { gemeente: 'GM0935', code: 'BU09350000', category: '0.0.0', from: '2024-01', to: '2024-12' })).toMatchObject({ breakdownDemo: true });
    expect(await meta(t, { gemeente: 'GM0935', code: 'GM0935', category: '0.0.0', from: '2024-01', to: '2024-12' })).toMatchObject({ breakdownDemo: true });
    // Woninginbraak is in the gemeente's real per-type table: over a whole year its gemeente figure is real, over half a
    // year it is spread over months.
    expect(await meta(t, { gemeente: 'GM0935', code: 'GM0935', category: '1.1.1', from: '2024-01', to: '2024-12' })).toMatchObject({ breakdownDemo: false });
    expect(await meta(t, { gemeente: 'GM0935', code: 'GM0935', category: '1.1.1', from: '2024-01', to: '2024-06' })).toMatchObject({ breakdownDemo: true });
  });

  it("after Breda's per-type file for 2022 its buurten's breakdown over 2022 is real, over half of 2022 it is not", async () => {
    const t = makeTestApp();
    const code = 'BU07580004';
    expect(await meta(t, { gemeente: 'GM0758', code, category: '0.0.0', from: '2022-01', to: '2022-12' })).toMatchObject({ breakdownDemo: true });
    importFile(t.dataset, BREDA_TYPES);
    expect(await meta(t, { gemeente: 'GM0758', code, category: '0.0.0', from: '2022-01', to: '2022-12' })).toMatchObject({ breakdownDemo: false });
    expect(await meta(t, { gemeente: 'GM0758', code, category: '0.0.0', from: '2022-01', to: '2022-06' })).toMatchObject({ breakdownDemo: true });
  });
});
