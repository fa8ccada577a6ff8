// The beheerder's account desk over HTTP: list, add, change role and wijken, reset a password, remove, with the
// rules of `npm run user` (Dutch messages naming the field), for the beheerder only, every change in the audit
// trail; the trail filtered and exported as CSV that a spreadsheet cannot mistake for formulas.
import { beforeAll, describe, expect, it } from 'vitest';
import { SqliteUserStore } from '../../server/src/store/sqliteUsers.ts';
import { makeTestApp } from '../support/testApp.ts';
import { sessions, TEST_PASSWORD as PW } from '../support/sessions.ts';

let t: ReturnType<typeof makeTestApp>;
const { login, send } = sessions(() => t.app);

beforeAll(async () => {
  t = makeTestApp(':memory:');
  const users = new SqliteUserStore(t.store.db);
  users.add('beheer', PW, 'beheerder', []);
  users.add('ana', PW, 'analist', []);
  for (const u of ['beheer', 'ana']) expect(await login(u)).toBe(200);
});

describe('account desk', () => {
  it('only a beheerder lists or changes accounts', async () => {
    expect((await send('ana', 'GET', '/api/accounts')).status).toBe(403);
    expect((await send('ana', 'POST', '/api/accounts', { username: 'x-agent', password: PW, role: 'beheerder' })).status).toBe(403);
    expect((await send('ana', 'DELETE', '/api/accounts/beheer')).status).toBe(403);
    const list = await send('beheer', 'GET', '/api/accounts');
    expect(list.status).toBe(200);
    expect(list.body.accounts).toEqual([
      { username: 'ana', role: 'analist', wijken: [], createdAt: expect.any(String) },
      { username: 'beheer', role: 'beheerder', wijken: [], createdAt: expect.any(String) },
    ]);
    expect(list.text).not.toMatch(/scrypt|password|hash/);
  });

  it('adds a wijkagent who can then sign in and sees only their own wijk', async () => {
    const added = await send('beheer', 'POST', '/api/accounts', { username: 'agent-noord', password: 'fietsen langs de maas', role: 'wijkagent', wijken: ['wk093504'] });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ username: 'agent-noord', role: 'wijkagent', wijken: ['WK093504'], createdAt: expect.any(String) });
    expect(await login('agent-noord', 'fietsen langs de maas')).toBe(200);
    expect((await send('agent-noord', 'GET', '/api/auth/me')).body).toMatchObject({ role: 'wijkagent', wijken: ['WK093504'] });
    expect((await send('agent-noord', 'GET', '/api/incidents?gemeente=GM0935&wijk=WK093502')).status).toBe(403);
  });

  it('refuses what the command line refuses, in Dutch, naming the field', async () => {
    const cases: [unknown, number, string, RegExp][] = [
      [{ username: 'agent-zuid', password: 'kort', role: 'analist' }, 400, 'password', /wachtwoord te kort/],
      [{ username: 'agent-zuid', password: 'agent-zuid-2024!', role: 'analist' }, 400, 'password', /gebruikersnaam/],
      [{ username: 'a', password: PW, role: 'analist' }, 400, 'username', /gebruikersnaam/],
      [{ username: 'agent-zuid', password: PW, role: 'wijkagent', wijken: [] }, 400, 'wijken', /minstens één wijk/],
      [{ username: 'agent-zuid', password: PW, role: 'wijkagent', wijken: ['WK099999'] }, 400, 'wijken', /onbekende wijkcode: WK099999/],
      [{ username: 'agent-zuid', password: PW, role: 'analist', wijken: ['WK093504'] }, 400, 'wijken', /alleen een wijkagent/],
      [{ username: 'agent-zuid', password: PW, role: 'koning' }, 400, 'role', /kies een van beheerder, analist/],
      [{ username: 'ANA', password: PW, role: 'analist' }, 409, 'username', /bestaat al/],
    ];
    for (const [body, status, parameter, message] of cases) {
      const r = await send('beheer', 'POST', '/api/accounts', body);
      expect([r.status, r.body.parameter], JSON.stringify(body)).toEqual([status, parameter]);
      expect(r.body.error).toMatch(message);
    }
    expect((await send('beheer', 'GET', '/api/accounts')).body.accounts.map((a: { username: string }) => a.username)).toEqual(['agent-noord', 'ana', 'beheer']);
  });

  it('changes role and wijken, resets a password (ending the sessions), and never touches the last beheerder', async () => {
    const changed = await send('beheer', 'PATCH', '/api/accounts/agent-noord', { role: 'wijkagent', wijken: ['WK093504', 'WK093502'] });
    expect(changed.body).toMatchObject({ role: 'wijkagent', wijken: ['WK093504', 'WK093502'] });
    expect((await send('beheer', 'PATCH', '/api/accounts/niemand', { role: 'analist' })).status).toBe(404);
    expect((await send('beheer', 'PATCH', '/api/accounts/agent-noord', {})).status).toBe(400);
    const reset = await send('beheer', 'PATCH', '/api/accounts/agent-noord', { password: 'nieuw wachtwoord voor noord' });
    expect(reset.status).toBe(200);
    expect((await send('agent-noord', 'GET', '/api/auth/me')).body).toMatchObject({ authenticated: false });
    expect(await login('agent-noord', 'nieuw wachtwoord voor noord')).toBe(200);
    const demote = await send('beheer', 'PATCH', '/api/accounts/beheer', { role: 'analist' });
    expect([demote.status, demote.body.error]).toEqual([409, expect.stringMatching(/laatste beheerder/)]);
    const remove = await send('beheer', 'DELETE', '/api/accounts/beheer');
    expect([remove.status, remove.body.error]).toEqual([409, expect.stringMatching(/laatste beheerder/)]);
    expect((await send('beheer', 'DELETE', '/api/accounts/agent-noord')).body).toEqual({ removed: 'agent-noord' });
    expect(await login('agent-noord', 'nieuw wachtwoord voor noord')).toBe(401);
  });

  it('writes every change to the audit trail, never a password', async () => {
    const log = (await send('beheer', 'GET', '/api/audit?username=beheer')).body.entries as { action: string; resource: string; detail: object }[];
    const actions = log.map((e) => `${e.action} ${e.resource}`);
    for (const a of ['account-added /api/accounts/agent-noord', 'account-changed /api/accounts/agent-noord', 'account-password-reset /api/accounts/agent-noord', 'account-removed /api/accounts/agent-noord']) {
      expect(actions).toContain(a);
    }
    expect(JSON.stringify(log)).not.toMatch(/fietsen|noord voor/);
  });
});

describe('audit trail filter and CSV', () => {
  it('filters by user, action, part of the application and days; a bad filter is a 400 naming it', async () => {
    expect(await login('=HYPERLINK("http://evil")', 'wrong password!')).toBe(401);
    const failed = await send('beheer', 'GET', '/api/audit?action=login-failed');
    expect(failed.body.entries.every((e: { action: string }) => e.action === 'login-failed')).toBe(true);
    expect(failed.body.entries.length).toBeGreaterThanOrEqual(1);
    const today = new Date().toISOString().slice(0, 10);
    expect((await send('beheer', `GET`, `/api/audit?from=${today}&to=${today}&username=ana`)).body.entries.map((e: { action: string }) => e.action)).toContain('login');
    expect((await send('beheer', 'GET', '/api/audit?to=2000-01-01')).body.entries).toEqual([]);
    // By part of the application: the account changes only, a prefix taken literally (no wildcards).
    const accounts = (await send('beheer', 'GET', '/api/audit?resource=/api/accounts')).body.entries as { resource: string }[];
    expect(accounts.length).toBeGreaterThan(0);
    expect(accounts.every((e) => e.resource.startsWith('/api/accounts'))).toBe(true);
    expect((await send('beheer', 'GET', '/api/audit?resource=/api/acc_unts')).body.entries).toEqual([]);
    for (const [q, parameter] of [['from=gisteren', 'from'], ['to=2024-13', 'to'], ['from=2024-02-01&to=2024-01-01', 'to'], ['format=xls', 'format'], ['limit=0', 'limit'], ['resource=accounts%25', 'resource']]) {
      const r = await send('beheer', 'GET', `/api/audit?${q}`);
      expect([r.status, r.body.parameter], q).toEqual([400, parameter]);
    }
  });

  it('exports CSV for Dutch Excel in which a typed username cannot become a formula', async () => {
    const r = await send('beheer', 'GET', '/api/audit?format=csv&action=login-failed');
    expect(r.status).toBe(200);
    expect(r.headers.get('Content-Type')).toMatch(/^text\/csv/);
    expect(r.headers.get('Content-Disposition')).toMatch(/attachment; filename="audittrail.*\.csv"/);
    expect(r.text.startsWith('\uFEFFTijdstip (UTC);Gebruiker;Rol;Actie;Onderdeel;Details\r\n')).toBe(true);
    expect(r.text).toContain(`;"'=HYPERLINK(""http://evil"")";`);
    expect((await send('ana', 'GET', '/api/audit?format=csv')).status).toBe(403);
  });
});
