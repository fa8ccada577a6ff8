// The police's incident-level monthly extract: one row per registration, ';'-separated.
// Columns (header case-insensitive, any order; other columns are ignored):
//   registratienummer  non-empty, unique within the file
//   datum              dd-mm-jjjj (d-m-jjjj accepted) or yyyy-mm-dd; an optional time " HH:MM[:SS]" is
//                      ignored; impossible dates (31-02-2024) are errors; years 1990-2100
//   code               crime type (opts.knownCodes, e.g. 1.1.1) → kind 'misdrijf', or nuisance code
//                      (opts.knownNuisanceCodes, e.g. E35) → kind 'overlast'; 0.0.0 is a total, refused
//   omschrijving       optional column, free text
//   straat             non-empty
//   huisnummer         free text, may be empty (squares, parks)
//   postcode           '1234 AB' / '1234AB' / '1234ab', may be empty; normalised to '1234AB'
//   x, y               RD New (EPSG:28992) metres, decimal comma or dot; x 0-300000, y 289000-629000
// x/y are converted to WGS84 with proj4 (official EPSG:28992 definition incl. +towgs84), rounded to
// 6 decimals (~0.1 m). Assigning a buurt (point-in-polygon) is the caller's job.

import proj4 from 'proj4';
import { detach, guard, nlNumber, show, throwIfIssues } from './errors.ts';
import { requireColumns, parseDecimal, readRows, type RowParserFactory } from './text.ts';
import { bytesSource } from './source.ts';
import { TOTAL_CODE, trimmedSet, type ImportOptions } from './codes.ts';

export const RD_NEW =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

const rdToWgs = proj4(RD_NEW, 'EPSG:4326');

/** RD New (EPSG:28992) metres → WGS84 [lon, lat], rounded to 6 decimals. */
export function rdToWgs84(x: number, y: number): { lon: number; lat: number } {
  const [lon, lat] = rdToWgs.forward([x, y]);
  return { lon: Math.round(lon * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 };
}

export const RD_BOUNDS = { xMin: 0, xMax: 300_000, yMin: 289_000, yMax: 629_000 } as const;

export interface PoliceRecord {
  registratienummer: string;
  /** YYYY-MM-DD */
  date: string;
  /** YYYY-MM */
  month: string;
  code: string;
  kind: 'misdrijf' | 'overlast';
  omschrijving?: string;
  straat: string;
  huisnummer: string;
  /** '1234AB' or '' */
  postcode: string;
  /** RD New metres */
  x: number;
  y: number;
  /** WGS84 degrees */
  lon: number;
  lat: number;
  /** physical line in the file */
  line: number;
}

export interface PoliceSummary {
  rows: number;
  misdrijven: number;
  overlast: number;
  /** first and last date (YYYY-MM-DD), null when there are no rows */
  from: string | null;
  to: string | null;
  months: string[];
  codes: number;
}

export interface PoliceExtractResult {
  format: 'police-extract';
  records: PoliceRecord[];
  summary: PoliceSummary;
}

export type PoliceExtractOptions = Pick<ImportOptions, 'knownCodes' | 'knownNuisanceCodes'>;

export const POLICE_REQUIRED_COLUMNS = ['registratienummer', 'datum', 'code', 'straat', 'huisnummer', 'postcode', 'x', 'y'] as const;
export const POLICE_OPTIONAL_COLUMNS = ['omschrijving'] as const;

export function isPoliceExtractHeader(header: string[]): boolean {
  return header.some((h) => h.toLowerCase() === 'registratienummer');
}

export function parsePoliceExtract(file: string, bytes: Uint8Array, opts: PoliceExtractOptions): PoliceExtractResult {
  return guard(file, () => readRows(file, bytesSource(bytes), policeExtractRows(opts)));
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTH_NAMES = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const TIME = '(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?';
const NL_DATE = new RegExp(`^(\\d{1,2})-(\\d{1,2})-(\\d{4})${TIME}$`);
const ISO_DATE = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})${TIME}$`);

export type DateResult = { ok: true; date: string } | { ok: false; reason: string };

/** dd-mm-jjjj or yyyy-mm-dd (optional time ignored) → 'YYYY-MM-DD'. */
export function parseDutchDate(raw: string): DateResult {
  const s = raw.trim();
  let y: number, m: number, d: number;
  const nl = NL_DATE.exec(s);
  const iso = nl ? null : ISO_DATE.exec(s);
  if (nl) [d, m, y] = [Number(nl[1]), Number(nl[2]), Number(nl[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return { ok: false, reason: `${show(s)} is geen datum (verwacht dd-mm-jjjj, zoals 31-01-2024, of jjjj-mm-dd)` };
  // The form the file uses, to say what a correct date looks like.
  const form = nl ? 'dd-mm-jjjj' : 'jjjj-mm-dd';
  if (y < 1990 || y > 2100) return { ok: false, reason: `datum ${show(s)}: het jaar ${y} ligt niet tussen 1990 en 2100` };
  if (m < 1 || m > 12) return { ok: false, reason: `datum ${show(s)} bestaat niet: er is geen maand ${m} (verwacht ${form})` };
  const dim = m === 2 && leap(y) ? 29 : DAYS[m - 1];
  if (d < 1 || d > dim) {
    return { ok: false, reason: `datum ${show(s)} bestaat niet: ${MONTH_NAMES[m - 1]} ${y} heeft ${dim} dagen (verwacht ${form})` };
  }
  return { ok: true, date: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** The police-extract parser, row at a time (also used by detect.ts). */
export function policeExtractRows(opts: PoliceExtractOptions): RowParserFactory<PoliceExtractResult> {
  return (head, issues) => {
    const { file, header } = head;
    const idx = requireColumns(
      head,
      POLICE_REQUIRED_COLUMNS,
      POLICE_OPTIONAL_COLUMNS,
      ` (in elke volgorde, hoofdletters maken niet uit): ${POLICE_REQUIRED_COLUMNS.join(';')} en eventueel omschrijving`,
    );
    const col = (c: string) => idx.get(c)!;
    const name = (c: string) => header[col(c)];
    const cOms = idx.get('omschrijving');
    const crime = trimmedSet(opts.knownCodes);
    const nuisance = trimmedSet(opts.knownNuisanceCodes);

    const records: PoliceRecord[] = [];
    const seen = new Map<string, number>();

    return {
      row(fields, line) {
        const before = issues.length;
        const bad = (c: string, reason: string) => issues.push({ line, field: name(c), reason });
        const get = (c: string) => fields[col(c)].trim();

        const reg = detach(get('registratienummer'));
        if (reg === '') bad('registratienummer', 'leeg: elke registratie heeft een registratienummer nodig');
        else {
          const prev = seen.get(reg);
          if (prev !== undefined) bad('registratienummer', `dubbel registratienummer ${show(reg)}: staat ook op regel ${nlNumber(prev)}`);
          else seen.set(reg, line);
        }

        const dr = parseDutchDate(get('datum'));
        if (!dr.ok) bad('datum', dr.reason);

        const code = detach(get('code').toUpperCase());
        let kind: PoliceRecord['kind'] = 'misdrijf';
        if (code === '') bad('code', 'leeg: verwacht een misdrijfcode (zoals 1.1.1) of een overlastcode (zoals E35)');
        else if (code === TOTAL_CODE) bad('code', `${TOTAL_CODE} is de code voor het totaal, niet voor één registratie (verwacht een misdrijfcode of overlastcode)`);
        else if (crime.has(code)) kind = 'misdrijf';
        else if (nuisance.has(code)) kind = 'overlast';
        else bad('code', `onbekende code ${show(code)} (geen bekende misdrijfcode en geen bekende overlastcode)`);

        const straat = get('straat');
        if (straat === '') bad('straat', 'leeg: elke registratie heeft een straat nodig');
        const huisnummer = get('huisnummer');

        const pcRaw = get('postcode');
        let postcode = '';
        if (pcRaw !== '') {
          const m = /^([1-9]\d{3}) ?([A-Za-z]{2})$/.exec(pcRaw);
          if (m) postcode = `${m[1]}${m[2].toUpperCase()}`;
          else bad('postcode', `${show(pcRaw)} is geen Nederlandse postcode (verwacht 4 cijfers en 2 letters, zoals 1234 AB)`);
        }

        const coord = (c: 'x' | 'y', min: number, max: number): number | null => {
          const r = parseDecimal(get(c));
          if (!r.ok) {
            bad(c, `${r.reason}; verwacht een RD-coördinaat in meters`);
            return null;
          }
          if (r.value < min || r.value > max) {
            bad(c, `${nlNumber(r.value)} ligt buiten het RD-bereik van ${nlNumber(min)} tot ${nlNumber(max)} meter (zijn x en y verwisseld, of staan er graden (WGS84) in plaats van RD-meters?)`);
            return null;
          }
          return r.value;
        };
        const x = coord('x', RD_BOUNDS.xMin, RD_BOUNDS.xMax);
        const y = coord('y', RD_BOUNDS.yMin, RD_BOUNDS.yMax);

        if (issues.length > before || !dr.ok || x === null || y === null) return;
        const { lon, lat } = rdToWgs84(x, y);
        if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
          bad('x', `de RD-coördinaat x ${nlNumber(x)}, y ${nlNumber(y)} kan niet worden omgerekend naar een plaats op de kaart`);
          return;
        }
        const rec: PoliceRecord = {
          registratienummer: reg,
          date: dr.date,
          month: dr.date.slice(0, 7),
          code,
          kind,
          straat: detach(straat),
          huisnummer: detach(huisnummer),
          postcode,
          x,
          y,
          lon,
          lat,
          line,
        };
        if (cOms !== undefined && fields[cOms].trim() !== '') rec.omschrijving = detach(fields[cOms].trim());
        records.push(rec);
      },

      end() {
        throwIfIssues(file, issues);
        const dates = records.map((r) => r.date).sort();
        return {
          format: 'police-extract',
          records,
          summary: {
            rows: records.length,
            misdrijven: records.filter((r) => r.kind === 'misdrijf').length,
            overlast: records.filter((r) => r.kind === 'overlast').length,
            from: dates[0] ?? null,
            to: dates[dates.length - 1] ?? null,
            months: [...new Set(records.map((r) => r.month))].sort(),
            codes: new Set(records.map((r) => r.code)).size,
          },
        };
      },
    };
  };
}
