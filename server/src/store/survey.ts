// Survey results (Veiligheidsmonitor, buurtpeiling) per area, year and indicator. Lives in the same
// database as the registrations (sqliteSurvey.ts, or PostgreSQL: postgresFeatures.ts), so an import is one
// transaction together with its record in `imports`: all or nothing, and re-importing the same file
// changes nothing.
// Generated DEMO figures below gemeente level are computed per request (domain/surveyDemo.ts) and
// never stored; the `demo` column exists so a municipality can load its own clearly marked test data.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SurveyIndicator, SurveyPlanFile } from '../domain/survey.ts';
import { parseSurvey } from '../importers/survey.ts';
import { SOURCE_FILES } from '../../../geodata/sources.ts';
import type { Level } from '../domain/model.ts';
import type { ImportOutcome, ImportRecord } from './imports.ts';

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

export const levelOf = (area: string): Level => (area.startsWith('GM') ? 'gemeente' : area.startsWith('WK') ? 'wijk' : 'buurt');

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
