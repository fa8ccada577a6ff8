// Accounts, sessions and the audit trail in the SQLite file.
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Role } from '../domain/roles.ts';
import { AccountError, accountsChanged, checkAccount, hashPassword, lastBeheerderProblem, verifyPassword, auditWhere, type AuditEntry, type AuditFilter, type User, type UserStore } from './users.ts';

/** Compared against when the user does not exist, so timing does not reveal valid usernames. */
const DUMMY_HASH = hashPassword(randomBytes(12).toString('hex'));

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class SqliteUserStore implements UserStore {
  private countStatement?: Database.Statement;

  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS users (
        id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, role TEXT NOT NULL, wijken TEXT NOT NULL,
        password_hash TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS sessions (
        token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS audit (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, username TEXT, role TEXT NOT NULL, action TEXT NOT NULL,
        resource TEXT NOT NULL, detail TEXT NOT NULL);
    `);
    db.pragma('foreign_keys = ON');
    // Usernames are unique without regard to case. An installation that already holds two names
    // differing only in case keeps working (logins find the oldest); new ones cannot be added.
    try {
      db.exec('CREATE UNIQUE INDEX IF NOT EXISTS users_username_nocase ON users (lower(username))');
    } catch {
      db.exec('CREATE INDEX IF NOT EXISTS users_username_lower ON users (lower(username))');
    }
  }

  count(): number {
    // Asked on every API request (open mode or not): prepared once, not per request (bench: `areas`).
    this.countStatement ??= this.db.prepare('SELECT COUNT(*) AS n FROM users');
    return (this.countStatement.get() as { n: number }).n;
  }

  list(): User[] {
    return (this.db.prepare('SELECT id, username, role, wijken, created_at FROM users ORDER BY username').all() as Row[]).map(toUser);
  }

  get(username: string): User | undefined {
    const r = this.db.prepare('SELECT id, username, role, wijken, created_at FROM users WHERE lower(username) = lower(?) ORDER BY id LIMIT 1').get(username) as Row | undefined;
    return r && toUser(r);
  }

  add(username: string, password: string, role: Role, wijken: string[]): User {
    checkAccount(username, password);
    const hash = hashPassword(password);
    this.db.transaction(() => {
      if (this.get(username)) throw new AccountError(`gebruiker ${this.get(username)!.username} bestaat al (namen verschillen niet alleen in hoofdletters)`);
      this.db.prepare('INSERT INTO users (username, role, wijken, password_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(
        username, role, JSON.stringify(wijken), hash, new Date().toISOString());
    }).immediate();
    accountsChanged();
    return this.get(username)!;
  }

  remove(username: string): boolean {
    const removed = this.db.transaction(() => {
      const user = this.get(username);
      if (!user) return false;
      if (user.role === 'beheerder') {
        const { n } = this.db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'beheerder'").get() as { n: number };
        if (n <= 1) throw new AccountError(lastBeheerderProblem(user.username));
      }
      return this.db.prepare('DELETE FROM users WHERE id = ?').run(user.id).changes > 0;
    }).immediate();
    accountsChanged();
    return removed;
  }

  setRole(username: string, role: Role, wijken: string[]): User | undefined {
    const changed = this.db.transaction(() => {
      const user = this.get(username);
      if (!user) return undefined;
      if (user.role === 'beheerder' && role !== 'beheerder') {
        const { n } = this.db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'beheerder'").get() as { n: number };
        if (n <= 1) throw new AccountError(lastBeheerderProblem(user.username));
      }
      this.db.prepare('UPDATE users SET role = ?, wijken = ? WHERE id = ?').run(role, JSON.stringify(wijken), user.id);
      return user.username;
    }).immediate();
    return changed === undefined ? undefined : this.get(changed);
  }

  setPassword(username: string, password: string): boolean {
    const user = this.get(username);
    if (!user) return false;
    checkAccount(user.username, password);
    const hash = hashPassword(password);
    const tx = this.db.transaction(() => {
      const changed = this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, user.id).changes > 0;
      // A new password ends every open session of that user.
      if (changed) this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(user.id);
      return changed;
    });
    return tx();
  }

  async verify(username: string, password: string): Promise<User | undefined> {
    const r = this.db.prepare('SELECT id, password_hash FROM users WHERE lower(username) = lower(?) ORDER BY id LIMIT 1').get(username) as { id: number; password_hash: string } | undefined;
    const ok = await verifyPassword(password, r?.password_hash ?? DUMMY_HASH);
    if (!ok || !r) return undefined;
    const u = this.db.prepare('SELECT id, username, role, wijken, created_at FROM users WHERE id = ?').get(r.id) as Row | undefined;
    return u && toUser(u);
  }

  createSession(userId: number, ttlMs: number): string {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now);
    this.db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(sha256(token), userId, now, now + ttlMs);
    return token;
  }

  sessionUser(token: string): User | undefined {
    const r = this.db.prepare(`SELECT u.id, u.username, u.role, u.wijken, u.created_at FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ? AND s.expires_at > ?`).get(sha256(token), Date.now()) as Row | undefined;
    return r && toUser(r);
  }

  deleteSession(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(sha256(token));
  }

  audit(e: Omit<AuditEntry, 'id' | 'at'> & { at?: string }): void {
    this.db.prepare('INSERT INTO audit (at, username, role, action, resource, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
      e.at ?? new Date().toISOString(), e.username, e.role, e.action, e.resource, JSON.stringify(e.detail));
  }

  auditLog(limit: number, filter: AuditFilter = {}): AuditEntry[] {
    const where = auditWhere(filter, '?');
    return (this.db.prepare(`SELECT id, at, username, role, action, resource, detail FROM audit ${where.sql} ORDER BY id DESC LIMIT ?`).all(...where.params, limit) as
      (Omit<AuditEntry, 'detail'> & { detail: string })[]).map((r) => ({ ...r, detail: JSON.parse(r.detail) }));
  }
}

type Row = { id: number; username: string; role: Role; wijken: string; created_at: string };
const toUser = (r: Row): User => ({ id: r.id, username: r.username, role: r.role, wijken: JSON.parse(r.wijken), createdAt: r.created_at });
