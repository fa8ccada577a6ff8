// The inhabitants an update fetches from CBS's own service (Kerncijfers wijken en buurten), against a local
// stand-in: stored once for the gemeente, named in the import history, used by the rates; a malformed answer
// stores nothing and names the row and the field.
import { beforeEach, describe, expect, it } from 'vitest';
import { CbsUpdateError, updateFromCbs, type CbsUpdateOptions } from '../../server/src/cbs/update.ts';
import { maastrichtJanuary2026, odataFixture, odataPerTest, UPDATE_DAY, updateState } from '../support/odataServer.ts';
import { makeTestApp } from '../support/testApp.ts';

let t: ReturnType<typeof makeTestApp>;
beforeEach(() => {
  t = makeTestApp();
});
const standIn = odataPerTest();

const options = (base: string): CbsUpdateOptions => ({ policeBaseUrl: base, baseUrl: base, gemeenten: ['GM0935'], timeoutMs: 5000, now: UPDATE_DAY });

describe('updateFromCbs: inhabitants', () => {
  it('stores the gemeente\'s inhabitants (both pages, codes trimmed, other gemeenten dropped) under one import, once', async () => {
    const server = await standIn(maastrichtJanuary2026);
    const outcomes = await updateFromCbs(t.dataset, options(server.base));
    expect(outcomes.at(-1)).toMatchObject({ table: '85984NED', rows: 6, periods: ['2024'], imported: true });
    expect(server.requests.filter((r) => r.startsWith('/85984NED/'))).toHaveLength(2);
    expect(t.store.listImports().at(-1)).toMatchObject({ file: 'Kerncijfers wijken en buurten (85984NED)', format: 'cbs-85984NED' });
    const pop = t.dataset.population('GM0935');
    expect([pop.get('GM0935'), pop.get('WK093501'), pop.get('BU09350101')]).toEqual([125285, 9250, 1220]);
    expect(t.store.population(null).some((p) => p.area === 'BU07580000' && p.inwoners === 1)).toBe(false);

    const kept = updateState(t);
    const again = await updateFromCbs(t.dataset, options(server.base));
    expect(again.at(-1)).toMatchObject({ table: '85984NED', imported: false, alreadyImported: true });
    expect(updateState(t)).toEqual(kept);
  });

  it('the rates use the fetched inhabitants', async () => {
    // CBS's answer with another figure for one buurt: the rate per 1,000 follows it.
    const server = await standIn((url, base) => {
      const a = maastrichtJanuary2026(url, base);
      if (url.pathname !== '/85984NED/TypedDataSet' || url.searchParams.has('$skiptoken')) return a;
      const page = a.body as { value: Record<string, unknown>[] };
      return { body: { ...page, value: page.value.map((r) => (String(r.WijkenEnBuurten).trim() === 'BU09350100' ? { ...r, AantalInwoners_5: 1000 } : r)) } };
    });
    await updateFromCbs(t.dataset, options(server.base));
    const r = await t.client.stats.$get({ query: { gemeente: 'GM0935', level: 'buurt', category: '0.0.0', from: '2024-01', to: '2024-12' } });
    expect(r.status).toBe(200);
    if (r.status !== 200) return;
    const row = (await r.json()).rows.find((x) => x.code === 'BU09350100');
    expect(row?.population).toBe(1000);
    if (row?.count != null) expect(row.ratePer1000).toBeCloseTo(row.count, 6);
  });

  // Rows are numbered over all pages together (page 1 has three): BU09350102 is row 5.
  it.each([
    ['a missing field', { AantalInwoners_5: undefined }, /rij 5 \(BU09350102\): het veld AantalInwoners_5 \(aantal inwoners\) ontbreekt/],
    ['a value that is no number', { AantalInwoners_5: 'veel' }, /rij 5 \(BU09350102\): het veld AantalInwoners_5 \(aantal inwoners\) is geen geheel aantal: "veel"/],
  ])('%s: nothing stored, the Dutch reason names the row and the field', async (_what, change, reason) => {
    const server = await standIn((url, base) => {
      if (url.pathname !== '/85984NED/TypedDataSet' || !url.searchParams.has('$skiptoken')) return maastrichtJanuary2026(url, base);
      const page = odataFixture('85984NED-page2.json', base) as { value: Record<string, unknown>[] };
      return { body: { ...page, value: page.value.map((r) => (r.ID === 8116 ? JSON.parse(JSON.stringify({ ...r, ...change })) : r)) } };
    });
    const before = updateState(t);
    const failed = await updateFromCbs(t.dataset, options(server.base)).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(CbsUpdateError);
    expect((failed as CbsUpdateError).parameter).toBe('CBS_ODATA_URL');
    expect((failed as Error).message).toMatch(reason);
    expect((failed as Error).message).toMatch(/Er is niets veranderd in de opgeslagen cijfers\.$/);
    // Not even the police month fetched in the same run.
    expect(updateState(t)).toEqual(before);
  });
});
