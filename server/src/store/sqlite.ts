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
import type { UserStore } from './users.ts';
import { gemeenteOf, type FeatureStores, type ImportData, type PopulationRow, type RegistrationCell, type Store, type StoredImport, type YearlyTotal } from './store.ts';
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
`;

export class SqliteStore implements Store {
  /** Shared with the feature stores (selections, survey, ...) so one file holds everything and
   * one transaction can span them. */
  readonly db: Database.Database;
  private readonly featureStores: FeatureStores;
  private userStore: UserStore | null = null;

  constructor(file: string) {
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
      // "INSERT ... ON CONFLICT DO UPDATE ... WHERE value differs" counts only real changes, so
      // re-importing identical figures (under another file name) reports 0 changes.
      const yt = db.prepare(`INSERT INTO yearly_totals (area, gemeente, year, count) VALUES (?, ?, ?, ?)
        ON CONFLICT (area, year) DO UPDATE SET count = excluded.count WHERE count IS NOT excluded.count`);
      for (const r of data.yearlyTotals ?? []) changed += yt.run(r.area, gemeenteOf(r.area), r.year, r.count).changes;
      const mo = db.prepare(`INSERT INTO monthly (area, gemeente, month, type, count) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (area, month, type) DO UPDATE SET count = excluded.count WHERE count IS NOT excluded.count`);
      const ye = db.prepare(`INSERT INTO yearly_type (area, gemeente, year, type, count) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (area, year, type) DO UPDATE SET count = excluded.count WHERE count IS NOT excluded.count`);
      for (const c of data.cells ?? []) {
        if (c.period.length === 7) changed += mo.run(c.area, gemeenteOf(c.area), c.period, c.type, c.count).changes;
        else changed += ye.run(c.area, gemeenteOf(c.area), Number(c.period), c.type, c.count).changes;
      }
      const po = db.prepare(`INSERT INTO population (area, gemeente, year, inwoners) VALUES (?, ?, ?, ?)
        ON CONFLICT (area, year) DO UPDATE SET inwoners = excluded.inwoners WHERE inwoners IS NOT excluded.inwoners`);
      for (const p of data.population ?? []) changed += po.run(p.area, gemeenteOf(p.area), p.year, p.inwoners).changes;
      db.prepare('INSERT INTO imports (file, sha256, format, summary, imported_at) VALUES (?, ?, ?, ?, ?)').run(
        record.file, record.sha256, record.format, JSON.stringify(record.summary), new Date().toISOString());
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
    return (this.db.prepare('SELECT id, file, sha256, format, summary, imported_at FROM imports ORDER BY id').all() as {
      id: number; file: string; sha256: string; format: string; summary: string; imported_at: string;
    }[]).map((r) => ({ id: r.id, file: r.file, sha256: r.sha256, format: r.format, summary: JSON.parse(r.summary), importedAt: r.imported_at }));
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
