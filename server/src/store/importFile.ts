// Reads one official file, validates it whole, and stores it in one transaction: an import is
// all or nothing, and re-importing the same content changes nothing. The file is streamed (read,
// hashed and parsed chunk by chunk): only the parsed records are held in memory, never the file.
import { parseImportPath, type ParsedImport } from '../importers/index.ts';
import { TOTAL_CODE } from '../importers/codes.ts';
import { nlNumber, plural } from '../importers/errors.ts';
import type { CbsCell } from '../importers/cbsOpenData.ts';
import { UNSPLIT_TYPE } from '../domain/categories.ts';
import type { ImportData, RegistrationCell } from './store.ts';
import type { Dataset } from './dataset.ts';
import type { ImportOutcome } from './imports.ts';
import { loadSurveyIndicators } from './planData.ts';
import { storePoliceExtract } from './importPolice.ts';
import { AreaGeometry } from './geometry.ts';

export interface ImportReport extends ImportOutcome {
  file: string;
  /** The file's content hash (what the import is recorded under). */
  sha256: string;
  format: ParsedImport['format'];
  summary: Record<string, unknown>;
  warnings: string[];
}

export interface ImportOptions {
  /** The gemeente a police extract belongs to: registrations outside it are errors. */
  gemeente: string;
  /** The name the import is recorded under (an upload's original name; default: `file`). */
  name?: string;
  /** The beheerder who uploaded it (recorded with the import). */
  importedBy?: string | null;
  /** Made by the monthly schedule (recorded with the import). */
  automatic?: boolean;
  /** A police extract may replace a month it holds only part of (see importPolice.ts PARTIAL_MONTH_SHARE). */
  allowPartialMonths?: boolean;
}

export function importFile(ds: Dataset, file: string, opts: ImportOptions = { gemeente: 'GM0935' }): ImportReport {
  const types = ds.categories.types;
  // An unreadable file is an ImportError (line 0, field 'file') like any other rejected file.
  const { parsed, sha256: fileSha256 } = parseImportPath(file, {
    knownCodes: new Set(types.filter((t) => t.kind === 'misdrijf').map((t) => t.code)),
    knownNuisanceCodes: new Set(types.filter((t) => t.kind === 'overlast').map((t) => t.code)),
    knownIndicators: new Set(loadSurveyIndicators().map((i) => i.code)),
  });
  /** Stores the parsed file under `key` (what the import is recorded and undone by). */
  const write = (key: string): ImportReport => {
    const warnings: string[] = [];
    let data: ImportData;
    switch (parsed.format) {
      case 'cbs-47022NED':
      case 'cbs-47018NED':
      case 'cbs-47024NED': {
        const unknown = new Set(parsed.cells.filter((c) => !ds.area(c.area)).map((c) => c.area));
        if (unknown.size) warnings.push(notInBoundaries(unknown, 'buurtcode', 'buurtcodes'));
        data = { cells: parsed.cells };
        if (parsed.format === 'cbs-47022NED') {
          const { cells, inconsistent } = monthlyRemainders(parsed.cells, parsed.totals);
          data.cells = [...parsed.cells, ...cells];
          if (inconsistent) {
            warnings.push(
              `${nlNumber(inconsistent)} ${plural(inconsistent, 'maandtotaal van een buurt is', 'maandtotalen van buurten zijn')} kleiner dan de som van de soorten misdrijf: de soorten zijn opgeslagen, het totaal niet`,
            );
          }
        }
        if (parsed.format === 'cbs-47018NED') {
          // The yearly table's own total rows are the official totals (buurt and gemeente): they stay,
          // so the types CBS does not publish per buurt remain a visible remainder of the total. Its
          // gemeente rows per type are the gemeente's real figures per type.
          data.yearlyTotals = parsed.totals
            .filter((t) => t.type === TOTAL_CODE && /^(BU|GM)/.test(t.area))
            .map((t) => ({ area: t.area, year: Number(t.period), count: t.count }));
          data.cells = [...parsed.cells, ...parsed.totals.filter((t) => t.type !== TOTAL_CODE && t.area.startsWith('GM'))];
        }
        break;
      }
      case 'yearly-totals':
        data = { yearlyTotals: parsed.rows.map((r) => ({ area: r.buurt, year: r.year, count: r.count })) };
        break;
      case 'police-extract': {
        const sha = key;
        const summary = { ...(parsed.summary as unknown as Record<string, unknown>), gemeente: opts.gemeente };
        const r = storePoliceExtract(ds, new AreaGeometry(ds), ds.store.features().incidents, file, sha, parsed, opts.gemeente, { name: opts.name, importedBy: opts.importedBy }, opts.allowPartialMonths);
        if (r.nearest) {
          warnings.push(
            `${nlNumber(r.nearest)} ${plural(r.nearest, 'registratie lag', 'registraties lagen')} net buiten elke buurt (de grenzen op de kaart zijn vereenvoudigd) en ${plural(r.nearest, 'is', 'zijn')} bij de dichtstbijzijnde buurt geteld`,
          );
        }
        return { alreadyImported: r.alreadyImported, changedRows: r.changedRows, file, sha256: sha, format: parsed.format, summary: { ...summary, assigned: r.assigned }, warnings };
      }
      case 'survey': {
        // Survey rows go to their own table, in one transaction with the import record.
        const unknown = new Set(parsed.records.filter((r) => !ds.area(r.gebiedcode)).map((r) => r.gebiedcode));
        if (unknown.size) warnings.push(notInBoundaries(unknown, 'gebiedcode', 'gebiedcodes'));
        const summary = parsed.summary as unknown as Record<string, unknown>;
        const rows = parsed.records.map((r) => ({
          area: r.gebiedcode, year: r.jaar, indicator: r.indicator, value: r.waarde, lower: r.ondergrens, upper: r.bovengrens,
          respondents: r.respondenten, source: r.bron, demo: false,
        }));
        const sha = key;
        const result = ds.store.features().survey.applyImport({ file: opts.name ?? file, sha256: sha, format: parsed.format, summary, importedBy: opts.importedBy }, rows);
        return { ...result, file, sha256: sha, format: parsed.format, summary, warnings };
      }
    }
    const sha256 = key;
    const outcome = ds.store.applyImport({ file: opts.name ?? file, sha256, format: parsed.format, summary: parsed.summary as unknown as Record<string, unknown>, importedBy: opts.importedBy, automatic: opts.automatic }, data);
    return { ...outcome, file, sha256, format: parsed.format, summary: parsed.summary as unknown as Record<string, unknown>, warnings };
  };
  const earlier = ds.store.listImports().filter((i) => i.sha256 === fileSha256 || i.sha256.startsWith(`${fileSha256}.`)).length;
  if (earlier === 0) return write(fileSha256);
  // The same content again. A later import may have changed the same cells, so its values are applied again,
  // under a key of its own (A, B, then A again leaves A's values). When that changes nothing it is simply
  // the same file once more: nothing is recorded.
  try {
    return ds.store.transaction(() => {
      const report = write(`${fileSha256}.${earlier + 1}`);
      if (report.changedRows === 0) throw new NothingChanged(report);
      return report;
    });
  } catch (e) {
    if (e instanceof NothingChanged) return { ...e.report, alreadyImported: true, changedRows: 0, sha256: fileSha256 };
    throw e;
  }
}

/** Rolls back a repeated import that changed nothing. */
class NothingChanged extends Error {
  constructor(readonly report: ImportReport) {
    super('nothing changed');
  }
}

/** The warning for codes that the boundaries do not know: stored, but not on the map. */
function notInBoundaries(unknown: Set<string>, one: string, many: string): string {
  const listed = `${[...unknown].slice(0, 5).join(', ')}${unknown.size > 5 ? ', …' : ''}`;
  const n = unknown.size;
  return `${nlNumber(n)} ${plural(n, one, many)} ${plural(n, 'staat', 'staan')} niet in de gebiedsindeling (een ander indelingsjaar?): opgeslagen, maar niet op de kaart: ${listed}`;
}

/**
 * A monthly buurt total (type 0.0.0) says more than its type rows when the file has fewer types (or
 * none): the part of the total not published per type is stored as the 'not split by type' type, so
 * the buurt's month adds up to its official total (all crime, signals and evaluations included).
 */
function monthlyRemainders(cells: CbsCell[], totals: CbsCell[]): { cells: RegistrationCell[]; inconsistent: number } {
  const typed = new Map<string, { sum: number; withheld: boolean }>();
  for (const c of cells) {
    const key = `${c.area}|${c.period}`;
    const t = typed.get(key) ?? { sum: 0, withheld: false };
    if (c.count === null) t.withheld = true;
    else t.sum += c.count;
    typed.set(key, t);
  }
  const out: RegistrationCell[] = [];
  let inconsistent = 0;
  for (const t of totals) {
    if (t.type !== TOTAL_CODE || !t.area.startsWith('BU') || t.period.length !== 7 || t.count === null) continue;
    const parts = typed.get(`${t.area}|${t.period}`) ?? { sum: 0, withheld: false };
    const rest = t.count - parts.sum;
    if (rest < 0) inconsistent++;
    else out.push({ area: t.area, type: UNSPLIT_TYPE, period: t.period, count: parts.withheld ? null : rest });
  }
  return { cells: out, inconsistent };
}
