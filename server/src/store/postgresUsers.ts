// Accounts, sessions and the audit trail in PostgreSQL, so several app servers behind a load balancer
// share logins. Same rules as SqliteUserStore (scrypt hashes, only the SHA-256 of a session token).
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Role } from '../domain/roles.ts';
import { AccountError, accountsChanged, checkAccount, hashPassword, lastBeheerderProblem, verifyPassword, auditWhere, type AuditEntry, type AuditFilter, type User, type UserStore } from './users.ts';
import type { PgClient } from './postgresClient.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, username TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
  wijken TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS sessions_expires ON sessions (expires_at);
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at TEXT NOT NULL, username TEXT, role TEXT NOT NULL,
  action TEXT NOT NULL, resource TEXT NOT NULL, detail TEXT NOT NULL);
`;
// Usernames are unique without regard to case (SqliteUserStore keeps the same rule).
const NOCASE_INDEX = 'CREATE UNIQUE INDEX IF NOT EXISTS users_username_nocase ON users (lower(username))';

const DUMMY_HASH = hashPassword(randomBytes(12).toString('hex'));
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
type Row = { id: number; username: string; role: Role; wijken: string; created_at: string };
const toUser = (r: Record<string, unknown>): User => {
  const x = r as Row;
  return { id: Number(x.id), username: x.username, role: x.role, wijken: JSON.parse(x.wijken) as string[], createdAt: x.created_at };
};

export class PostgresUserStore implements UserStore {
  /** `q` runs one statement on the store's connection; `tx` wraps a function in BEGIN … COMMIT. */
  constructor(
    private readonly q: PgClient['querySync'],
    private readonly tx: <T>(fn: () => T) => T,
    legacy?: Database.Database,
  ) {
    this.tx(() => {
      this.q('SELECT pg_advisory_xact_lock($1)', [47023]);
      this.q(SCHEMA);
      // Names that already differ by case only keep working (logins find the oldest); then the index waits.
      const clash = this.q('SELECT 1 FROM users GROUP BY lower(username) HAVING count(*) > 1 LIMIT 1').length > 0;
      if (!clash) this.q(NOCASE_INDEX);
      // Switching an installation to PostgreSQL: its accounts (not sessions) come along, once per
      // database (marked in `meta`), so removing every account later does not bring them back.
      const first = legacy && this.q("INSERT INTO meta (key, value) VALUES ('users_taken_over', 1) ON CONFLICT (key) DO NOTHING RETURNING 1").length > 0;
      if (legacy && first && this.count() === 0) {
        const hasUsers = legacy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'").get();
        const rows = hasUsers ? (legacy.prepare('SELECT username, role, wijken, password_hash, created_at FROM users ORDER BY id').all() as Record<string, string>[]) : [];
        for (const r of rows) {
          this.q('INSERT INTO users (username, role, wijken, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [r.username, r.role, r.wijken, r.password_hash, r.created_at]);
        }
      }
    });
  }

  count(): number {
    return Number(this.q('SELECT count(*)::int AS n FROM users')[0].n);
  }

  list(): User[] {
    return this.q('SELECT id, username, role, wijken, created_at FROM users ORDER BY username').map(toUser);
  }

  get(username: string): User | undefined {
    const r = this.q('SELECT id, username, role, wijken, created_at FROM users WHERE lower(username) = lower($1) ORDER BY id LIMIT 1', [username])[0];
    return r && toUser(r);
  }

  add(username: string, password: string, role: Role, wijken: string[]): User {
    checkAccount(username, password);
    const hash = hashPassword(password);
    this.tx(() => {
      // One writer at a time, so two servers cannot both add "Ana" and "ana".
      this.q('SELECT pg_advisory_xact_lock($1)', [47024]);
      const existing = this.get(username);
      if (existing) throw new AccountError(`gebruiker ${existing.username} bestaat al (namen verschillen niet alleen in hoofdletters)`);
      this.q('INSERT INTO users (username, role, wijken, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [
        username, role, JSON.stringify(wijken), hash, new Date().toISOString()]);
    });
    accountsChanged();
    return this.get(username)!;
  }

  remove(username: string): boolean {
    const removed = this.tx(() => {
      this.q('SELECT pg_advisory_xact_lock($1)', [47024]);
      const user = this.get(username);
      if (!user) return false;
      if (user.role === 'beheerder' && Number(this.q("SELECT count(*)::int AS n FROM users WHERE role = 'beheerder'")[0].n) <= 1) {
        throw new AccountError(lastBeheerderProblem(user.username));
      }
      return this.q('DELETE FROM users WHERE id = $1 RETURNING 1', [user.id]).length > 0;
    });
    accountsChanged();
    return removed;
  }

  setRole(username: string, role: Role, wijken: string[]): User | undefined {
    const changed = this.tx(() => {
      this.q('SELECT pg_advisory_xact_lock($1)', [47024]);
      const user = this.get(username);
      if (!user) return undefined;
      if (user.role === 'beheerder' && role !== 'beheerder' && Number(this.q("SELECT count(*)::int AS n FROM users WHERE role = 'beheerder'")[0].n) <= 1) {
        throw new AccountError(lastBeheerderProblem(user.username));
      }
      this.q('UPDATE users SET role = $1, wijken = $2 WHERE id = $3', [role, JSON.stringify(wijken), user.id]);
      return user.username;
    });
    return changed === undefined ? undefined : this.get(changed);
  }

  setPassword(username: string, password: string): boolean {
    const user = this.get(username);
    if (!user) return false;
    checkAccount(user.username, password);
    const hash = hashPassword(password);
    return this.tx(() => {
      const changed = this.q('UPDATE users SET password_hash = $1 WHERE id = $2 RETURNING id', [hash, user.id]);
      // A new password ends every open session of that user.
      if (changed.length) this.q('DELETE FROM sessions WHERE user_id = $1', [changed[0].id]);
      return changed.length > 0;
    });
  }

  async verify(username: string, password: string): Promise<User | undefined> {
    const r = this.q('SELECT id, password_hash FROM users WHERE lower(username) = lower($1) ORDER BY id LIMIT 1', [username])[0] as { id: number; password_hash: string } | undefined;
    const ok = await verifyPassword(password, r?.password_hash ?? DUMMY_HASH);
    if (!ok || !r) return undefined;
    const u = this.q('SELECT id, username, role, wijken, created_at FROM users WHERE id = $1', [r.id])[0];
    return u && toUser(u);
  }

  createSession(userId: number, ttlMs: number): string {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    this.q('DELETE FROM sessions WHERE expires_at < $1', [now]);
    this.q('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [sha256(token), userId, now, now + ttlMs]);
    return token;
  }

  sessionUser(token: string): User | undefined {
    const r = this.q(`SELECT u.id, u.username, u.role, u.wijken, u.created_at FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > $2`, [sha256(token), Date.now()])[0];
    return r && toUser(r);
  }

  deleteSession(token: string): void {
    this.q('DELETE FROM sessions WHERE token_hash = $1', [sha256(token)]);
  }

  audit(e: Omit<AuditEntry, 'id' | 'at'> & { at?: string }): void {
    this.q('INSERT INTO audit (at, username, role, action, resource, detail) VALUES ($1, $2, $3, $4, $5, $6)', [
      e.at ?? new Date().toISOString(), e.username, e.role, e.action, e.resource, JSON.stringify(e.detail)]);
  }

  auditLog(limit: number, filter: AuditFilter = {}): AuditEntry[] {
    const where = auditWhere(filter, '$');
    return this.q(`SELECT id, at, username, role, action, resource, detail FROM audit ${where.sql} ORDER BY id DESC LIMIT $${where.params.length + 1}`, [...where.params, limit]).map((r) => ({
      id: Number(r.id), at: String(r.at), username: r.username === null ? null : String(r.username), role: String(r.role),
      action: String(r.action), resource: String(r.resource), detail: JSON.parse(String(r.detail)) as Record<string, unknown>,
    }));
  }
}
