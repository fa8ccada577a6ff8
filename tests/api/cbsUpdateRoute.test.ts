// The beheerder's button for an update from CBS: POST /api/imports/cbs-update against a local stand-in of the
// CBS OData service (no internet). The new month is imported once and audited; CBS out of reach is a 502 with
// a Dutch reason and the store as it was; other roles are refused; an update and an upload never run at once.
import { describe, expect, it } from 'vitest';
import { SqliteUserStore } from '../../server/src/store/sqliteUsers.ts';
import { closedAddress, maastrichtJanuary2026, odataPerTest, UPDATE_DAY, updateState } from '../support/odataServer.ts';
import { makeTestApp } from '../support/testApp.ts';
import { sessions, TEST_PASSWORD } from '../support/sessions.ts';

const standIn = odataPerTest();

function appFor(base: string) {
  const t = makeTestApp(':memory:', { cbsUpdate: { policeBaseUrl: base, timeoutMs: 5000, schedule: 'maandelijks', now: () => UPDATE_DAY } }, 'beheerder');
  new SqliteUserStore(t.store.db).add('ana', TEST_PASSWORD, 'analist', []);
  return t;
}

describe('POST /api/imports/cbs-update', () => {
  it('imports the new month once, answers per table with a Dutch summary, audits it and remembers when', async () => {
    const server = await standIn(maastrichtJanuary2026);
    const t = appFor(server.base);
    const status = await t.client.imports['cbs-update'].$get();
    expect(status.status).toBe(200);
    const before = await status.json();
    expect(before).toMatchObject({ schedule: 'maandelijks', lastRun: null, busy: false, gemeenten: [{ code: 'GM0935', naam: 'Maastricht' }] });
    expect(before.tables.map((x) => x.table)).toEqual(['47022NED', '47018NED', '47024NED']);

    const res = await t.client.imports['cbs-update'].$post({ json: {} });
    expect(res.status).toBe(200);
    if (res.status !== 200) return;
    const body = await res.json();
    expect(body.tables.map((x) => [x.table, x.rows, x.periods, x.imported])).toEqual([
      ['47022NED', 9, ['2026-01'], true],
      ['47018NED', 0, [], false],
      ['47024NED', 0, [], false],
    ]);
    expect(body.summary).toBe('Nieuwe cijfers van CBS geïmporteerd voor Maastricht: misdrijven per buurt, per maand (januari 2026).');
    const imports = t.store.listImports();
    expect(imports.at(-1)).toMatchObject({ file: 'cbs-47022NED-update-2026-02-10.csv', format: 'cbs-47022NED', importedBy: 'test-beheerder' });
    const audit = new SqliteUserStore(t.store.db).auditLog(10, { action: 'cbs-update' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'test-beheerder', role: 'beheerder', resource: '/api/imports/cbs-update', detail: { gemeenten: ['GM0935'], imported: ['47022NED'] } });
    const after = await (await t.client.imports['cbs-update'].$get()).json();
    expect(after.lastRun).toEqual({ at: body.at, by: 'test-beheerder' });

    // Again: nothing newer at CBS, nothing imported, nothing changed.
    const kept = updateState(t);
    const again = await t.client.imports['cbs-update'].$post({ json: {} });
    expect(again.status).toBe(200);
    if (again.status !== 200) return;
    const second = await again.json();
    expect(second.tables.every((x) => !x.imported && x.rows === 0)).toBe(true);
    expect(second.summary).toBe('Geen nieuwe cijfers bij CBS voor Maastricht; er is niets veranderd.');
    expect(updateState(t)).toEqual(kept);
  });

  it('an update by the monthly schedule shows in the import history as automatic, a beheerder\'s as theirs', async () => {
    const server = await standIn(maastrichtJanuary2026);
    const t = appFor(server.base);
    // The schedule calls the updater without a caller (schedule.ts).
    await t.app.cbsUpdater.run(null);
    const res = await t.client.imports.$get();
    expect(res.status).toBe(200);
    if (res.status !== 200) return;
    const { imports } = await res.json();
    const update = imports.find((i) => i.file.startsWith('cbs-47022NED-update-'));
    expect(update).toMatchObject({ importedBy: null, automatic: true, via: 'opdrachtregel' });
    expect(imports.filter((i) => i !== update).every((i) => !i.automatic)).toBe(true);
  });

  it('CBS out of reach: 502 with the Dutch reason, the store as it was, the failure audited', async () => {
    const t = appFor(await closedAddress());
    const before = updateState(t);
    const res = await t.client.imports['cbs-update'].$post({ json: { gemeenten: ['gm0935'] } });
    expect(res.status).toBe(502);
    if (res.status !== 502) return;
    const body = await res.json();
    expect(body.parameter).toBe('CBS_POLICE_ODATA_URL');
    expect(body.error).toMatch(/^Nieuwe cijfers ophalen bij CBS mislukt: .*niet bereikbaar/);
    expect(body.error).toMatch(/Er is niets veranderd in de opgeslagen cijfers\.$/);
    expect(updateState(t)).toEqual(before);
    expect(new SqliteUserStore(t.store.db).auditLog(10, { action: 'cbs-update-failed' })).toHaveLength(1);
    // A failed update is no "last update": the schedule tries again.
    expect((await (await t.client.imports['cbs-update'].$get()).json()).lastRun).toBeNull();
  });

  it('401 without a session, 403 for an analist (before the body is read), 400/404 for bad gemeenten', async () => {
    const server = await standIn(maastrichtJanuary2026);
    const t = appFor(server.base);
    const s = sessions(() => t.app);
    expect(await s.login('ana')).toBe(200);
    const anonymous = await t.app.request('/api/imports/cbs-update', { method: 'POST', headers: { Cookie: 'nobody=1', 'Content-Type': 'application/json' }, body: '{}' });
    expect(anonymous.status).toBe(401);
    const analist = await s.send('ana', 'POST', '/api/imports/cbs-update', 'not json');
    expect(analist.status).toBe(403);
    expect(analist.body.error).toMatch(/beheerder/);
    expect((await s.send('ana', 'GET', '/api/imports/cbs-update')).status).toBe(403);
    const bad = await t.client.imports['cbs-update'].$post({ json: { gemeenten: ['Maastricht'] } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ parameter: 'gemeenten.0' });
    const unknown = await t.client.imports['cbs-update'].$post({ json: { gemeenten: ['GM9999'] } });
    expect(unknown.status).toBe(404);
    expect(server.requests).toEqual([]);
  });

  it('409 for a second update or an upload while one runs; the running one ends normally', async () => {
    let release = false;
    const server = await standIn((url, base) => (release ? maastrichtJanuary2026(url, base) : 'hang'));
    const t = appFor(server.base);
    const first = t.client.imports['cbs-update'].$post({ json: {} });
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    const second = await t.client.imports['cbs-update'].$post({ json: {} });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: expect.stringMatching(/er loopt al een import \(nieuwe cijfers van CBS, door test-beheerder/), parameter: 'body' });
    const upload = await t.app.request('/api/imports?name=a.csv', { method: 'POST', body: 'x', headers: { 'Content-Type': 'application/octet-stream' } });
    expect(upload.status).toBe(409);
    // The hung request is cut: the first update fails as CBS out of reach, and the lock is free again.
    release = true;
    await server.close();
    expect((await first).status).toBe(502);
    expect((await (await t.client.imports['cbs-update'].$get()).json()).busy).toBe(false);
  });
});
