// CBS/Politie open-data CSV ("dataderden" tables):
//   47022NED  geregistreerde misdrijven per wijk/buurt per maand   periods 2024MM01
//   47018NED  geregistreerde misdrijven per wijk/buurt per jaar    periods 2024JJ00
//   47024NED  registraties overlast per wijk/buurt                 periods months or years (not mixed)
// Header (exact, case-sensitive, any order; values usually quoted; ';' separated):
//   "ID";"SoortMisdrijf";"WijkenEnBuurten";"Perioden";"GeregistreerdeMisdrijven_1"
//   "ID";"Overlast";"WijkenEnBuurten";"Perioden";"GeregistreerdeOverlast_1"           (nuisance, the official names)
//   "ID";"SoortOverlast";"WijkenEnBuurten";"Perioden";"RegistratiesOverlast_1"       (nuisance, older exports)
// A full StatLine download also carries the region topics "Gemeentenaam_2" and "SoortRegio_3": accepted
// and ignored (the area code says everything they say).
// Codes carry trailing spaces ("1.1.1 ", "BU09350000  ", "E35   "): trimmed. A count that is empty,
// "." or "   ." is withheld by CBS → null (never 0).
// Only buurt rows of a real type are returned as `cells` (safe to sum). Wijk, gemeente and NL rows, and
// the total type 0.0.0 at any level, are returned as `totals` for cross-checks only.
// A header-only file is valid (0 rows); its format then follows the file name (47018 → yearly), else 47022NED.

import { detach, guard, nlNumber, plural, show, throwIfIssues, ImportError } from './errors.ts';
import { parseCount, readRows, type RowParserFactory } from './text.ts';
import { bytesSource } from './source.ts';
import { AREA_CODE_HELP, TOTAL_CODE, areaLevel, trimmedSet, type ImportOptions } from './codes.ts';

export type CbsFormat = 'cbs-47022NED' | 'cbs-47018NED' | 'cbs-47024NED';

export interface CbsCell {
  /** Trimmed area code: BU… in `cells`; WK…/GM…/NL00/NL01 (or BU with type 0.0.0) in `totals`. */
  area: string;
  /** Trimmed SoortMisdrijf / SoortOverlast code, e.g. '1.1.1', 'E35', '0.0.0'. */
  type: string;
  /** 'YYYY-MM' (month) or 'YYYY' (year). */
  period: string;
  /** null = withheld by CBS (empty or '.'), never 0. */
  count: number | null;
}

export interface CbsSummary {
  /** Number of cells returned (buurt × type × period, totals excluded). */
  rows: number;
  /** Distinct buurten among the cells. */
  areas: number;
  /** Distinct periods (cells and totals), sorted. */
  periods: string[];
  /** Distinct types among the cells. */
  categories: number;
  /** Cells with count null. */
  withheld: number;
  /** Number of total rows (WK/GM/NL rows and 0.0.0 rows). */
  totalRows: number;
}

export interface CbsOpenDataResult {
  format: CbsFormat;
  cells: CbsCell[];
  totals: CbsCell[];
  summary: CbsSummary;
}

export type CbsOpenDataOptions = Pick<ImportOptions, 'knownCodes' | 'knownNuisanceCodes'>;

export const CBS_CRIME_COLUMNS = ['ID', 'SoortMisdrijf', 'WijkenEnBuurten', 'Perioden', 'GeregistreerdeMisdrijven_1'] as const;
export const CBS_NUISANCE_COLUMNS = ['ID', 'Overlast', 'WijkenEnBuurten', 'Perioden', 'GeregistreerdeOverlast_1'] as const;
/** The nuisance column names of older exports, still accepted. */
export const CBS_NUISANCE_COLUMNS_OLD = ['ID', 'SoortOverlast', 'WijkenEnBuurten', 'Perioden', 'RegistratiesOverlast_1'] as const;
/** Region topics of a full StatLine download: allowed, not needed. */
export const CBS_REGION_COLUMNS = ['Gemeentenaam_2', 'SoortRegio_3'] as const;

/** 'crime' / 'nuisance' when the header looks like a CBS open-data table (by its type column), else null. */
export function cbsHeaderKind(header: string[]): 'crime' | 'nuisance' | null {
  if (header.includes('SoortMisdrijf') || header.includes('GeregistreerdeMisdrijven_1')) return 'crime';
  if (['Overlast', 'GeregistreerdeOverlast_1', 'SoortOverlast', 'RegistratiesOverlast_1'].some((c) => header.includes(c))) return 'nuisance';
  return null;
}

/** The column set a header follows: crime, official nuisance, or the older nuisance names. */
function columnsFor(header: string[]): readonly string[] {
  const kind = cbsHeaderKind(header) ?? 'crime';
  if (kind === 'crime') return CBS_CRIME_COLUMNS;
  return header.includes('SoortOverlast') || header.includes('RegistratiesOverlast_1') ? CBS_NUISANCE_COLUMNS_OLD : CBS_NUISANCE_COLUMNS;
}

export function parseCbsOpenData(file: string, bytes: Uint8Array, opts: CbsOpenDataOptions): CbsOpenDataResult {
  return guard(file, () => readRows(file, bytesSource(bytes), cbsRows(opts)));
}

type PeriodKind = 'month' | 'year';
const PERIOD_WORD: Record<PeriodKind, string> = { month: 'maand', year: 'jaar' };
type PeriodResult = { ok: true; kind: PeriodKind; period: string } | { ok: false; reason: string };

const PERIOD_HELP = 'verwacht een CBS-periode zoals 2024MM01 voor een maand (MM01 t/m MM12) of 2024JJ00 voor een jaar';

export function parseCbsPeriod(raw: string): PeriodResult {
  const s = raw.trim();
  const m = /^(\d{4})([A-Z]{2}|[A-Z]\d)(\d{2})$/.exec(s);
  if (!m) return { ok: false, reason: `${show(s)} is geen CBS-periode (${PERIOD_HELP})` };
  const [, year, kind, nn] = m;
  const y = Number(year);
  if (y < 1900 || y > 2100) return { ok: false, reason: `${show(s)}: het jaar ${year} ligt niet tussen 1900 en 2100` };
  if (kind === 'MM') {
    const mm = Number(nn);
    if (mm < 1 || mm > 12) return { ok: false, reason: `${show(s)}: maand ${nn} bestaat niet (${PERIOD_HELP})` };
    return { ok: true, kind: 'month', period: `${year}-${nn}` };
  }
  if (kind === 'JJ') {
    if (nn !== '00') return { ok: false, reason: `${show(s)} is geen jaar: een jaar eindigt op JJ00 (${PERIOD_HELP})` };
    return { ok: true, kind: 'year', period: year };
  }
  if (kind === 'KW') return { ok: false, reason: `${show(s)} is een kwartaal: kwartaalcijfers kunnen niet worden geïmporteerd (${PERIOD_HELP})` };
  return { ok: false, reason: `${show(s)}: het soort periode ${show(kind)} kan niet worden geïmporteerd (${PERIOD_HELP})` };
}

function headerProblem(header: string[], expected: readonly string[]): string | null {
  const missing = expected.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !expected.includes(c) && !(CBS_REGION_COLUMNS as readonly string[]).includes(c));
  const dupes = [...new Set(header.filter((c, i) => expected.includes(c) && header.indexOf(c) !== i))];
  if (missing.length === 0 && unknown.length === 0 && dupes.length === 0) return null;
  const parts = [];
  if (missing.length) parts.push(`${plural(missing.length, 'ontbrekende kolom', 'ontbrekende kolommen')}: ${missing.join(', ')}`);
  if (unknown.length) {
    const listed = unknown.slice(0, 10).map((u) => show(u)).join(', ');
    parts.push(`${plural(unknown.length, 'onbekende kolom', 'onbekende kolommen')}: ${listed}${unknown.length > 10 ? ` en nog ${nlNumber(unknown.length - 10)}` : ''}`);
  }
  if (dupes.length) parts.push(`${plural(dupes.length, 'dubbele kolom', 'dubbele kolommen')}: ${dupes.join(', ')}`);
  return `${parts.join('; ')}. Verwachte kolommen (let op hoofdletters): ${CBS_CRIME_COLUMNS.join(';')} (47022NED/47018NED) of ${CBS_NUISANCE_COLUMNS.join(';')} (47024NED), eventueel met ${CBS_REGION_COLUMNS.join(';')}`;
}

/** The CBS parser, row at a time (also used by detect.ts). */
export function cbsRows(opts: CbsOpenDataOptions): RowParserFactory<CbsOpenDataResult> {
  return ({ file, header, headerLine }, issues) => {
    const kindOfTable = cbsHeaderKind(header) ?? 'crime';
    const cols = columnsFor(header);
    const hp = headerProblem(header, cols);
    if (hp) throw new ImportError(file, [{ line: headerLine, field: 'header', reason: hp }]);

    const [cId, cType, cArea, cPeriod, cCount] = cols.map((c) => header.indexOf(c));
    const typeField = cols[1];
    const countField = cols[4];
    const known = trimmedSet(kindOfTable === 'crime' ? opts.knownCodes : opts.knownNuisanceCodes);
    // The code's name and an example, for the reasons.
    const codeName = kindOfTable === 'crime' ? 'misdrijfcode' : 'overlastcode';
    const codeExample = kindOfTable === 'crime' ? '1.1.1' : 'E35';
    const listName = kindOfTable === 'crime' ? 'soorten misdrijf' : 'soorten overlast';

    const cells: CbsCell[] = [];
    const totals: CbsCell[] = [];
    const seen = new Map<string, number>();
    let firstKind: { kind: PeriodKind; line: number } | null = null;

    return {
      row(fields, line) {
        const before = issues.length;
        const bad = (field: string, reason: string) => issues.push({ line, field, reason });

        const id = fields[cId].trim();
        if (!/^\d+$/.test(id)) bad('ID', `${show(id)} is geen volgnummer (verwacht een geheel getal)`);

        const type = detach(fields[cType].trim());
        if (type === '') bad(typeField, `leeg: verwacht een ${codeName} zoals ${codeExample}`);
        else if (type !== TOTAL_CODE && !known.has(type)) bad(typeField, `onbekende ${codeName} ${show(type)} (staat niet in de lijst met ${listName})`);

        const area = detach(fields[cArea].trim().toUpperCase());
        const level = areaLevel(area);
        if (level === null) bad('WijkenEnBuurten', `${show(area)} is geen CBS-gebiedscode (${AREA_CODE_HELP})`);

        const p = parseCbsPeriod(fields[cPeriod]);
        let period = '';
        if (!p.ok) bad('Perioden', p.reason);
        else {
          period = p.period;
          if (firstKind === null) firstKind = { kind: p.kind, line };
          else if (p.kind !== firstKind.kind) {
            bad(
              'Perioden',
              `${show(fields[cPeriod].trim())} is een ${PERIOD_WORD[p.kind]}, maar regel ${nlNumber(firstKind.line)} heeft een ${PERIOD_WORD[firstKind.kind]}: een bestand bevat óf maanden (47022NED) óf jaren (47018NED), niet allebei`,
            );
          }
        }

        const rawCount = fields[cCount].trim();
        let count: number | null = null;
        if (rawCount !== '' && rawCount !== '.') {
          const c = parseCount(rawCount);
          if (c.ok) count = c.value;
          else bad(countField, c.reason);
        }

        if (level !== null && type !== '' && p.ok) {
          const key = detach(`${area}|${type}|${period}`);
          const prev = seen.get(key);
          if (prev !== undefined) {
            bad('row', `dubbele regel: dezelfde WijkenEnBuurten (${area}), ${typeField} (${type}) en Perioden (${period}) als regel ${nlNumber(prev)}`);
          } else seen.set(key, line);
        }

        if (issues.length > before) return;
        const cell: CbsCell = { area, type, period, count };
        if (level === 'buurt' && type !== TOTAL_CODE) cells.push(cell);
        else totals.push(cell);
      },

      end() {
        throwIfIssues(file, issues);

        let format: CbsFormat;
        if (kindOfTable === 'nuisance') format = 'cbs-47024NED';
        else if (firstKind) format = firstKind.kind === 'month' ? 'cbs-47022NED' : 'cbs-47018NED';
        else format = /47018/.test(file) ? 'cbs-47018NED' : 'cbs-47022NED';

        const periods = new Set<string>();
        for (const c of cells) periods.add(c.period);
        for (const c of totals) periods.add(c.period);
        return {
          format,
          cells,
          totals,
          summary: {
            rows: cells.length,
            areas: new Set(cells.map((c) => c.area)).size,
            periods: [...periods].sort(),
            categories: new Set(cells.map((c) => c.type)).size,
            withheld: cells.filter((c) => c.count === null).length,
            totalRows: totals.length,
          },
        };
      },
    };
  };
}
