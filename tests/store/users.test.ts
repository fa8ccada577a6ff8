// The account store contract against SQLite (always) and PostgreSQL (with TEST_DATABASE_URL):
// passwords, sessions (expiry, logout, a new password ends them), removal, the audit trail; and
// PostgreSQL taking over the accounts of the local SQLite file when an installation switches.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../server/src/store/sqlite.ts';
import { AccountError, type UserStore } from '../../server/src/store/users.ts';
import { SqliteUserStore } from '../../server/src/store/sqliteUsers.ts';
import { PostgresStore } from '../../server/src/store/postgres.ts';
import { dropSchema, TEST_DATABASE_URL, throwawaySchema } from '../support/postgres.ts';

const url = TEST_DATABASE_URL;
const PW = 'correct horse battery';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function pgStore(): PostgresStore {
  const schema = throwawaySchema('users');
  const s = new PostgresStore(url!, { schema });
  cleanups.push(() => {
    s.close();
    dropSchema(url!, schema);
  });
  return s;
}

function userContract(name: string, make: () => UserStore) {
  describe(`UserStore contract: ${name}`, () => {
    it('adds, lists, verifies and removes accounts', async () => {
      const u = make();
      expect(u.count()).toBe(0);
      const a = u.add('ana', PW, 'analist', []);
      u.add('agent', PW, 'wijkagent', ['WK093502']);
      expect(a).toMatchObject({ username: 'ana', role: 'analist', wijken: [] });
      expect(a.id).toBeTypeOf('number');
      expect(u.count()).toBe(2);
      expect(u.list().map((x) => x.username)).toEqual(['agent', 'ana']);
      expect(u.get('agent')!.wijken).toEqual(['WK093502']);
      expect((await u.verify('ana', PW))!.username).toBe('ana');
      expect(await u.verify('ana', 'wrong password')).toBeUndefined();
      expect(await u.verify('nobody', PW)).toBeUndefined();
      expect(() => u.add('ana', PW, 'analist', [])).toThrow();
      expect(u.remove('ana')).toBe(true);
      expect(u.remove('ana')).toBe(false);
      expect(u.count()).toBe(1);
    });

    it('sessions: found while valid, gone after logout, expiry, a new password, or removal', async () => {
      const u = make();
      const ana = u.add('ana', PW, 'analist', []);
      const t1 = u.createSession(ana.id, 60_000);
      expect(u.sessionUser(t1)!.username).toBe('ana');
      expect(u.sessionUser(t1 + 'x')).toBeUndefined();
      u.deleteSession(t1);
      expect(u.sessionUser(t1)).toBeUndefined();
      const short = u.createSession(ana.id, 1);
      await new Promise((r) => setTimeout(r, 5));
      expect(u.sessionUser(short)).toBeUndefined();
      const t2 = u.createSession(ana.id, 60_000);
      expect(u.setPassword('ana', 'another long password')).toBe(true);
      expect(u.sessionUser(t2)).toBeUndefined();
      expect(await u.verify('ana', 'another long password')).toBeDefined();
      expect(u.setPassword('nobody', PW)).toBe(false);
      const t3 = u.createSession(ana.id, 60_000);
      u.remove('ana');
      expect(u.sessionUser(t3)).toBeUndefined();
    });

    it('usernames are unique without regard to case; login finds the account in any case', async () => {
      const u = make();
      u.add('Beheer', PW, 'beheerder', []);
      expect(() => u.add('beheer', PW, 'analist', [])).toThrow(AccountError);
      expect(u.get('BEHEER')!.username).toBe('Beheer');
      expect((await u.verify('beheer', PW))!.username).toBe('Beheer');
      expect(u.count()).toBe(1);
    });

    it('applies the password policy wherever a password is set', () => {
      const u = make();
      expect(() => u.add('ana', ' '.repeat(10), 'analist', [])).toThrow(/te kort/);
      expect(() => u.add('analist0123', 'analist0123', 'analist', [])).toThrow(/gebruikersnaam/);
      expect(() => u.add('ana', 'wachtwoord123', 'analist', [])).toThrow(/gangbaar/);
      expect(() => u.add('a b', PW, 'analist', [])).toThrow(/gebruikersnaam/);
      u.add('ana', PW, 'analist', []);
      expect(() => u.setPassword('ana', 'short')).toThrow(/te kort/);
      expect(u.count()).toBe(1);
    });

    it('refuses to remove the last beheerder', () => {
      const u = make();
      u.add('beheer', PW, 'beheerder', []);
      u.add('ana', PW, 'analist', []);
      expect(() => u.remove('beheer')).toThrow(/laatste beheerder/);
      u.add('tweede', PW, 'beheerder', []);
      expect(u.remove('beheer')).toBe(true);
      expect(() => u.remove('Tweede')).toThrow(/laatste beheerder/);
      expect(u.remove('ana')).toBe(true);
      expect(u.list().map((x) => x.username)).toEqual(['tweede']);
    });

    it('changes role and wijken, and never demotes the last beheerder', () => {
      const u = make();
      u.add('beheer', PW, 'beheerder', []);
      u.add('ana', PW, 'analist', []);
      expect(u.setRole('ANA', 'wijkagent', ['WK093504'])).toMatchObject({ username: 'ana', role: 'wijkagent', wijken: ['WK093504'] });
      expect(u.get('ana')).toMatchObject({ role: 'wijkagent', wijken: ['WK093504'] });
      expect(u.setRole('niemand', 'analist', [])).toBeUndefined();
      expect(() => u.setRole('beheer', 'analist', [])).toThrow(/laatste beheerder/);
      expect(u.get('beheer')!.role).toBe('beheerder');
      u.setRole('ana', 'beheerder', []);
      expect(u.setRole('beheer', 'analist', [])!.role).toBe('analist');
    });

    it('keeps an audit trail, newest first', () => {
      const u = make();
      u.audit({ username: 'ana', role: 'analist', action: 'login', resource: '/api/auth/login', detail: { ip: 'local' } });
      u.audit({ username: null, role: '-', action: 'login-failed', resource: '/api/auth/login', detail: { n: 1 } });
      const log = u.auditLog(10);
      expect(log.map((e) => e.action)).toEqual(['login-failed', 'login']);
      expect(log[1]).toMatchObject({ username: 'ana', role: 'analist', detail: { ip: 'local' } });
      expect(log[0].username).toBeNull();
      expect(u.auditLog(1)).toHaveLength(1);
      // Narrowed in the database: by user (any case), by action, by time window.
      expect(u.auditLog(10, { username: 'ANA' }).map((e) => e.action)).toEqual(['login']);
      expect(u.auditLog(10, { action: 'login-failed' })).toHaveLength(1);
      expect(u.auditLog(10, { from: '2000-01-01T00:00:00Z', to: '2999-01-01T00:00:00Z', action: 'login' })).toHaveLength(1);
      expect(u.auditLog(10, { to: '2000-01-01T00:00:00Z' })).toEqual([]);
      // By part of the application: a prefix of the resource, with the other filters, taken literally.
      u.audit({ username: 'bea', role: 'beheerder', action: 'account-added', resource: '/api/accounts/ana', detail: {} });
      expect(u.auditLog(10, { resource: '/api/accounts' }).map((e) => e.resource)).toEqual(['/api/accounts/ana']);
      expect(u.auditLog(10, { resource: '/api/auth', action: 'login' })).toHaveLength(1);
      expect(u.auditLog(10, { resource: '/api/%' })).toEqual([]);
    });
  });
}

userContract('SqliteUserStore', () => {
  const s = new SqliteStore(':memory:');
  cleanups.push(() => s.close());
  return new SqliteUserStore(s.db);
});

if (!url) {
  describe('UserStore contract: PostgresUserStore', () => {
    it.skip('needs a PostgreSQL server: set TEST_DATABASE_URL', () => {});
  });
} else {
  userContract('PostgresUserStore', () => pgStore().users());

  describe('PostgresUserStore', () => {
    it('two app servers share accounts and sessions', () => {
      const a = pgStore();
      const schema = (a as unknown as { opts: { schema: string } }).opts.schema;
      const b = new PostgresStore(url, { schema });
      cleanups.unshift(() => b.close());
      const ana = a.users().add('ana', PW, 'analist', []);
      const token = a.users().createSession(ana.id, 60_000);
      expect(b.users().sessionUser(token)!.username).toBe('ana');
    });

    it('takes over the accounts of the local SQLite file once, when its users table is empty', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-users-'));
      cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
      const featureFile = path.join(dir, 'store.sqlite');
      const local = new SqliteStore(featureFile);
      const legacy = new SqliteUserStore(local.db);
      legacy.add('beheer', PW, 'beheerder', []);
      legacy.add('agent', PW, 'wijkagent', ['WK093502']);
      local.close();
      const first = pgStore();
      const schema = (first as unknown as { opts: { schema: string } }).opts.schema;
      const s = new PostgresStore(url, { schema, featureFile });
      cleanups.unshift(() => s.close());
      const u = s.users();
      expect(u.list().map((x) => [x.username, x.role, x.wijken])).toEqual([['agent', 'wijkagent', ['WK093502']], ['beheer', 'beheerder', []]]);
      expect(await u.verify('beheer', PW)).toBeDefined();
      // Once: removing an account in PostgreSQL does not bring it back from the file.
      u.remove('agent');
      const again = new PostgresStore(url, { schema, featureFile });
      cleanups.unshift(() => again.close());
      expect(again.users().list().map((x) => x.username)).toEqual(['beheer']);
      // Not even when every account has been removed since (the last beheerder only by hand: the store refuses).
      expect(() => again.users().remove('beheer')).toThrow(/laatste beheerder/);
      (again as unknown as { client: { querySync: (sql: string) => unknown } }).client.querySync('DELETE FROM users');
      const third = new PostgresStore(url, { schema, featureFile });
      cleanups.unshift(() => third.close());
      expect(third.users().count()).toBe(0);
    });
  });
}
