// Embedded store: one SQLite file (better-sqlite3, WAL). Chosen for atomic all-or-nothing imports
// and crash safety; fast aggregation happens in the in-memory cube built from it (see README).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteAttentionAreaStore } from './sqliteAttentionAreas.ts';
import { SqliteIncidentStore } from './sqliteIncidents.ts';
import { SqlitePresentationStore } from './sqlitePresentations.ts';
import { SqliteVersionStore } from './sqliteVersions.ts';
import { SqliteSelectionStore } from './sqliteSelections.ts';
import { SqliteEvaluationStore } from './sqliteEvaluations.ts';
import { SqliteSurveyStore } from './sqliteSurvey.ts';
import { SqliteUserStore } from './sqliteUsers.ts';
import { nextId } from './sqliteIds.ts';
import { IMPORT_CHANGES_SCHEMA, sqliteJournal, sqliteJournalCount, sqliteUndoJournal } from './sqliteImportChanges.ts';
import type { UserStore } from './users.ts';
import { gemeenteOf, type StoreLocation, type FeatureStores, type ImportData, type PopulationRow, type RegistrationCell, type Store, type StoredImport, type UndoOutcome, type YearlyTotal } from './store.ts';
import type { ImportOutcome, ImportRecord } from './imports.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS imports (
  id INTEGER PRIMARY KEY, file TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE, format TEXT NOT NULL,
  summary TEXT NOT NULL, imported_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS yearly_totals (
  area TEXT NOT NULL, gemeente TEXT NOT NULL, year INTEGER NOT NULL, count INTEGER,
  PRIMARY KEY (area, year));
CREATE INDEX IF NOT EXISTS yearly_totals_gm ON yearly_totals (gemeente);
CREATE TABLE IF NOT EXISTS monthly (
  area TEXT NOT NULL, gemeente TEXT NOT NULL, month TEXT NOT NULL, type TEXT NOT NULL, count INTEGER,
  PRIMARY KEY (area, month, type));
CREATE INDEX IF NOT EXISTS monthly_gm ON monthly (gemeente);
CREATE TABLE IF NOT EXISTS yearly_type (
  area TEXT NOT NULL, gemeente TEXT NOT NULL, year INTEGER NOT NULL, type TEXT NOT NULL, count INTEGER,
  PRIMARY KEY (area, year, type));
CREATE INDEX IF NOT EXISTS yearly_type_gm ON yearly_type (gemeente);
CREATE TABLE IF NOT EXISTS population (
  area TEXT NOT NULL, gemeente TEXT NOT NULL, year INTEGER NOT NULL, inwoners INTEGER,
  PRIMARY KEY (area, year));
CREATE INDEX IF NOT EXISTS population_gm ON population (gemeente);
INSERT OR IGNORE INTO meta (key, value) VALUES ('revision', '0');
${IMPORT_CHANGES_SCHEMA}
`;

/** Columns `imports` gained after files were created: a file from before keeps its rows, as not undoable. */
function addImportColumns(db: Database.Database): void {
  const cols = new Set((db.prepare('PRAGMA table_info(imports)').all() as { name: string }[]).map((c) => c.name));
  if (!cols.has('imported_by')) db.exec('ALTER TABLE imports ADD COLUMN imported_by TEXT');
  if (!cols.has('changed_rows')) db.exec('ALTER TABLE imports ADD COLUMN changed_rows INTEGER');
  if (!cols.has('changes_recorded')) db.exec('ALTER TABLE imports ADD COLUMN changes_recorded INTEGER NOT NULL DEFAULT 0');
  if (!cols.has('automatic')) db.exec('ALTER TABLE imports ADD COLUMN automatic INTEGER NOT NULL DEFAULT 0');
}

const IMPORT_COLUMNS = 'id, file, sha256, format, summary, imported_at, imported_by, changed_rows, changes_recorded, automatic';
interface ImportRow { id: number; file: string; sha256: string; format: string; summary: string; imported_at: string; imported_by: string | null; changed_rows: number | null; changes_recorded: number; automatic: number }
const toStoredImport = (r: ImportRow): StoredImport => ({
  id: r.id, file: r.file, sha256: r.sha256, format: r.format, summary: JSON.parse(r.summary) as Record<string, unknown>, importedAt: r.imported_at,
  importedBy: r.imported_by, changedRows: r.changed_rows, changesRecorded: r.changes_recorded === 1, automatic: r.automatic === 1,
});

export class SqliteStore implements Store {
  /** Shared with the feature stores (selections, survey, ...) so one file holds everything and
   * one transaction can span them. */
  readonly db: Database.Database;
  private readonly featureStores: FeatureStores;
  private userStore: UserStore | null = null;

  constructor(private readonly file: string) {
    if (file !== ':memory:') {
      // Owner-only: the file holds accounts, sessions, the audit trail and incident addresses. SQLite
      // gives its -wal and -shm files the same permissions as the database file.
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      fs.closeSync(fs.openSync(file, 'a', 0o600));
      fs.chmodSync(file, 0o600);
    }
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    addImportColumns(this.db);
    // Now, not on first use: a CREATE TABLE inside a caller's transaction would be rolled back with it.
    this.featureStores = {
      selections: new SqliteSelectionStore(this.db),
      evaluations: new SqliteEvaluationStore(this.db),
      attentionAreas: new SqliteAttentionAreaStore(this.db),
      presentations: new SqlitePresentationStore(this.db),
      versions: new SqliteVersionStore(this.db),
      survey: new SqliteSurveyStore(this.db, (record) => this.applyImport(record, {})),
      incidents: new SqliteIncidentStore(this.db),
    };
  }

  applyImport(record: ImportRecord, data: ImportData): ImportOutcome {
    const db = this.db;
    const run = db.transaction((): ImportOutcome => {
      if (db.prepare('SELECT 1 FROM imports WHERE sha256 = ?').get(record.sha256)) {
        return { alreadyImported: true, changedRows: 0 };
      }
      let changed = 0;
      const sha = record.sha256;
      // "INSERT ... ON CONFLICT DO UPDATE ... WHERE value differs" counts only real changes, so
      // re-importing identical figures (under another file name) reports 0 changes.
      const yt = db.prepare(`INSERT INTO yearly_totals (area, gemeente, year, count) VALUES (?, ?, ?, ?)
        ON CONFLICT (area, year) DO UPDATE SET count = excluded.count WHERE count IS NOT excluded.count`);
      const ytJournal = sqliteJournal(db, 'yearly_totals', sha);
      for (const r of data.yearlyTotals ?? []) changed += ytJournal([r.area, r.year], [r.count], () => yt.run(r.area, gemeenteOf(r.area), r.year, r.count).changes);
      const mo = db.prepare(`INSERT INTO monthly (area, gemeente, month, type, count) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (area, month, type) DO UPDATE SET count = excluded.count WHERE count IS NOT excluded.count`);
      const ye = db.prepare(`INSERT INTO yearly_type (area, gemeente, year, type, count) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (area, year, type) DO UPDATE SET count = excluded.count WHERE count IS NOT excluded.count`);
      const moJournal = sqliteJournal(db, 'monthly', sha);
      const yeJournal = sqliteJournal(db, 'yearly_type', sha);
      for (const c of data.cells ?? []) {
        if (c.period.length === 7) changed += moJournal([c.area, c.period, c.type], [c.count], () => mo.run(c.area, gemeenteOf(c.area), c.period, c.type, c.count).changes);
        else changed += yeJournal([c.area, Number(c.period), c.type], [c.count], () => ye.run(c.area, gemeenteOf(c.area), Number(c.period), c.type, c.count).changes);
      }
      const po = db.prepare(`INSERT INTO population (area, gemeente, year, inwoners) VALUES (?, ?, ?, ?)
        ON CONFLICT (area, year) DO UPDATE SET inwoners = excluded.inwoners WHERE inwoners IS NOT excluded.inwoners`);
      const poJournal = sqliteJournal(db, 'population', sha);
      for (const p of data.population ?? []) changed += poJournal([p.area, p.year], [p.inwoners], () => po.run(p.area, gemeenteOf(p.area), p.year, p.inwoners).changes);
      // The journal also holds what a survey or police-extract import wrote before calling this.
      db.prepare(`INSERT INTO imports (id, file, sha256, format, summary, imported_at, imported_by, changed_rows, changes_recorded, automatic)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`).run(
        nextId(db, 'imports'), record.file, sha, record.format, JSON.stringify(record.summary), new Date().toISOString(), record.importedBy ?? null, sqliteJournalCount(db, sha), record.automatic ? 1 : 0);
      if (changed > 0) db.prepare("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'").run();
      return { alreadyImported: false, changedRows: changed };
    });
    return run.immediate();
  }

  transaction<T>(fn: () => T): T {
    // BEGIN IMMEDIATE takes the write lock up front (no SQLITE_BUSY half-way); inside another
    // transaction better-sqlite3 makes it a savepoint.
    return this.db.transaction(fn).immediate();
  }

  features(): FeatureStores {
    return this.featureStores;
  }

  listImports(): StoredImport[] {
    return (this.db.prepare(`SELECT ${IMPORT_COLUMNS} FROM imports ORDER BY id`).all() as ImportRow[]).map(toStoredImport);
  }

  undoLastImport(id: number): UndoOutcome {
    const db = this.db;
    return db.transaction((): UndoOutcome => {
      const row = db.prepare(`SELECT ${IMPORT_COLUMNS} FROM imports WHERE id = ?`).get(id) as ImportRow | undefined;
      if (!row) return { ok: false, reason: 'unknown' };
      const latest = (db.prepare('SELECT max(id) AS id FROM imports').get() as { id: number }).id;
      if (latest !== id) return { ok: false, reason: 'notLatest', latestId: latest };
      if (row.changes_recorded !== 1) return { ok: false, reason: 'notRecorded' };
      const restoredRows = sqliteUndoJournal(db, row.sha256);
      db.prepare('DELETE FROM imports WHERE id = ?').run(id);
      // Always: even an import that changed nothing was a record the caches may have read.
      db.prepare("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'").run();
      return { ok: true, undone: toStoredImport(row), restoredRows };
    }).immediate();
  }

  forgetRevision(): void {
    // Nothing remembered: revision() reads the file every time, and WAL shows it what other connections committed.
  }

  location(): StoreLocation | null {
    return this.file === ':memory:' || this.file === '' ? null : { engine: 'sqlite', file: path.resolve(this.file) };
  }

  revision(): number {
    return Number((this.db.prepare("SELECT value FROM meta WHERE key = 'revision'").get() as { value: string }).value);
  }

  yearlyTotals(gemeente: string | null): YearlyTotal[] {
    return this.select<YearlyTotal>('SELECT area, year, count FROM yearly_totals', gemeente);
  }

  monthlyCells(gemeente: string | null): RegistrationCell[] {
    return this.select<RegistrationCell>('SELECT area, type, month AS period, count FROM monthly', gemeente);
  }

  yearlyTypeCells(gemeente: string | null): RegistrationCell[] {
    return this.select<RegistrationCell>("SELECT area, type, CAST(year AS TEXT) AS period, count FROM yearly_type", gemeente);
  }

  population(gemeente: string | null): PopulationRow[] {
    return this.select<PopulationRow>('SELECT area, year, inwoners FROM population', gemeente);
  }

  /** Accounts, sessions and audit in the same file. */
  users(): UserStore {
    this.userStore ??= new SqliteUserStore(this.db);
    return this.userStore;
  }

  close(): void {
    this.db.close();
  }

  private select<T>(sql: string, gemeente: string | null): T[] {
    return gemeente === null
      ? (this.db.prepare(sql).all() as T[])
      : (this.db.prepare(`${sql} WHERE gemeente = ?`).all(gemeente) as T[]);
  }
}
