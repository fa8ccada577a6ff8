// Server database: the Store interface on PostgreSQL, for several app servers sharing one database.
// Synchronous (pg-native's libpq sync API) because the Store contract is: the app reads the
// registrations only to (re)build its in-memory cube and to import, so a blocking round trip is rare;
// accounts and feature tables are single-row or per-gemeente queries (see README).
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { UserStore } from './users.ts';
import { endClient, loadPgNative, type PgClient } from './postgresClient.ts';
import { PostgresUserStore } from './postgresUsers.ts';
import { FEATURE_SCHEMA, PostgresAttentionAreaStore, PostgresIncidentStore, PostgresPresentationStore, PostgresSelectionStore, PostgresSurveyStore, PostgresEvaluationStore, PostgresVersionStore, takeOverLocalFeatures } from './postgresFeatures.ts';
import { isoText, undoJournal, writeRows, type Query } from './postgresSql.ts';
import { gemeenteOf, type StoreLocation, type FeatureStores, type ImportData, type PopulationRow, type RegistrationCell, type Store, type StoredImport, type UndoOutcome, type YearlyTotal } from './store.ts';
import type { ImportOutcome, ImportRecord } from './imports.ts';

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
ALTER TABLE imports ADD COLUMN IF NOT EXISTS imported_by TEXT;
ALTER TABLE imports ADD COLUMN IF NOT EXISTS changed_rows BIGINT;
ALTER TABLE imports ADD COLUMN IF NOT EXISTS changes_recorded BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE imports ADD COLUMN IF NOT EXISTS automatic BOOLEAN NOT NULL DEFAULT false;
CREATE TABLE IF NOT EXISTS import_changes (
  import_sha TEXT NOT NULL, tbl TEXT NOT NULL, key JSONB NOT NULL, previous JSONB,
  PRIMARY KEY (import_sha, tbl, key));
`;

const IMPORT_SELECT = `SELECT id, file, sha256, format, summary::text AS summary, ${isoText('imported_at')} AS imported_at,
  imported_by, changed_rows::float8 AS changed_rows, changes_recorded, automatic FROM imports`;

const toStoredImport = (r: Record<string, unknown>): StoredImport => ({
  id: Number(r.id), file: String(r.file), sha256: String(r.sha256), format: String(r.format),
  summary: JSON.parse(String(r.summary)) as Record<string, unknown>, importedAt: String(r.imported_at),
  importedBy: r.imported_by === null ? null : String(r.imported_by),
  changedRows: r.changed_rows === null ? null : Number(r.changed_rows),
  changesRecorded: r.changes_recorded === true || r.changes_recorded === 't',
  automatic: r.automatic === true || r.automatic === 't',
});

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
  /** The local SQLite file (DATA_DIR/store.sqlite) of an installation that ran on the embedded store
   * or on an earlier PostgresStore: its accounts and feature tables are taken over once, into empty
   * PostgreSQL tables. Never written to. */
  featureFile?: string;
}

export class PostgresStore implements Store {
  private readonly client: PgClient;
  private readonly revisionTtlMs: number;
  private readonly chunkRows: number;
  private cachedRevision: { value: number; at: number } | null = null;
  private userStore: PostgresUserStore | null = null;
  private readonly featureStores: FeatureStores;
  /** Open BEGIN/SAVEPOINT levels on the connection: 0 = none, 1 = in a transaction, 2+ = savepoints. */
  private depth = 0;
  private readonly query: Query = (sql, params) => this.q(sql, params);

  constructor(private readonly url: string, private readonly opts: PostgresStoreOptions = {}) {
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
    this.transaction(() => this.q(SCHEMA + FEATURE_SCHEMA));
    // Now, not on first use: a take-over inside a caller's transaction would be rolled back with it.
    // Once per database (marked in `meta`), so a table emptied later is not filled from the file again;
    // under the lock, so two servers starting at once copy once.
    this.transaction(() => {
      if (this.q("SELECT 1 FROM meta WHERE key = 'features_taken_over'").length) return;
      this.withLegacy((legacy) => {
        if (!legacy) return;
        takeOverLocalFeatures(this.query, legacy, this.chunkRows);
        this.q("INSERT INTO meta (key, value) VALUES ('features_taken_over', 1)");
      });
    });
    this.featureStores = {
      selections: new PostgresSelectionStore(this.query),
      evaluations: new PostgresEvaluationStore(this.query),
      attentionAreas: new PostgresAttentionAreaStore(this.query),
      presentations: new PostgresPresentationStore(this.query),
      versions: new PostgresVersionStore(this.query),
      survey: new PostgresSurveyStore(this.query, this, this.chunkRows),
      incidents: new PostgresIncidentStore(this.query, (fn) => this.atomic(fn), this.chunkRows),
    };
  }

  /** Accounts, sessions and audit in PostgreSQL (shared by every app server); on first use an empty
   * users table takes over the accounts of the local SQLite file. */
  users(): UserStore {
    this.userStore ??= this.withLegacy((legacy) => new PostgresUserStore(this.query, (fn) => this.atomic(fn), legacy));
    return this.userStore;
  }

  /** Selections, attention areas, presentations, survey and incidents in PostgreSQL; at the first start
   * each empty table took over the rows of the local SQLite file (`featureFile`). */
  features(): FeatureStores {
    return this.featureStores;
  }

  /**
   * BEGIN … COMMIT around `fn`, holding the import lock: one writer at a time across all app servers,
   * as SQLite's BEGIN IMMEDIATE in one process. Inside another transaction it is a savepoint (the
   * lock is then already held, or taken now and kept to the outer COMMIT).
   */
  transaction<T>(fn: () => T): T {
    return this.atomic(() => {
      this.q('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
      return fn();
    });
  }

  applyImport(record: ImportRecord, data: ImportData): ImportOutcome {
    // The import lock makes the hash check below race-free across app servers.
    const outcome = this.transaction((): ImportOutcome => {
      if (this.q('SELECT 1 FROM imports WHERE sha256 = $1', [record.sha256]).length) return { alreadyImported: true, changedRows: 0 };
      let changed = 0;
      const journal = record.sha256;
      const yearlyTotals = (data.yearlyTotals ?? []).map((r) => ({ area: r.area, gemeente: gemeenteOf(r.area), year: r.year, count: r.count }));
      changed += this.upsert('yearly_totals', ['area', 'gemeente', 'year', 'count'], ['text', 'text', 'integer', 'bigint'], ['area', 'year'], 'count', yearlyTotals, journal);
      const monthly: Record<string, unknown>[] = [];
      const yearlyType: Record<string, unknown>[] = [];
      for (const c of data.cells ?? []) {
        if (c.period.length === 7) monthly.push({ area: c.area, gemeente: gemeenteOf(c.area), month: c.period, type: c.type, count: c.count });
        else yearlyType.push({ area: c.area, gemeente: gemeenteOf(c.area), year: Number(c.period), type: c.type, count: c.count });
      }
      changed += this.upsert('monthly', ['area', 'gemeente', 'month', 'type', 'count'], ['text', 'text', 'text', 'text', 'bigint'], ['area', 'month', 'type'], 'count', monthly, journal);
      changed += this.upsert('yearly_type', ['area', 'gemeente', 'year', 'type', 'count'], ['text', 'text', 'integer', 'text', 'bigint'], ['area', 'year', 'type'], 'count', yearlyType, journal);
      const population = (data.population ?? []).map((p) => ({ area: p.area, gemeente: gemeenteOf(p.area), year: p.year, inwoners: p.inwoners }));
      changed += this.upsert('population', ['area', 'gemeente', 'year', 'inwoners'], ['text', 'text', 'integer', 'bigint'], ['area', 'year'], 'inwoners', population, journal);
      // The journal also holds what a survey or police-extract import wrote before calling this.
      this.q(`INSERT INTO imports (file, sha256, format, summary, imported_by, changed_rows, changes_recorded, automatic)
        VALUES ($1, $2, $3, $4::jsonb, $5, (SELECT count(*) FROM import_changes WHERE import_sha = $2), true, $6)`,
      [record.file, record.sha256, record.format, JSON.stringify(record.summary), record.importedBy ?? null, record.automatic === true]);
      if (changed > 0) this.q("UPDATE meta SET value = value + 1 WHERE key = 'revision'");
      return { alreadyImported: false, changedRows: changed };
    });
    // This server's own change is visible at once, whatever the revision TTL.
    this.cachedRevision = null;
    return outcome;
  }

  listImports(): StoredImport[] {
    return this.q(`${IMPORT_SELECT} ORDER BY id`).map(toStoredImport);
  }

  undoLastImport(id: number): UndoOutcome {
    const outcome = this.transaction((): UndoOutcome => {
      const row = this.q(`${IMPORT_SELECT} WHERE id = $1`, [id])[0];
      if (!row) return { ok: false, reason: 'unknown' };
      const latest = Number(this.q('SELECT max(id) AS id FROM imports')[0].id);
      if (latest !== id) return { ok: false, reason: 'notLatest', latestId: latest };
      const undone = toStoredImport(row);
      if (!undone.changesRecorded) return { ok: false, reason: 'notRecorded' };
      const restoredRows = undoJournal(this.query, undone.sha256);
      this.q('DELETE FROM imports WHERE id = $1', [id]);
      // Always: even an import that changed nothing was a record the caches may have read.
      this.q("UPDATE meta SET value = value + 1 WHERE key = 'revision'");
      return { ok: true, undone, restoredRows };
    });
    this.cachedRevision = null;
    return outcome;
  }

  forgetRevision(): void {
    this.cachedRevision = null;
  }

  /** This connection's server process (pg_stat_activity.pid): how a test watches an import process's transaction. */
  backendPid(): number {
    return Number(this.q('SELECT pg_backend_pid() AS pid')[0].pid);
  }

  location(): StoreLocation {
    return { engine: 'postgres', url: this.url, ...(this.opts.schema ? { schema: this.opts.schema } : {}) };
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
    endClient(this.client);
  }

  /**
   * Runs `fn` in BEGIN … COMMIT, or, when a transaction is already open on this connection, in
   * SAVEPOINT … RELEASE: any error undoes `fn`'s part and is rethrown, so the outermost caller decides
   * (and a caller that catches it can go on). Only the outermost level commits.
   */
  private atomic<T>(fn: () => T): T {
    const savepoint = this.depth > 0 ? `bvk_${this.depth}` : null;
    this.q(savepoint ? `SAVEPOINT ${savepoint}` : 'BEGIN');
    this.depth++;
    try {
      const out = fn();
      if (out && typeof (out as { then?: unknown }).then === 'function') throw new TypeError('PostgresStore: a transaction function cannot return a promise');
      this.q(savepoint ? `RELEASE SAVEPOINT ${savepoint}` : 'COMMIT');
      return out;
    } catch (e) {
      try {
        this.q(savepoint ? `ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}` : 'ROLLBACK');
      } catch {
        // The connection itself failed: the server rolls the transaction back when it notices.
      }
      throw e;
    } finally {
      this.depth--;
    }
  }

  /** The local SQLite file of `featureFile`, when there is one, for a one-time take-over. */
  private withLegacy<T>(fn: (legacy: Database.Database | undefined) => T): T {
    const file = this.opts.featureFile;
    if (!file || !fs.existsSync(file)) return fn(undefined);
    const legacy = new Database(file, { fileMustExist: true });
    try {
      legacy.pragma('busy_timeout = 5000');
      return fn(legacy);
    } finally {
      legacy.close();
    }
  }

  /** Registration cells: INSERT … ON CONFLICT DO UPDATE … WHERE the value differs, so only real
   * changes are counted, like the SQLite store; a repeated key keeps the last row. */
  private upsert(table: string, cols: string[], types: string[], key: string[], value: string, rows: Record<string, unknown>[], journal: string): number {
    return writeRows(this.query, { table, cols, types, key, update: [value], onlyChanged: true, journal }, rows, this.chunkRows);
  }

  private select<T>(sql: string, gemeente: string | null): T[] {
    return (gemeente === null ? this.q(sql) : this.q(`${sql} WHERE gemeente = $1`, [gemeente])) as T[];
  }

  private q(sql: string, params?: unknown[]): Record<string, unknown>[] {
    return this.client.querySync(sql, params);
  }
}

/** postgres://user:secret@host/db -> postgres://user:***@host/db (never log a password). */
export function redact(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/, '$1:***@');
}
