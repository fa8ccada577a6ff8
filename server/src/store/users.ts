// Accounts, sessions and the audit trail. Passwords are hashed with scrypt (memory-hard, in
// node:crypto, no native add-on); session tokens are stored only as their SHA-256.
import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Role } from '../domain/roles.ts';
import { passwordProblem, usernameProblem } from '../domain/accounts.ts';

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

/** What the beheerder narrows the audit trail to: exact username (any case), action, and a time window
 * of ISO timestamps (`from` inclusive, `to` exclusive). */
export interface AuditFilter {
  username?: string;
  action?: string;
  /** The part of the application: the resource starts with this (e.g. '/api/accounts' or '/api/imports'). */
  resource?: string;
  from?: string;
  to?: string;
}

/** The filter as SQL conditions: placeholders `?` in order for SQLite (better-sqlite3 does not number
 * them), `$n` for PostgreSQL. */
export function auditWhere(f: AuditFilter, mark: '?' | '$'): { sql: string; params: string[] } {
  const conds: string[] = [];
  const params: string[] = [];
  const add = (cond: string, v: string) => {
    params.push(v);
    conds.push(mark === '?' ? cond : cond.replace('?', `$${params.length}`));
  };
  if (f.username) add('lower(username) = lower(?)', f.username);
  if (f.action) add('action = ?', f.action);
  if (f.resource) {
    // A prefix, compared as text (LIKE would read % and _ in it as wildcards).
    params.push(f.resource);
    if (mark === '?') {
      params.push(f.resource);
      conds.push('substr(resource, 1, length(?)) = ?');
    } else conds.push(`left(resource, length($${params.length}::text)) = $${params.length}`);
  }
  if (f.from) add('at >= ?', f.from);
  if (f.to) add('at < ?', f.to);
  return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}

export interface UserStore {
  count(): number;
  list(): User[];
  get(username: string): User | undefined;
  add(username: string, password: string, role: Role, wijken: string[]): User;
  remove(username: string): boolean;
  /** A new role and wijken; refuses (AccountError) to take the role away from the last beheerder. */
  setRole(username: string, role: Role, wijken: string[]): User | undefined;
  setPassword(username: string, password: string): boolean;
  /** Asynchronous: the hash is computed on libuv's thread pool, so logins do not stall other requests. */
  verify(username: string, password: string): Promise<User | undefined>;
  createSession(userId: number, ttlMs: number): string;
  sessionUser(token: string): User | undefined;
  deleteSession(token: string): void;
  /** `at`: when it happened, if not now (an entry held back while an import wrote; importRunner.ts). */
  audit(entry: Omit<AuditEntry, 'id' | 'at'> & { at?: string }): void;
  /** Newest first; the filter narrows in the database, so a long trail is not read whole. */
  auditLog(limit: number, filter?: AuditFilter): AuditEntry[];
}

// N=2^15, r=8: ~32 MiB and ~50-100 ms per hash, the OWASP minimum for scrypt.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

const scryptAsync = (password: string, salt: Buffer, length: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scrypt(password, salt, length, opts, (err, key) => (err ? reject(err) : resolve(key))));

/** Off the event loop (libuv's thread pool): a login's ~50-100 ms of hashing does not hold up other requests. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

/** A refused account change (weak password, taken name, the last beheerder): the message says why. */
export class AccountError extends Error {}

/** The policy every store applies before it stores a name or password (CLI, tests, future routes alike). */
export function checkAccount(username: string, password: string): void {
  const problem = usernameProblem(username) ?? passwordProblem(username, password);
  if (problem) throw new AccountError(problem);
}

/** Removing the only beheerder would leave nobody who can manage the accounts or read the audit trail. */
export function lastBeheerderProblem(username: string): string {
  return `${username} is de laatste beheerder: maak eerst een andere beheerder aan`;
}

let accountWrites = 0;
/** Bumped by every store in this process that adds or removes an account, so a cached "do accounts
 * exist?" answer (http/session.ts) is dropped at once, whichever store instance made the change. */
export function accountsChanged(): void {
  accountWrites++;
}
export function accountWriteCount(): number {
  return accountWrites;
}
