// Survey results in the SQLite file (table survey).
import type Database from 'better-sqlite3';
import { gemeenteOf } from './store.ts';
import type { ImportOutcome, ImportRecord } from './imports.ts';
import { sqliteJournal } from './sqliteImportChanges.ts';
import { levelOf, type SurveyQuery, type SurveyRow, type SurveyStore } from './survey.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS survey (
  area TEXT NOT NULL, gemeente TEXT NOT NULL, level TEXT NOT NULL, year INTEGER NOT NULL,
  indicator TEXT NOT NULL, value REAL NOT NULL, lower REAL, upper REAL, respondents INTEGER,
  source TEXT NOT NULL, demo INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (area, year, indicator));
CREATE INDEX IF NOT EXISTS survey_gm ON survey (gemeente, indicator, year);
`;

export class SqliteSurveyStore implements SurveyStore {
  private readonly db: Database.Database;

  /** `recordImport` records the import in the shared `imports` table (a savepoint inside this transaction). */
  constructor(db: Database.Database, private readonly recordImport: (record: ImportRecord) => void) {
    this.db = db;
    this.db.exec(SCHEMA);
  }

  rows(q: SurveyQuery): SurveyRow[] {
    const where = ['gemeente = ?'];
    const args: (string | number)[] = [q.gemeente];
    if (q.indicator) { where.push('indicator = ?'); args.push(q.indicator); }
    if (q.level) { where.push('level = ?'); args.push(q.level); }
    if (q.year !== undefined) { where.push('year = ?'); args.push(q.year); }
    const rows = this.db
      .prepare(`SELECT area, year, indicator, value, lower, upper, respondents, source, demo FROM survey WHERE ${where.join(' AND ')} ORDER BY year, area`)
      .all(...args) as (Omit<SurveyRow, 'demo'> & { demo: number })[];
    return rows.map((r) => ({ ...r, demo: r.demo === 1 }));
  }

  applyImport(record: ImportRecord, rows: SurveyRow[]): ImportOutcome {
    const db = this.db;
    const run = db.transaction((): ImportOutcome => {
      if (db.prepare('SELECT 1 FROM imports WHERE sha256 = ?').get(record.sha256)) return { alreadyImported: true, changedRows: 0 };
      const up = db.prepare(`INSERT INTO survey (area, gemeente, level, year, indicator, value, lower, upper, respondents, source, demo)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (area, year, indicator) DO UPDATE SET value = excluded.value, lower = excluded.lower, upper = excluded.upper,
          respondents = excluded.respondents, source = excluded.source, demo = excluded.demo
        WHERE value IS NOT excluded.value OR lower IS NOT excluded.lower OR upper IS NOT excluded.upper
          OR respondents IS NOT excluded.respondents OR source IS NOT excluded.source OR demo IS NOT excluded.demo`);
      const journal = sqliteJournal(db, 'survey', record.sha256);
      let changed = 0;
      for (const r of rows) {
        const values = [r.value, r.lower, r.upper, r.respondents, r.source, r.demo ? 1 : 0];
        changed += journal([r.area, r.year, r.indicator], values, () => up.run(r.area, gemeenteOf(r.area), levelOf(r.area), r.year, r.indicator, ...values).changes);
      }
      this.recordImport(record);
      return { alreadyImported: false, changedRows: changed };
    });
    return run.immediate();
  }
}
