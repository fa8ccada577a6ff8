// Survey results (Veiligheidsmonitor, buurtpeiling) per area, year and indicator. Lives in the same
// database as the registrations (SQLite file, or PostgreSQL: postgresFeatures.ts), so an import is one
// transaction together with its record in `imports`: all or nothing, and re-importing the same file
// changes nothing.
// Generated DEMO figures below gemeente level are computed per request (domain/surveyDemo.ts) and
// never stored; the `demo` column exists so a municipality can load its own clearly marked test data.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { SurveyIndicator, SurveyPlanFile } from '../domain/survey.ts';
import { dataFile, loadSurveyPlan } from './planData.ts';
import { parseSurvey } from '../importers/survey.ts';
import { SOURCE_FILES } from '../../../geodata/sources.ts';
import type { Level } from '../domain/model.ts';
import type { Dataset } from './dataset.ts';
import type { SqliteStore } from './sqlite.ts';
import { gemeenteOf, type ImportOutcome, type ImportRecord } from './store.ts';

export interface SurveyRow {
  area: string;
  year: number;
  indicator: string;
  value: number;
  lower: number | null;
  upper: number | null;
  respondents: number | null;
  source: string;
  demo: boolean;
}

export interface SurveyQuery {
  gemeente: string;
  indicator?: string;
  level?: Level;
  year?: number;
}

export interface SurveyStore {
  rows(q: SurveyQuery): SurveyRow[];
  /** All or nothing; the same file (by content hash) a second time changes nothing. */
  applyImport(record: ImportRecord, rows: SurveyRow[]): ImportOutcome;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS survey (
  area TEXT NOT NULL, gemeente TEXT NOT NULL, level TEXT NOT NULL, year INTEGER NOT NULL,
  indicator TEXT NOT NULL, value REAL NOT NULL, lower REAL, upper REAL, respondents INTEGER,
  source TEXT NOT NULL, demo INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (area, year, indicator));
CREATE INDEX IF NOT EXISTS survey_gm ON survey (gemeente, indicator, year);
`;

export const levelOf = (area: string): Level => (area.startsWith('GM') ? 'gemeente' : area.startsWith('WK') ? 'wijk' : 'buurt');

export class SqliteSurveyStore implements SurveyStore {
  private readonly db: Database.Database;

  constructor(private readonly sqlite: SqliteStore) {
    this.db = sqlite.db;
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
      let changed = 0;
      for (const r of rows) {
        changed += up.run(r.area, gemeenteOf(r.area), levelOf(r.area), r.year, r.indicator, r.value, r.lower, r.upper, r.respondents, r.source, r.demo ? 1 : 0).changes;
      }
      // Records the import in the shared `imports` table (a savepoint inside this transaction).
      this.sqlite.applyImport(record, {});
      return { alreadyImported: false, changedRows: changed };
    });
    return run.immediate();
  }
}

/** The survey store of the dataset's store (SQLite or PostgreSQL). */
export function openSurveyStore(ds: Dataset): SurveyStore {
  return ds.store.features().survey;
}

/** Loads the plan's published gemeente values as real data; skipped when this file content was loaded before. */
export function seedSurveyPlan(store: SurveyStore, plan: SurveyPlanFile, file: string): ImportOutcome {
  const sha256 = createHash('sha256').update('survey-plan:').update(JSON.stringify(plan)).digest('hex');
  const rows: SurveyRow[] = plan.rows.map((r) => ({
    area: r.area, year: r.year, indicator: r.indicator, value: r.value,
    lower: r.lower ?? null, upper: r.upper ?? null, respondents: r.respondents ?? null, source: plan.bron, demo: false,
  }));
  return store.applyImport({ file: `${file} (bron)`, sha256, format: 'survey-plan', summary: { rows: rows.length } }, rows);
}

/** Loads the published Veiligheidsmonitor values in GEODATA_SOURCE_DIR (when the file is there) as
 * real data, like an import of that file. Rows the plan file also has are left out: the plan's values
 * are the ones its targets were set against (the monitor file rounds some of them). */
export function seedSurveyMonitor(store: SurveyStore, sourceDir: string, indicators: SurveyIndicator[], plan: SurveyPlanFile): ImportOutcome | null {
  const file = SOURCE_FILES.surveyMonitor.map((rel) => path.join(sourceDir, rel)).find((p) => fs.existsSync(p));
  if (!file) return null;
  const parsed = parseSurvey(file, fs.readFileSync(file), { knownIndicators: new Set(indicators.map((i) => i.code)) });
  const inPlan = new Set(plan.rows.map((r) => `${r.area} ${r.year} ${r.indicator}`));
  const rows: SurveyRow[] = parsed.records
    .filter((r) => !inPlan.has(`${r.gebiedcode} ${r.jaar} ${r.indicator}`))
    .map((r) => ({
      area: r.gebiedcode, year: r.jaar, indicator: r.indicator, value: r.waarde, lower: r.ondergrens, upper: r.bovengrens,
      respondents: r.respondenten, source: r.bron, demo: false,
    }));
  const sha256 = createHash('sha256').update('survey-monitor:').update(JSON.stringify(rows)).digest('hex');
  return store.applyImport({ file: `${path.basename(file)} (bron)`, sha256, format: 'survey', summary: { rows: rows.length } }, rows);
}

/** The survey store with the plan's published values and the Veiligheidsmonitor file loaded
 * (idempotent; called at start by the routes). */
export function openSurveyWithPlan(ds: Dataset, indicators: SurveyIndicator[]): SurveyStore {
  const store = openSurveyStore(ds);
  const file = dataFile('survey-maastricht-plan.json');
  const plan = loadSurveyPlan(indicators, file);
  seedSurveyPlan(store, plan, file);
  seedSurveyMonitor(store, ds.sourceDir, indicators, plan);
  return store;
}
