// `npm run update` against a local stand-in of the CBS OData service (no internet): the new month is
// imported as a downloaded file would be, once; a failure anywhere leaves the store as it was.
import { beforeEach, describe, expect, it } from 'vitest';
import { CbsUpdateError, gemeentenInUse, updateFromCbs, type CbsUpdateOptions } from '../../server/src/cbs/update.ts';
import { closedAddress, maastrichtJanuary2026, odataPerTest, UPDATE_DAY, updateState } from '../support/odataServer.ts';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf } from '../support/answers.ts';

let t: ReturnType<typeof makeTestApp>;
beforeEach(() => {
  t = makeTestApp();
});
const standIn = odataPerTest();

const options = (base: string, extra: Partial<CbsUpdateOptions> = {}): CbsUpdateOptions => ({ policeBaseUrl: base, gemeenten: ['GM0935'], timeoutMs: 5000, now: UPDATE_DAY, ...extra });

const january = async () => {
  const r = await t.client.stats.$get({ query: { gemeente: 'GM0935', category: '0.0.0', from: '2026-01', to: '2026-01' } });
  if (r.status !== 200) return r.status;
  const body = await answerOf(r);
  return Object.fromEntries(body.rows.filter((x) => ['BU09350000', 'BU09350001'].includes(x.code)).map((x) => [x.code, x.count]));
};

describe('updateFromCbs', () => {
  it('imports the month the store does not have yet, once', async () => {
    const server = await standIn(maastrichtJanuary2026);
    const before = updateState(t);
    const outcomes = await updateFromCbs(t.dataset, options(server.base));

    expect(outcomes.map((o) => [o.table, o.rows, o.periods, o.imported])).toEqual([
      ['47022NED', 9, ['2026-01'], true],
      ['47018NED', 0, [], false],
      ['47024NED', 0, [], false],
    ]);
    // The shared data ends in 2025-12: only 2026-01 and 2026-02 are asked for (2026 for the yearly table),
    // per month, filtered to Maastricht's codes; page 2 through the nextLink.
    const asked = server.requests.filter((r) => r.startsWith('/47022NED/'));
    expect(asked).toEqual([
      "/47022NED/TypedDataSet?$filter=Perioden eq '2026MM01' and (startswith(WijkenEnBuurten,'GM0935') or startswith(WijkenEnBuurten,'WK0935') or startswith(WijkenEnBuurten,'BU0935'))&$format=json",
      "/47022NED/TypedDataSet?$filter=Perioden eq '2026MM01'&$format=json&$skiptoken=5012344",
      "/47022NED/TypedDataSet?$filter=Perioden eq '2026MM02' and (startswith(WijkenEnBuurten,'GM0935') or startswith(WijkenEnBuurten,'WK0935') or startswith(WijkenEnBuurten,'BU0935'))&$format=json",
    ]);
    expect(server.requests.filter((r) => r.startsWith('/47018NED/'))).toHaveLength(1);
    expect(server.requests.some((r) => r.includes("Perioden eq '2026JJ00'"))).toBe(true);

    // One import record, under the file name a beheerder recognises; the figures are on the map.
    const imports = t.store.listImports();
    expect(imports).toHaveLength(before.imports + 1);
    expect(imports.at(-1)).toMatchObject({ file: 'cbs-47022NED-update-2026-02-10.csv', format: 'cbs-47022NED' });
    expect(await january()).toEqual({ BU09350000: 100, BU09350001: 40 });
    // The rows of another gemeente and of an older month (page 2) were dropped.
    expect(t.store.monthlyCells(null).some((c) => c.area.startsWith('BU0758') || c.period === '2025-12')).toBe(false);

    // Again: the store now has 2026-01, so only 2026-02 is asked for; nothing new, nothing recorded.
    const after = updateState(t);
    const again = await updateFromCbs(t.dataset, options(server.base));
    expect(again.every((o) => !o.imported && o.rows === 0)).toBe(true);
    expect(updateState(t)).toEqual(after);

    // Asked again from 2026-01 on: the same figures make the same file, which importFile knows.
    const same = await updateFromCbs(t.dataset, options(server.base, { from: '2026-01' }));
    expect(same[0]).toMatchObject({ table: '47022NED', rows: 9, imported: false, alreadyImported: true, changedRows: 0 });
    expect(updateState(t)).toEqual(after);
    expect(await january()).toEqual({ BU09350000: 100, BU09350001: 40 });
  });

  it('an unreachable service: a Dutch message naming table and address; the store unchanged', async () => {
    const base = await closedAddress();
    const before = updateState(t);
    const e = await updateFromCbs(t.dataset, options(base)).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(CbsUpdateError);
    const message = (e as Error).message;
    expect(message).toContain('Nieuwe cijfers ophalen bij CBS mislukt: tabel 47022NED');
    expect(message).toContain(`${base}/47022NED/TypedDataSet`);
    expect(message).toMatch(/niet bereikbaar \(ECONNREFUSED\)/);
    expect(message).toMatch(/Er is niets veranderd/);
    expect(updateState(t)).toEqual(before);
  });

  it('all or nothing over the tables: a later table that fails to fetch leaves the first unimported', async () => {
    const server = await standIn((url, base) => (url.pathname.startsWith('/47024NED/') ? { status: 503, body: 'Service Unavailable' } : maastrichtJanuary2026(url, base)));
    const before = updateState(t);
    const e = await updateFromCbs(t.dataset, options(server.base)).catch((err: unknown) => err);
    expect((e as Error).message).toMatch(/tabel 47024NED, .*HTTP 503/);
    expect(updateState(t)).toEqual(before);
  });

  it('all or nothing over the tables: figures the importer refuses roll back the tables before them', async () => {
    const server = await standIn((url, base) => {
      if (url.pathname === '/47018NED/TypedDataSet') {
        return { body: { value: [{ ID: 1, SoortMisdrijf: '9.9.9 ', WijkenEnBuurten: 'BU09350000  ', Perioden: '2026JJ00', GeregistreerdeMisdrijven_1: 4 }] } };
      }
      return maastrichtJanuary2026(url, base);
    });
    const before = updateState(t);
    const e = await updateFromCbs(t.dataset, options(server.base)).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(CbsUpdateError);
    expect((e as Error).message).toMatch(/47018NED .*geweigerd door de import:\n.*1 fout/);
    expect((e as Error).message).toMatch(/onbekende misdrijfcode "9\.9\.9"/);
    expect(updateState(t)).toEqual(before);
    expect(await january()).not.toEqual({ BU09350000: 100, BU09350001: 40 });
  });

  it('columns the importer does not know are refused before anything is written', async () => {
    const server = await standIn((url, base) => {
      const a = maastrichtJanuary2026(url, base);
      const body = a.body as { value: Record<string, unknown>[] };
      return { body: { ...body, value: body.value.map(({ GeregistreerdeMisdrijven_1, ...r }) => ({ ...r, Misdrijven: GeregistreerdeMisdrijven_1 })) } };
    });
    const before = updateState(t);
    const e = await updateFromCbs(t.dataset, options(server.base)).catch((err: unknown) => err);
    expect((e as Error).message).toMatch(/CBS-tabel 47022NED levert andere kolommen dan de import kent/);
    expect(updateState(t)).toEqual(before);
  });

  it('without --gemeente: the default gemeente plus those with monthly figures in the store', () => {
    expect(gemeentenInUse(t.dataset, 'GM0935')).toEqual(['GM0935']);
  });
});
