// `npm run update`: fetches the police tables' newest periods from the CBS OData service and imports
// them exactly as a downloaded StatLine CSV would be (same parser, same importFile), so a fetched month
// and a downloaded one can never differ. Fetch everything first, then write in one transaction: a
// failure anywhere leaves the store as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImportError } from '../importers/index.ts';
import { CBS_CRIME_COLUMNS, CBS_NUISANCE_COLUMNS, CBS_NUISANCE_COLUMNS_OLD, parseCbsPeriod } from '../importers/cbsOpenData.ts';
import { gemeenteOf } from '../store/store.ts';
import type { Dataset } from '../store/dataset.ts';
import { importFile } from '../store/importFile.ts';
import { fetchAllRows, ODataError, typedDataSetUrl, type ODataRow } from './odata.ts';
import { fetchInhabitantRows, inhabitantsHash, inhabitantsOf, InhabitantsError, KERNCIJFERS, KERNCIJFERS_IMPORT_NAME } from './inhabitants.ts';
import type { PopulationRow } from '../store/store.ts';

interface PoliceTable {
  table: '47022NED' | '47018NED' | '47024NED';
  period: 'month' | 'year';
  kind: 'misdrijf' | 'overlast';
  /** The column sets the importer accepts for this table; the first one CBS delivers whole is written. */
  columns: readonly (readonly string[])[];
}

/** The police tables on the "dataderden" service, in the order they are imported. */
const POLICE_TABLES: readonly PoliceTable[] = [
  { table: '47022NED', period: 'month', kind: 'misdrijf', columns: [CBS_CRIME_COLUMNS] },
  { table: '47018NED', period: 'year', kind: 'misdrijf', columns: [CBS_CRIME_COLUMNS] },
  { table: '47024NED', period: 'month', kind: 'overlast', columns: [CBS_NUISANCE_COLUMNS, CBS_NUISANCE_COLUMNS_OLD] },
];

export interface CbsUpdateOptions {
  /** Base URL of the police OData v3 service (CBS_POLICE_ODATA_URL). */
  policeBaseUrl: string;
  /** Base URL of CBS's own OData v3 service (CBS_ODATA_URL), for the inhabitants; absent: they are not fetched. */
  baseUrl?: string;
  /** Gemeente codes (GM0935) whose figures are fetched. */
  gemeenten: string[];
  /** First month to fetch ('YYYY-MM', for a yearly table its year) for every gemeente; default: after the newest the store has. */
  from?: string;
  /** Per HTTP request, in milliseconds. */
  timeoutMs: number;
  /** Today: the newest period asked for (tests pin it). */
  now?: Date;
  /** The beheerder who asked for it on the Beheer page (recorded with each import); null or omitted: a command or the schedule. */
  importedBy?: string | null;
  /** The monthly schedule started it (the import history says "automatische update"). */
  automatic?: boolean;
}

export interface TableOutcome {
  table: string;
  /** The table's address on the service. */
  url: string;
  /** Rows fetched for the gemeenten and periods asked for (all levels and types). */
  rows: number;
  /** Periods among them ('YYYY-MM' or 'YYYY'), sorted: what the store did not have yet. */
  periods: string[];
  /** An import was recorded (false: nothing new, or the same figures were imported before). */
  imported: boolean;
  alreadyImported: boolean;
  changedRows: number;
  warnings: string[];
}

/** A failed update; nothing was stored. The message is Dutch, for the beheerder. */
export class CbsUpdateError extends Error {
  constructor(
    message: string,
    /** The setting whose service failed (the API names it). */
    readonly parameter: 'CBS_POLICE_ODATA_URL' | 'CBS_ODATA_URL' = 'CBS_POLICE_ODATA_URL',
  ) {
    super(`${message}\nEr is niets veranderd in de opgeslagen cijfers.`);
    this.name = 'CbsUpdateError';
  }
}

/**
 * The gemeenten an update without `--gemeente` fetches: the default gemeente plus every gemeente that
 * has monthly figures in the store (someone imported them, so they want them current). Not every
 * gemeente with yearly totals: the open data seeds all of the Netherlands.
 */
export function gemeentenInUse(ds: Dataset, defaultGemeente: string): string[] {
  const out = new Set([defaultGemeente]);
  for (const c of ds.store.monthlyCells(null)) {
    const gm = gemeenteOf(c.area);
    if (ds.gemeente(gm)) out.add(gm);
  }
  return [...out].sort();
}

export async function updateFromCbs(ds: Dataset, opts: CbsUpdateOptions): Promise<TableOutcome[]> {
  const now = opts.now ?? new Date();
  const fetched: { spec: PoliceTable; rows: ODataRow[]; periods: string[] }[] = [];
  for (const spec of POLICE_TABLES) {
    const rows: ODataRow[] = [];
    for (const gm of opts.gemeenten) {
      const wanted = periodsToFetch(ds, gm, spec, opts.from, now);
      for (const period of wanted) {
        const url = typedDataSetUrl(opts.policeBaseUrl, spec.table, filterFor(gm, period));
        try {
          for (const r of await fetchAllRows(spec.table, url, { timeoutMs: opts.timeoutMs })) {
            // The server filtered already; checked again, so a service that ignores (part of) the
            // filter cannot bring in other gemeenten or periods the store already has.
            if (belongsTo(r, gm) && wanted.includes(String(r.Perioden ?? '').trim())) rows.push(r);
          }
        } catch (e) {
          if (e instanceof ODataError) throw new CbsUpdateError(`Nieuwe cijfers ophalen bij CBS mislukt: ${sentence(e.message)}`);
          throw e;
        }
      }
    }
    // By ID (CBS numbers a table's rows once): the same figures always make the same file, so
    // importFile recognises them by their hash.
    rows.sort((a, b) => Number(a.ID) - Number(b.ID));
    const periods = [...new Set(rows.map((r) => String(r.Perioden).trim()))].map((p) => {
      const parsed = parseCbsPeriod(p);
      return parsed.ok ? parsed.period : p;
    });
    fetched.push({ spec, rows, periods: periods.sort() });
  }
  const inhabitants = opts.baseUrl === undefined ? null : await fetchInhabitants(opts.baseUrl, opts.gemeenten, opts.timeoutMs);

  const stamp = now.toISOString().slice(0, 10);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-cbs-update-'));
  try {
    const files = fetched.map(({ spec, rows }) => {
      if (rows.length === 0) return null;
      const file = path.join(dir, `cbs-${spec.table}-update-${stamp}.csv`);
      fs.writeFileSync(file, toCsv(spec, rows), { mode: 0o600 });
      return file;
    });
    return ds.store.transaction(() => [
      ...fetched.map(({ spec, rows, periods }, i): TableOutcome => {
        const url = `${opts.policeBaseUrl.replace(/\/+$/, '')}/${spec.table}`;
        const file = files[i];
        if (file === null) return { table: spec.table, url, rows: 0, periods: [], imported: false, alreadyImported: false, changedRows: 0, warnings: [] };
        try {
          const r = importFile(ds, file, { gemeente: opts.gemeenten[0], name: path.basename(file), importedBy: opts.importedBy, automatic: opts.automatic });
          return { table: spec.table, url, rows: rows.length, periods, imported: !r.alreadyImported, alreadyImported: r.alreadyImported, changedRows: r.changedRows, warnings: r.warnings };
        } catch (e) {
          if (e instanceof ImportError) throw new CbsUpdateError(`De cijfers van CBS-tabel ${spec.table} (${url}) zijn geweigerd door de import:\n${e.message}`);
          throw e;
        }
      }),
      ...(inhabitants && opts.baseUrl !== undefined ? [storeInhabitants(ds, opts.baseUrl, inhabitants, opts)] : []),
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every gemeente's inhabitants, checked before anything is written; a refused row stops the update. */
async function fetchInhabitants(baseUrl: string, gemeenten: string[], timeoutMs: number): Promise<PopulationRow[]> {
  const out: PopulationRow[] = [];
  for (const gm of gemeenten) {
    try {
      out.push(...inhabitantsOf(await fetchInhabitantRows(baseUrl, gm, timeoutMs), gm));
    } catch (e) {
      if (e instanceof ODataError) throw new CbsUpdateError(`Inwoners ophalen bij CBS mislukt: ${sentence(e.message)}`, 'CBS_ODATA_URL');
      if (e instanceof InhabitantsError) throw new CbsUpdateError(`De inwoners van CBS-tabel ${KERNCIJFERS.table} (${baseUrl.replace(/\/+$/, '')}/${KERNCIJFERS.table}) zijn geweigerd: ${sentence(e.message)}`, 'CBS_ODATA_URL');
      throw e;
    }
  }
  return out;
}

/** One import record for all gemeenten' inhabitants; the same figures again record nothing. */
function storeInhabitants(ds: Dataset, baseUrl: string, rows: PopulationRow[], opts: CbsUpdateOptions): TableOutcome {
  const url = `${baseUrl.replace(/\/+$/, '')}/${KERNCIJFERS.table}`;
  const base = { table: KERNCIJFERS.table, url, rows: rows.length, warnings: [] };
  if (rows.length === 0) return { ...base, periods: [], imported: false, alreadyImported: false, changedRows: 0 };
  const r = ds.store.applyImport(
    { file: KERNCIJFERS_IMPORT_NAME, sha256: inhabitantsHash(rows), format: `cbs-${KERNCIJFERS.table}`, summary: { inwoners: rows.length, jaar: KERNCIJFERS.year, gemeenten: opts.gemeenten }, importedBy: opts.importedBy, automatic: opts.automatic },
    { population: rows },
  );
  return { ...base, periods: [String(KERNCIJFERS.year)], imported: !r.alreadyImported, alreadyImported: r.alreadyImported, changedRows: r.changedRows };
}

/**
 * One query per gemeente and period: CBS answers at most 10,000 rows per request, and one month of a
 * gemeente (its buurten, wijken and itself, by type) stays well below that. `eq` and `startswith` are
 * plain OData v3; codes carry trailing spaces, which startswith ignores.
 */
function filterFor(gm: string, period: string): string {
  const digits = gm.slice(2);
  const areas = ['GM', 'WK', 'BU'].map((p) => `startswith(WijkenEnBuurten,'${p}${digits}')`).join(' or ');
  return `Perioden eq '${period}' and (${areas})`;
}

/** A reason as a sentence: a full stop, unless it already ends in one (or in a question). */
function sentence(reason: string): string {
  return /[.?!]$/.test(reason) ? reason : `${reason}.`;
}

function belongsTo(r: ODataRow, gm: string): boolean {
  const area = String(r.WijkenEnBuurten ?? '').trim().toUpperCase();
  return /^(GM|WK|BU)/.test(area) && gemeenteOf(area) === gm;
}

/** CBS period codes newer than what the store has (or from `from`), up to this month or year. */
function periodsToFetch(ds: Dataset, gm: string, spec: PoliceTable, from: string | undefined, now: Date): string[] {
  const thisYear = now.getUTCFullYear();
  if (spec.period === 'year') {
    const newest = newestYear(ds, gm);
    const first = from ? Number(from.slice(0, 4)) : Number.isFinite(newest) ? newest + 1 : thisYear - 1;
    const out: string[] = [];
    for (let y = first; y <= thisYear; y++) out.push(`${y}JJ00`);
    return out;
  }
  const thisMonth = `${thisYear}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  // A gemeente without any figure yet: last year's December onwards.
  let month = from ?? nextMonth(newestMonth(ds, gm, spec.kind) || `${thisYear - 1}-11`);
  const out: string[] = [];
  while (month <= thisMonth) {
    out.push(`${month.slice(0, 4)}MM${month.slice(5, 7)}`);
    month = nextMonth(month);
  }
  return out;
}

/**
 * The newest month the store has real figures for: imported months of this kind, and for crime the
 * last month of the newest yearly total (its months are a spread of that total, not to be fetched
 * again month by month). Nuisance without any month yet starts where crime stands.
 */
function newestMonth(ds: Dataset, gm: string, kind: 'misdrijf' | 'overlast'): string {
  const nuisance = new Set(ds.categories.types.filter((t) => t.kind === 'overlast').map((t) => t.code));
  let newest = '';
  for (const c of ds.store.monthlyCells(gm)) {
    if (c.period.length === 7 && nuisance.has(c.type) === (kind === 'overlast') && c.period > newest) newest = c.period;
  }
  if (kind === 'overlast') return newest || newestMonth(ds, gm, 'misdrijf');
  const year = newestYear(ds, gm);
  const yearEnd = Number.isFinite(year) ? `${year}-12` : '';
  return newest > yearEnd ? newest : yearEnd;
}

function newestYear(ds: Dataset, gm: string): number {
  let newest = -Infinity;
  for (const t of ds.store.yearlyTotals(gm)) if (t.year > newest) newest = t.year;
  for (const c of ds.store.yearlyTypeCells(gm)) if (Number(c.period) > newest) newest = Number(c.period);
  return newest;
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The rows as a StatLine CSV download: `;`, every value quoted, codes with their trailing spaces, withheld = empty. */
function toCsv(spec: PoliceTable, rows: ODataRow[]): string {
  const columns = spec.columns.find((cols) => cols.every((c) => rows.every((r) => c in r)));
  if (!columns) {
    throw new CbsUpdateError(
      `CBS-tabel ${spec.table} levert andere kolommen dan de import kent: gevonden ${Object.keys(rows[0]).join(';')}, verwacht ${spec.columns.map((c) => c.join(';')).join(' of ')}.`,
    );
  }
  const quote = (v: string | number | null | undefined) => `"${v === null || v === undefined ? '' : String(v).replace(/"/g, '""')}"`;
  const lines = [columns.map(quote).join(';')];
  for (const r of rows) lines.push(columns.map((c) => quote(r[c])).join(';'));
  return `${lines.join('\r\n')}\r\n`;
}
