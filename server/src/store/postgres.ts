// Server database: the Store interface on PostgreSQL, for several app servers sharing one database.
// Synchronous (pg-native's libpq sync API) because the Store contract is: the app reads the store
// only to (re)build its in-memory cube and to import, so a blocking round trip is rare (see README).
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import { SqliteStore } from './sqlite.ts';
import { SqliteUserStore, type UserStore } from './users.ts';
import { PostgresUserStore } from './postgresUsers.ts';
import { gemeenteOf, type ImportData, type ImportOutcome, type ImportRecord, type PopulationRow, type RegistrationCell, type Store, type StoredImport, type YearlyTotal } from './store.ts';

/** The part of pg-native's Client this store uses (pg-native ships no types). */
export interface PgClient {
  connectSync(url: string): void;
  querySync(sql: string, params?: unknown[]): Record<string, unknown>[];
  end(cb?: () => void): void;
}

/** pg-native is an optional dependency: loaded only when DATABASE_URL asks for PostgreSQL. */
export function loadPgNative(): new () => PgClient {
  try {
    return createRequire(import.meta.url)('pg-native') as new () => PgClient;
  } catch (e) {
    throw new Error(`DATABASE_URL is set, but the PostgreSQL driver 'pg-native' cannot be loaded (${(e as Error).message.split('\n')[0]}). ` +
      'Install libpq-dev (Debian: apt-get install libpq-dev) before npm ci, or unset DATABASE_URL to use the embedded store.');
  }
}

/**
 * Closes a pg-native client safely. libpq's finish() starts closing its libuv poll handle but drops
 * the native object's last reference at once; if the garbage collector frees it before the event
 * loop completes the close, node aborts (uv__finish_close assertion). Holding the client until the
 * loop has moved on avoids that.
 */
const closing = new Set<PgClient>();
export function endClient(client: PgClient): void {
  client.end();
  closing.add(client);
  setTimeout(() => closing.delete(client), 100).unref();
}

// Counts are BIGINT: the importers accept any count up to Number.MAX_SAFE_INTEGER, as SQLite does.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS imports (
  id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, file TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL, summary JSONB NOT NULL, imported_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS yearly_totals (
  area TEXT NOT NULL, gemeente TEXT NOT NULL, year INTEGER NOT NULL, count BIGINT,
  PRIMARY KEY (area, year));
CREATE INDEX IF NOT EXISTS yearly_totals_gm ON yearly_totals (gemeente);
CREATE TABLE IF NOT EXISTS monthly (
  area TEXT NOT NULL, gemeente TEXT NOT NULL, month TEXT NOT NULL, type TEXT NOT NULL, count BIGINT,
  PRIMARY KEY (area, month, type));
CREATE INDEX IF NOT EXISTS monthly_gm ON monthly (gemeente);
CREATE TABLE IF NOT EXISTS yearly_type (
  area TEXT NOT NULL, gemeente TEXT NOT NULL, year INTEGER NOT NULL, type TEXT NOT NULL, count BIGINT,
  PRIMARY KEY (area, year, type));
CREATE INDEX IF NOT EXISTS yearly_type_gm ON yearly_type (gemeente);
CREATE TABLE IF NOT EXISTS population (
  area TEXT NOT NULL, gemeente TEXT NOT NULL, year INTEGER NOT NULL, inwoners BIGINT,
  PRIMARY KEY (area, year));
CREATE INDEX IF NOT EXISTS population_gm ON population (gemeente);
INSERT INTO meta (key, value) VALUES ('revision', 0) ON CONFLICT (key) DO NOTHING;
`;

/** Rows per INSERT statement (one array parameter per column): a 300k-row import is ~30 round trips. */
const CHUNK = 10_000;

/** Advisory lock key that serialises imports across app servers (as SQLite's BEGIN IMMEDIATE does). */
const IMPORT_LOCK = 47022;

export interface PostgresStoreOptions {
  /** Schema (search_path) for the tables; tests use a throwaway one. Default: the role's default. */
  schema?: string;
  /** How long revision() may answer from memory before asking the database again. Another app
   * server's import shows up at most this late; this server's own imports show up at once. */
  revisionTtlMs?: number;
  /** Rows per INSERT (tests use a small one to put a failure in a later statement). */
  chunkRows?: number;
  /** Local SQLite file for the feature tables that do not live in PostgreSQL yet (see `db`). */
  featureFile?: string;
}

export class PostgresStore implements Store {
  private readonly client: PgClient;
  private readonly revisionTtlMs: number;
  private readonly chunkRows: number;
  private cachedRevision: { value: number; at: number } | null = null;
  private local: SqliteStore | null = null;
  private users: PostgresUserStore | null = null;

  constructor(url: string, private readonly opts: PostgresStoreOptions = {}) {
    const Client = loadPgNative();
    this.client = new Client();
    try {
      this.client.connectSync(url);
    } catch (e) {
      endClient(this.client);
      throw new Error(`DATABASE_URL: cannot connect to PostgreSQL at ${redact(url)}: ${(e as Error).message.trim()}`);
    }
    this.q('SET client_min_messages TO warning'); // no NOTICEs for CREATE … IF NOT EXISTS on stderr
    this.revisionTtlMs = opts.revisionTtlMs ?? 1000;
    this.chunkRows = opts.chunkRows ?? CHUNK;
    if (opts.schema) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) throw new Error(`PostgresStore: invalid schema name '${opts.schema}'`);
      this.q(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
      this.q(`SET search_path TO ${opts.schema}`);
    }
    // Several app servers may start at once: create the schema under the import lock.
    this.transaction(() => {
      this.q('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
      this.q(SCHEMA);
    });
  }

  /**
   * The local SQLite handle for the feature tables whose stores still take a better-sqlite3 handle
   * (selections, attention areas, presentations, survey, incidents): with DATABASE_URL only the
   * registrations and the accounts (userStore()) live in PostgreSQL. Opened on first use as a
   * SqliteStore in `featureFile` (DATA_DIR/store.sqlite); the registration tables in that file go
   * unused. See README "Server database", limitations.
   */
  get db(): Database.Database {
    this.local ??= new SqliteStore(this.opts.featureFile ?? ':memory:');
    return this.local.db;
  }

  /** Accounts, sessions and audit in PostgreSQL (shared by every app server); on first use an empty
   * users table takes over the accounts of the local SQLite file. */
  userStore(): UserStore {
    this.users ??= new PostgresUserStore((sql, params) => this.q(sql, params), (fn) => this.transaction(fn), this.opts.featureFile ? this.db : undefined);
    return this.users;
  }

  applyImport(record: ImportRecord, data: ImportData): ImportOutcome {
    const outcome = this.transaction((): ImportOutcome => {
      // One import at a time across all app servers; the hash check below then cannot race.
      this.q('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
      if (this.q('SELECT 1 FROM imports WHERE sha256 = $1', [record.sha256]).length) return { alreadyImported: true, changedRows: 0 };
      let changed = 0;
      const yearlyTotals = (data.yearlyTotals ?? []).map((r) => ({ area: r.area, gemeente: gemeenteOf(r.area), year: r.year, count: r.count }));
      changed += this.upsert('yearly_totals', ['area', 'gemeente', 'year', 'count'], ['text', 'text', 'integer', 'bigint'], ['area', 'year'], 'count', yearlyTotals);
      const monthly: Record<string, unknown>[] = [];
      const yearlyType: Record<string, unknown>[] = [];
      for (const c of data.cells ?? []) {
        if (c.period.length === 7) monthly.push({ area: c.area, gemeente: gemeenteOf(c.area), month: c.period, type: c.type, count: c.count });
        else yearlyType.push({ area: c.area, gemeente: gemeenteOf(c.area), year: Number(c.period), type: c.type, count: c.count });
      }
      changed += this.upsert('monthly', ['area', 'gemeente', 'month', 'type', 'count'], ['text', 'text', 'text', 'text', 'bigint'], ['area', 'month', 'type'], 'count', monthly);
      changed += this.upsert('yearly_type', ['area', 'gemeente', 'year', 'type', 'count'], ['text', 'text', 'integer', 'text', 'bigint'], ['area', 'year', 'type'], 'count', yearlyType);
      const population = (data.population ?? []).map((p) => ({ area: p.area, gemeente: gemeenteOf(p.area), year: p.year, inwoners: p.inwoners }));
      changed += this.upsert('population', ['area', 'gemeente', 'year', 'inwoners'], ['text', 'text', 'integer', 'bigint'], ['area', 'year'], 'inwoners', population);
      this.q('INSERT INTO imports (file, sha256, format, summary) VALUES ($1, $2, $3, $4::jsonb)', [record.file, record.sha256, record.format, JSON.stringify(record.summary)]);
      if (changed > 0) this.q("UPDATE meta SET value = value + 1 WHERE key = 'revision'");
      return { alreadyImported: false, changedRows: changed };
    });
    // This server's own change is visible at once, whatever the revision TTL.
    this.cachedRevision = null;
    return outcome;
  }

  listImports(): StoredImport[] {
    return this.q(`SELECT id, file, sha256, format, summary::text AS summary,
        to_char(imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS imported_at
      FROM imports ORDER BY id`).map((r) => ({
      id: Number(r.id), file: String(r.file), sha256: String(r.sha256), format: String(r.format),
      summary: JSON.parse(String(r.summary)) as Record<string, unknown>, importedAt: String(r.imported_at),
    }));
  }

  revision(): number {
    const now = Date.now();
    if (this.cachedRevision && now - this.cachedRevision.at < this.revisionTtlMs) return this.cachedRevision.value;
    const value = Number(this.q("SELECT value FROM meta WHERE key = 'revision'")[0].value);
    this.cachedRevision = { value, at: now };
    return value;
  }

  yearlyTotals(gemeente: string | null): YearlyTotal[] {
    return this.select<YearlyTotal>('SELECT area, year, count::float8 AS count FROM yearly_totals', gemeente);
  }

  monthlyCells(gemeente: string | null): RegistrationCell[] {
    return this.select<RegistrationCell>('SELECT area, type, month AS period, count::float8 AS count FROM monthly', gemeente);
  }

  yearlyTypeCells(gemeente: string | null): RegistrationCell[] {
    return this.select<RegistrationCell>('SELECT area, type, year::text AS period, count::float8 AS count FROM yearly_type', gemeente);
  }

  population(gemeente: string | null): PopulationRow[] {
    return this.select<PopulationRow>('SELECT area, year, inwoners::float8 AS inwoners FROM population', gemeente);
  }

  close(): void {
    this.local?.close();
    this.local = null;
    endClient(this.client);
  }

  /** Runs `fn` in BEGIN … COMMIT; any error rolls back everything and is rethrown. */
  private transaction<T>(fn: () => T): T {
    this.q('BEGIN');
    try {
      const out = fn();
      this.q('COMMIT');
      return out;
    } catch (e) {
      try {
        this.q('ROLLBACK');
      } catch {
        // The connection itself failed: the server rolls the transaction back when it notices.
      }
      throw e;
    }
  }

  /**
   * INSERT … ON CONFLICT DO UPDATE … WHERE the value differs, `chunkRows` rows per statement sent as
   * one array parameter per column (unnest: about twice as fast as json_to_recordset here). Counts
   * only real changes, like the SQLite store. A key may appear only once per statement, so duplicate
   * keys keep the last row (what row-by-row upserts leave behind).
   */
  private upsert(table: string, cols: string[], types: string[], key: string[], value: string, rows: Record<string, unknown>[]): number {
    if (rows.length === 0) return 0;
    const byKey = new Map<string, Record<string, unknown>>();
    for (const r of rows) byKey.set(key.map((k) => r[k]).join('\u0000'), r);
    const unique = [...byKey.values()];
    const sql = `WITH changed AS (
        INSERT INTO ${table} (${cols.join(', ')})
        SELECT * FROM unnest(${cols.map((_, i) => `$${i + 1}::${types[i]}[]`).join(', ')})
        ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${value} = excluded.${value}
          WHERE ${table}.${value} IS DISTINCT FROM excluded.${value}
        RETURNING 1)
      SELECT count(*)::int AS n FROM changed`;
    let changed = 0;
    for (let i = 0; i < unique.length; i += this.chunkRows) {
      const chunk = unique.slice(i, i + this.chunkRows);
      changed += Number(this.q(sql, cols.map((c) => arrayLiteral(chunk.map((r) => r[c]))))[0].n);
    }
    return changed;
  }

  private select<T>(sql: string, gemeente: string | null): T[] {
    return (gemeente === null ? this.q(sql) : this.q(`${sql} WHERE gemeente = $1`, [gemeente])) as T[];
  }

  private q(sql: string, params?: unknown[]): Record<string, unknown>[] {
    return this.client.querySync(sql, params);
  }
}

/** The account store that goes with a store: PostgreSQL's own tables, or the SQLite file's. */
export function userStoreFor(store: Store): UserStore {
  return store instanceof PostgresStore ? store.userStore() : new SqliteUserStore((store as SqliteStore).db);
}

/** A PostgreSQL array literal: every element quoted (backslash and quote escaped), null as NULL. */
function arrayLiteral(values: unknown[]): string {
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}

/** postgres://user:secret@host/db -> postgres://user:***@host/db (never log a password). */
export function redact(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/, '$1:***@');
}
