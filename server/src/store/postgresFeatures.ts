// The feature tables in PostgreSQL: saved selections, attention areas, presentations, evaluations, survey results
// and police incident points, so several app servers share them. Same rules as their SQLite twins
// (selections.ts, attentionAreas.ts, presentations.ts, survey.ts, incidents.ts): ids from 1 in creation
// order, lists by id, timestamps as ISO strings, JSON as given (jsonb), null kept as null.
import type Database from 'better-sqlite3';
import type { MultiPolygon, Polygon } from 'geojson';
import { ATTENTION_KINDS, type AttentionArea, type AttentionAreaInput, type AttentionAreaStore, type AttentionKind } from './attentionAreas.ts';
import type { Incident, IncidentQuery, IncidentStore } from './incidents.ts';
import type { Presentation, PresentationInput, PresentationStore, PresentationView } from './presentations.ts';
import type { Selection, SelectionInput, SelectionStore } from './selections.ts';
import type { EvaluationInput, EvaluationStore, StoredEvaluation } from './evaluations.ts';
import type { StoredVersion, VersionStore } from './versions.ts';
import { levelOf, type SurveyQuery, type SurveyRow, type SurveyStore } from './survey.ts';
import { addOwnerColumns } from './sqliteIds.ts';
import { arrayLiteral, isoText, writeRows, type BulkWrite, type Query } from './postgresSql.ts';
import { gemeenteOf, type Store } from './store.ts';
import type { ImportOutcome, ImportRecord } from './imports.ts';

// Created with the registration tables, under the same advisory lock (PostgresStore constructor).
// Text is compared and sorted with COLLATE "C" where order is visible: SQLite's byte order, not the
// database's locale.
export const FEATURE_SCHEMA = `
CREATE TABLE IF NOT EXISTS selections (
  id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, gemeente TEXT NOT NULL, name TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '', codes JSONB NOT NULL, criteria JSONB, created_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE INDEX IF NOT EXISTS selections_gm ON selections (gemeente);
CREATE TABLE IF NOT EXISTS attention_areas (
  id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, gemeente TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '', codes JSONB NOT NULL, geometry JSONB, created_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE INDEX IF NOT EXISTS attention_areas_gm ON attention_areas (gemeente);
CREATE TABLE IF NOT EXISTS presentations (
  id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, gemeente TEXT NOT NULL, title TEXT NOT NULL, views JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(), updated_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE INDEX IF NOT EXISTS presentations_gm ON presentations (gemeente);
ALTER TABLE presentations ADD COLUMN IF NOT EXISTS created_by TEXT;
ALTER TABLE selections ADD COLUMN IF NOT EXISTS created_by TEXT;
ALTER TABLE selections ADD COLUMN IF NOT EXISTS shared BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE attention_areas ADD COLUMN IF NOT EXISTS created_by TEXT;
ALTER TABLE attention_areas ADD COLUMN IF NOT EXISTS shared BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE presentations ADD COLUMN IF NOT EXISTS shared BOOLEAN NOT NULL DEFAULT true;
CREATE TABLE IF NOT EXISTS survey (
  area TEXT NOT NULL, gemeente TEXT NOT NULL, level TEXT NOT NULL, year INTEGER NOT NULL, indicator TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL, lower DOUBLE PRECISION, upper DOUBLE PRECISION, respondents BIGINT,
  source TEXT NOT NULL, demo BOOLEAN NOT NULL DEFAULT false,
  PRIMARY KEY (area, year, indicator));
CREATE INDEX IF NOT EXISTS survey_gm ON survey (gemeente, indicator, year);
CREATE TABLE IF NOT EXISTS incidents (
  registratienummer TEXT PRIMARY KEY, buurt TEXT NOT NULL, wijk TEXT NOT NULL, gemeente TEXT NOT NULL,
  date TEXT NOT NULL, month TEXT NOT NULL, code TEXT NOT NULL, kind TEXT NOT NULL, omschrijving TEXT,
  straat TEXT NOT NULL, huisnummer TEXT NOT NULL, postcode TEXT NOT NULL, lon DOUBLE PRECISION NOT NULL, lat DOUBLE PRECISION NOT NULL);
CREATE INDEX IF NOT EXISTS incidents_gm_month ON incidents (gemeente, month);
CREATE TABLE IF NOT EXISTS evaluations (
  id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, gemeente TEXT NOT NULL, name TEXT NOT NULL, codes JSONB NOT NULL,
  attention_area_id INTEGER, start TEXT NOT NULL, categories JSONB NOT NULL,
  pre_months INTEGER NOT NULL, post_months INTEGER NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE INDEX IF NOT EXISTS evaluations_gm ON evaluations (gemeente);
ALTER TABLE evaluations ADD COLUMN IF NOT EXISTS created_by TEXT;
ALTER TABLE evaluations ADD COLUMN IF NOT EXISTS shared BOOLEAN NOT NULL DEFAULT true;
CREATE TABLE IF NOT EXISTS versions (
  id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, key TEXT NOT NULL, value JSONB NOT NULL,
  saved_by TEXT, saved_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE INDEX IF NOT EXISTS versions_key ON versions (key, id);
`;

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
const parsed = <T>(v: unknown): T => JSON.parse(String(v)) as T;
const parsedOrNull = <T>(v: unknown): T | null => (v === null ? null : parsed<T>(v));
/** createdBy and shared of an owned item's row (ownership.ts). */
const ownerOf = (r: Record<string, unknown>) => ({ createdBy: r.created_by === null ? null : String(r.created_by), shared: r.shared === true || r.shared === 't' });
/** Rows of a list: everything, or one gemeente's. */
const listOf = (q: Query, select: string, gemeente?: string) =>
  gemeente ? q(`${select} WHERE gemeente = $1 ORDER BY id`, [gemeente]) : q(`${select} ORDER BY id`);

// --- evaluations --------------------------------------------------------------------------------

const EVALUATION = `SELECT id, gemeente, name, codes::text AS codes, attention_area_id, start, categories::text AS categories, pre_months, post_months, created_by, shared, ${isoText('created_at')} AS created_at FROM evaluations`;

const toEvaluation = (r: Record<string, unknown>): StoredEvaluation => ({
  id: Number(r.id), name: String(r.name), gemeente: String(r.gemeente), codes: parsed<string[]>(r.codes),
  attentionAreaId: r.attention_area_id === null ? null : Number(r.attention_area_id), start: String(r.start),
  categories: parsed<string[]>(r.categories), preMonths: Number(r.pre_months), postMonths: Number(r.post_months), ...ownerOf(r), createdAt: String(r.created_at),
});

export class PostgresEvaluationStore implements EvaluationStore {
  constructor(private readonly q: Query) {}

  create(input: EvaluationInput, createdBy: string | null): StoredEvaluation {
    // An identity column never hands out an id twice, deleted or not.
    const [{ id }] = this.q(`INSERT INTO evaluations (gemeente, name, codes, attention_area_id, start, categories, pre_months, post_months, created_by, shared)
      VALUES ($1, $2, $3::jsonb, $4, $5, $6::jsonb, $7, $8, $9, $10) RETURNING id`,
      [input.gemeente, input.name, JSON.stringify(input.codes), input.attentionAreaId, input.start, JSON.stringify(input.categories), input.preMonths, input.postMonths,
        createdBy, input.shared !== false]);
    return this.get(Number(id))!;
  }

  list(gemeente?: string): StoredEvaluation[] {
    return listOf(this.q, EVALUATION, gemeente).map(toEvaluation);
  }

  get(id: number): StoredEvaluation | undefined {
    const r = this.q(`${EVALUATION} WHERE id = $1`, [id])[0];
    return r && toEvaluation(r);
  }

  delete(id: number): boolean {
    return this.q('DELETE FROM evaluations WHERE id = $1 RETURNING 1', [id]).length > 0;
  }
}

// --- selections ---------------------------------------------------------------------------------

const SELECTION = `SELECT id, gemeente, name, note, codes::text AS codes, criteria::text AS criteria, created_by, shared, ${isoText('created_at')} AS created_at FROM selections`;

const toSelection = (r: Record<string, unknown>): Selection => ({
  id: Number(r.id), name: String(r.name), note: String(r.note), gemeente: String(r.gemeente),
  codes: parsed<string[]>(r.codes), criteria: parsedOrNull<Record<string, unknown>>(r.criteria), ...ownerOf(r), createdAt: String(r.created_at),
});

export class PostgresSelectionStore implements SelectionStore {
  constructor(private readonly q: Query) {}

  create(input: SelectionInput, createdBy: string | null): Selection {
    const [{ id }] = this.q('INSERT INTO selections (gemeente, name, note, codes, criteria, created_by, shared) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7) RETURNING id',
      [input.gemeente, input.name, input.note ?? '', JSON.stringify(input.codes), json(input.criteria), createdBy, input.shared !== false]);
    return this.get(Number(id))!;
  }

  list(gemeente?: string): Selection[] {
    return listOf(this.q, SELECTION, gemeente).map(toSelection);
  }

  get(id: number): Selection | undefined {
    const r = this.q(`${SELECTION} WHERE id = $1`, [id])[0];
    return r && toSelection(r);
  }

  delete(id: number): boolean {
    return this.q('DELETE FROM selections WHERE id = $1 RETURNING 1', [id]).length > 0;
  }
}

// --- attention areas ----------------------------------------------------------------------------

const ATTENTION = `SELECT id, gemeente, name, kind, note, codes::text AS codes, geometry::text AS geometry, created_by, shared, ${isoText('created_at')} AS created_at FROM attention_areas`;

const toAttentionArea = (r: Record<string, unknown>): AttentionArea => {
  const kind = String(r.kind) as AttentionKind;
  return {
    id: Number(r.id), name: String(r.name), gemeente: String(r.gemeente), kind, kindNaam: ATTENTION_KINDS[kind] ?? kind,
    note: String(r.note), codes: parsed<string[]>(r.codes), geometry: parsedOrNull<Polygon | MultiPolygon>(r.geometry),
    source: r.geometry === null ? 'codes' : 'geometry', ...ownerOf(r), createdAt: String(r.created_at),
  };
};

export class PostgresAttentionAreaStore implements AttentionAreaStore {
  constructor(private readonly q: Query) {}

  create(input: AttentionAreaInput, createdBy: string | null): AttentionArea {
    const [{ id }] = this.q('INSERT INTO attention_areas (gemeente, name, kind, note, codes, geometry, created_by, shared) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8) RETURNING id',
      [input.gemeente, input.name, input.kind, input.note ?? '', JSON.stringify(input.codes), input.geometry ? JSON.stringify(input.geometry) : null, createdBy, input.shared !== false]);
    return this.get(Number(id))!;
  }

  list(gemeente?: string): AttentionArea[] {
    return listOf(this.q, ATTENTION, gemeente).map(toAttentionArea);
  }

  get(id: number): AttentionArea | undefined {
    const r = this.q(`${ATTENTION} WHERE id = $1`, [id])[0];
    return r && toAttentionArea(r);
  }

  delete(id: number): boolean {
    return this.q('DELETE FROM attention_areas WHERE id = $1 RETURNING 1', [id]).length > 0;
  }
}

// --- presentations ------------------------------------------------------------------------------

const PRESENTATION = `SELECT id, gemeente, title, views::text AS views, created_by, shared, ${isoText('created_at')} AS created_at, ${isoText('updated_at')} AS updated_at FROM presentations`;

const toPresentation = (r: Record<string, unknown>): Presentation => ({
  id: Number(r.id), title: String(r.title), gemeente: String(r.gemeente), views: parsed<PresentationView[]>(r.views),
  ...ownerOf(r), createdAt: String(r.created_at), updatedAt: String(r.updated_at),
});

export class PostgresPresentationStore implements PresentationStore {
  constructor(private readonly q: Query) {}

  create(input: PresentationInput, createdBy: string | null): Presentation {
    // An identity column never hands out an id twice, deleted or not.
    const [{ id }] = this.q('INSERT INTO presentations (gemeente, title, views, created_by, shared) VALUES ($1, $2, $3::jsonb, $4, $5) RETURNING id',
      [input.gemeente, input.title, JSON.stringify(input.views), createdBy, input.shared !== false]);
    return this.get(Number(id))!;
  }

  list(gemeente?: string): Presentation[] {
    return listOf(this.q, PRESENTATION, gemeente).map(toPresentation);
  }

  get(id: number): Presentation | undefined {
    const r = this.q(`${PRESENTATION} WHERE id = $1`, [id])[0];
    return r && toPresentation(r);
  }

  update(id: number, input: PresentationInput): Presentation | undefined {
    const changed = this.q('UPDATE presentations SET gemeente = $1, title = $2, views = $3::jsonb, updated_at = now(), shared = coalesce($5, shared) WHERE id = $4 RETURNING 1',
      [input.gemeente, input.title, JSON.stringify(input.views), id, input.shared ?? null]);
    return changed.length > 0 ? this.get(id) : undefined;
  }

  delete(id: number): boolean {
    return this.q('DELETE FROM presentations WHERE id = $1 RETURNING 1', [id]).length > 0;
  }
}

// --- versions -----------------------------------------------------------------------------------

const VERSION = `SELECT id, key, value::text AS value, saved_by, ${isoText('saved_at')} AS saved_at FROM versions`;

const toVersion = (r: Record<string, unknown>): StoredVersion => ({
  id: Number(r.id), key: String(r.key), value: parsed<unknown>(r.value), savedBy: r.saved_by === null ? null : String(r.saved_by), savedAt: String(r.saved_at),
});

export class PostgresVersionStore implements VersionStore {
  constructor(private readonly q: Query) {}

  save(key: string, value: unknown, savedBy: string | null): StoredVersion {
    const [{ id }] = this.q('INSERT INTO versions (key, value, saved_by) VALUES ($1, $2::jsonb, $3) RETURNING id', [key, JSON.stringify(value), savedBy]);
    return toVersion(this.q(`${VERSION} WHERE id = $1`, [Number(id)])[0]);
  }

  latest(key: string): StoredVersion | undefined {
    const r = this.q(`${VERSION} WHERE key = $1 ORDER BY id DESC LIMIT 1`, [key])[0];
    return r && toVersion(r);
  }

  history(key: string): StoredVersion[] {
    return this.q(`${VERSION} WHERE key = $1 ORDER BY id DESC`, [key]).map(toVersion);
  }
}

// --- survey -------------------------------------------------------------------------------------

const SURVEY_WRITE: BulkWrite = {
  table: 'survey',
  cols: ['area', 'gemeente', 'level', 'year', 'indicator', 'value', 'lower', 'upper', 'respondents', 'source', 'demo'],
  types: ['text', 'text', 'text', 'integer', 'text', 'float8', 'float8', 'float8', 'bigint', 'text', 'boolean'],
  key: ['area', 'year', 'indicator'],
  update: ['value', 'lower', 'upper', 'respondents', 'source', 'demo'],
  onlyChanged: true,
};

export class PostgresSurveyStore implements SurveyStore {
  /** `store` records the import in its `imports` table, in the same transaction as the rows. */
  constructor(private readonly q: Query, private readonly store: Pick<Store, 'transaction' | 'applyImport'>, private readonly chunkRows: number) {}

  rows(query: SurveyQuery): SurveyRow[] {
    const where = ['gemeente = $1'];
    const args: unknown[] = [query.gemeente];
    if (query.indicator) { args.push(query.indicator); where.push(`indicator = $${args.length}`); }
    if (query.level) { args.push(query.level); where.push(`level = $${args.length}`); }
    if (query.year !== undefined) { args.push(query.year); where.push(`year = $${args.length}`); }
    return this.q(`SELECT area, year, indicator, value, lower, upper, respondents::float8 AS respondents, source, demo FROM survey
      WHERE ${where.join(' AND ')} ORDER BY year, area COLLATE "C"`, args) as unknown as SurveyRow[];
  }

  applyImport(record: ImportRecord, rows: SurveyRow[]): ImportOutcome {
    return this.store.transaction((): ImportOutcome => {
      if (this.q('SELECT 1 FROM imports WHERE sha256 = $1', [record.sha256]).length) return { alreadyImported: true, changedRows: 0 };
      const changed = writeRows(this.q, { ...SURVEY_WRITE, journal: record.sha256 }, rows.map((r) => ({ ...r, gemeente: gemeenteOf(r.area), level: levelOf(r.area) })), this.chunkRows);
      this.store.applyImport(record, {});
      return { alreadyImported: false, changedRows: changed };
    });
  }
}

// --- incidents ----------------------------------------------------------------------------------

const INCIDENT_COLS = ['registratienummer', 'buurt', 'wijk', 'gemeente', 'date', 'month', 'code', 'kind', 'omschrijving', 'straat', 'huisnummer', 'postcode', 'lon', 'lat'];
const INCIDENT_WRITE: BulkWrite = {
  table: 'incidents',
  cols: INCIDENT_COLS,
  types: INCIDENT_COLS.map((c) => (c === 'lon' || c === 'lat' ? 'float8' : 'text')),
  key: ['registratienummer'],
  update: INCIDENT_COLS.slice(1),
};

export class PostgresIncidentStore implements IncidentStore {
  /** `tx` keeps a multi-statement upsert whole when no caller's transaction is open. */
  constructor(private readonly q: Query, private readonly tx: <T>(fn: () => T) => T, private readonly chunkRows: number) {}

  upsert(rows: Incident[], importSha?: string): number {
    return this.tx(() => writeRows(this.q, { ...INCIDENT_WRITE, journal: importSha }, rows as unknown as Record<string, unknown>[], this.chunkRows));
  }

  monthsOf(gemeente: string, registratienummers: string[]): string[] {
    if (registratienummers.length === 0) return [];
    const rows = this.q('SELECT DISTINCT month FROM incidents WHERE gemeente = $1 AND registratienummer = ANY($2::text[])', [gemeente, arrayLiteral(registratienummers)]);
    // Months are YYYY-MM: sorted here, in byte order like SQLite's, whatever the database's locale.
    return rows.map((r) => String(r.month)).sort();
  }

  monthlyCounts(gemeente: string, months: string[]) {
    if (months.length === 0) return [];
    return this.q(`SELECT buurt AS area, month, code AS type, count(*)::int AS count FROM incidents
      WHERE gemeente = $1 AND month = ANY($2::text[]) GROUP BY buurt, month, code`, [gemeente, arrayLiteral(months)]) as
      { area: string; month: string; type: string; count: number }[];
  }

  private where(query: IncidentQuery): { sql: string; args: unknown[] } {
    const args: unknown[] = [query.gemeente, query.from, query.to];
    const parts = ['gemeente = $1', 'month BETWEEN $2 AND $3'];
    const add = (sql: (n: string) => string, value: unknown) => { args.push(value); parts.push(sql(`$${args.length}`)); };
    if (query.wijken) add((n) => `wijk = ANY(${n}::text[])`, arrayLiteral(query.wijken));
    if (query.buurt) add((n) => `buurt = ${n}`, query.buurt);
    add((n) => `code = ANY(${n}::text[])`, arrayLiteral(query.codes));
    return { sql: parts.join(' AND '), args };
  }

  query(query: IncidentQuery, limit: number): Incident[] {
    const w = this.where(query);
    return this.q(`SELECT ${INCIDENT_COLS.join(', ')} FROM incidents WHERE ${w.sql}
      ORDER BY date COLLATE "C" DESC, registratienummer COLLATE "C" LIMIT $${w.args.length + 1}`, [...w.args, limit]) as unknown as Incident[];
  }

  streets(query: IncidentQuery): { straat: string; count: number }[] {
    const w = this.where(query);
    return this.q(`SELECT straat, count(*)::int AS count FROM incidents WHERE ${w.sql}
      GROUP BY straat ORDER BY count(*) DESC, straat COLLATE "C"`, w.args) as { straat: string; count: number }[];
  }

  hasAny(gemeente: string): boolean {
    return this.q('SELECT 1 FROM incidents WHERE gemeente = $1 LIMIT 1', [gemeente]).length > 0;
  }
}

// --- taking over a local SQLite file ------------------------------------------------------------

const TAKE_OVER: (BulkWrite & { from: string })[] = [
  { table: 'selections', from: 'id, gemeente, name, note, codes, criteria, created_at, created_by, shared = 1 AS shared',
    cols: ['id', 'gemeente', 'name', 'note', 'codes', 'criteria', 'created_at', 'created_by', 'shared'],
    types: ['integer', 'text', 'text', 'text', 'jsonb', 'jsonb', 'timestamptz', 'text', 'boolean'], keepIds: true },
  { table: 'attention_areas', from: 'id, gemeente, name, kind, note, codes, geometry, created_at, created_by, shared = 1 AS shared',
    cols: ['id', 'gemeente', 'name', 'kind', 'note', 'codes', 'geometry', 'created_at', 'created_by', 'shared'],
    types: ['integer', 'text', 'text', 'text', 'text', 'jsonb', 'jsonb', 'timestamptz', 'text', 'boolean'], keepIds: true },
  { table: 'presentations', from: 'id, gemeente, title, views, created_at, updated_at, created_by, shared = 1 AS shared',
    cols: ['id', 'gemeente', 'title', 'views', 'created_at', 'updated_at', 'created_by', 'shared'],
    types: ['integer', 'text', 'text', 'jsonb', 'timestamptz', 'timestamptz', 'text', 'boolean'], keepIds: true },
  { table: 'evaluations', from: 'id, gemeente, name, codes, attention_area_id, start, categories, pre_months, post_months, created_at, created_by, shared = 1 AS shared',
    cols: ['id', 'gemeente', 'name', 'codes', 'attention_area_id', 'start', 'categories', 'pre_months', 'post_months', 'created_at', 'created_by', 'shared'],
    types: ['integer', 'text', 'text', 'jsonb', 'integer', 'text', 'jsonb', 'integer', 'integer', 'timestamptz', 'text', 'boolean'], keepIds: true },
  { table: 'versions', from: 'id, key, value, saved_by, saved_at', cols: ['id', 'key', 'value', 'saved_by', 'saved_at'],
    types: ['integer', 'text', 'jsonb', 'text', 'timestamptz'], keepIds: true },
  { ...SURVEY_WRITE, from: SURVEY_WRITE.cols.join(', '), key: undefined },
  { ...INCIDENT_WRITE, from: INCIDENT_COLS.join(', '), key: undefined },
];

/**
 * Switching an installation to PostgreSQL (or upgrading one that kept these tables in its local
 * file): each feature table that is still empty in PostgreSQL takes over the rows of the same table
 * in the local SQLite file, ids included, so links to a presentation keep working. Run once per
 * database, by the PostgresStore constructor.
 */
export function takeOverLocalFeatures(q: Query, legacy: Database.Database, chunkRows: number): Record<string, number> {
  const copied: Record<string, number> = {};
  for (const t of TAKE_OVER) {
    if (q(`SELECT 1 FROM ${t.table} LIMIT 1`).length) continue;
    if (!legacy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t.table)) continue;
    // A file from before owners were recorded: what it saved was visible to all, and stays so.
    if (t.cols.includes('created_by')) addOwnerColumns(legacy, t.table, true);
    const rows = legacy.prepare(`SELECT ${t.from} FROM ${t.table}`).all() as Record<string, unknown>[];
    if (rows.length === 0) continue;
    copied[t.table] = writeRows(q, t, rows, chunkRows);
    // New rows continue after the highest id taken over, as SQLite would.
    if (t.keepIds) q(`SELECT setval(pg_get_serial_sequence('${t.table}', 'id'), (SELECT max(id) FROM ${t.table}))`);
  }
  return copied;
}
