// Accounts, sessions and the audit trail. Passwords are hashed with scrypt (memory-hard, in
// node:crypto, no native add-on); session tokens are stored only as their SHA-256.
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Role } from '../domain/roles.ts';

export interface User {
  id: number;
  username: string;
  role: Role;
  wijken: string[];
  createdAt: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  username: string | null;
  role: string;
  action: string;
  resource: string;
  detail: Record<string, unknown>;
}

export interface UserStore {
  count(): number;
  list(): User[];
  get(username: string): User | undefined;
  add(username: string, password: string, role: Role, wijken: string[]): User;
  remove(username: string): boolean;
  setPassword(username: string, password: string): boolean;
  verify(username: string, password: string): User | undefined;
  createSession(userId: number, ttlMs: number): string;
  sessionUser(token: string): User | undefined;
  deleteSession(token: string): void;
  audit(entry: Omit<AuditEntry, 'id' | 'at'>): void;
  auditLog(limit: number): AuditEntry[];
}

// N=2^15, r=8: ~32 MiB and ~50-100 ms per hash, the OWASP minimum for scrypt.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = scryptSync(password.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

/** Compared against when the user does not exist, so timing does not reveal valid usernames. */
const DUMMY_HASH = hashPassword(randomBytes(12).toString('hex'));

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

let accountWrites = 0;
/** Bumped by every store in this process that adds or removes an account, so a cached "do accounts
 * exist?" answer (routes/session.ts) is dropped at once, whichever store instance made the change. */
export function accountsChanged(): void {
  accountWrites++;
}
export function accountWriteCount(): number {
  return accountWrites;
}

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
    const r = this.db.prepare('SELECT id, username, role, wijken, created_at FROM users WHERE username = ?').get(username) as Row | undefined;
    return r && toUser(r);
  }

  add(username: string, password: string, role: Role, wijken: string[]): User {
    this.db.prepare('INSERT INTO users (username, role, wijken, password_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(
      username, role, JSON.stringify(wijken), hashPassword(password), new Date().toISOString());
    accountsChanged();
    return this.get(username)!;
  }

  remove(username: string): boolean {
    const removed = this.db.prepare('DELETE FROM users WHERE username = ?').run(username).changes > 0;
    accountsChanged();
    return removed;
  }

  setPassword(username: string, password: string): boolean {
    const tx = this.db.transaction(() => {
      const changed = this.db.prepare('UPDATE users SET password_hash = ? WHERE username = ?').run(hashPassword(password), username).changes > 0;
      // A new password ends every open session of that user.
      if (changed) this.db.prepare('DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ?)').run(username);
      return changed;
    });
    return tx();
  }

  verify(username: string, password: string): User | undefined {
    const r = this.db.prepare('SELECT password_hash FROM users WHERE username = ?').get(username) as { password_hash: string } | undefined;
    const ok = verifyPassword(password, r?.password_hash ?? DUMMY_HASH);
    return ok && r ? this.get(username) : undefined;
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

  audit(e: Omit<AuditEntry, 'id' | 'at'>): void {
    this.db.prepare('INSERT INTO audit (at, username, role, action, resource, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
      new Date().toISOString(), e.username, e.role, e.action, e.resource, JSON.stringify(e.detail));
  }

  auditLog(limit: number): AuditEntry[] {
    return (this.db.prepare('SELECT id, at, username, role, action, resource, detail FROM audit ORDER BY id DESC LIMIT ?').all(limit) as
      (Omit<AuditEntry, 'detail'> & { detail: string })[]).map((r) => ({ ...r, detail: JSON.parse(r.detail) }));
  }
}

type Row = { id: number; username: string; role: Role; wijken: string; created_at: string };
const toUser = (r: Row): User => ({ id: r.id, username: r.username, role: r.role, wijken: JSON.parse(r.wijken), createdAt: r.created_at });
