// Derived yearly totals per buurt (geodata/crime/buurten_misdrijven_totaal_2021_2025_nl.csv):
//   buurtcode,buurtnaam,wijkcode,wijknaam,gemeentecode,gemeentenaam,inwoners_2024,
//   misdrijven_totaal_2021,…,misdrijven_totaal_2025,misdrijven_laatste_12_maanden,per1000_…
// Required columns (case-insensitive, any order): buurtcode, buurtnaam, wijkcode, gemeentecode and at
// least one misdrijven_totaal_YYYY; other columns are ignored. Separator ',' (or ';' / TAB when a
// spreadsheet re-saved it). An empty crime value means unknown → count null (never 0).
// wijkcode and gemeentecode must agree with the buurtcode (WK + its first 6, GM + its first 4 characters).
// One output row per buurt per year column.

import { detach, guard, nlNumber, plural, show, throwIfIssues, ImportError } from './errors.ts';
import { headerIndex, parseCount, readRows, type RowParserFactory } from './text.ts';
import { bytesSource } from './source.ts';

export interface YearlyTotalsRow {
  buurt: string;
  naam: string;
  wijk: string;
  gemeente: string;
  year: number;
  /** null = unknown (empty in the file) */
  count: number | null;
}

export interface YearlyTotalsSummary {
  /** Output rows (buurten × years). */
  rows: number;
  buurten: number;
  gemeenten: number;
  years: number[];
  /** Output rows with count null. */
  unknown: number;
}

export interface YearlyTotalsResult {
  format: 'yearly-totals';
  rows: YearlyTotalsRow[];
  summary: YearlyTotalsSummary;
}

export const YEARLY_TOTALS_COLUMNS = ['buurtcode', 'buurtnaam', 'wijkcode', 'gemeentecode', 'misdrijven_totaal_JJJJ…'] as const;
const YEAR_COL = /^misdrijven_totaal_(\d{4})$/i;

export function isYearlyTotalsHeader(header: string[]): boolean {
  const h = header.map((x) => x.toLowerCase());
  return h.includes('buurtcode') && h.some((x) => YEAR_COL.test(x));
}

export function parseYearlyTotals(file: string, bytes: Uint8Array): YearlyTotalsResult {
  return guard(file, () => readRows(file, bytesSource(bytes), yearlyTotalsRows()));
}

/** The yearly-totals parser, row at a time (also used by detect.ts). */
export function yearlyTotalsRows(): RowParserFactory<YearlyTotalsResult> {
  return ({ file, header, headerLine }, issues) => {
    const idx = headerIndex(header);
    const missing = ['buurtcode', 'buurtnaam', 'wijkcode', 'gemeentecode'].filter((c) => !idx.has(c));
    const yearCols: { year: number; col: number; name: string }[] = [];
    header.forEach((h, col) => {
      const m = YEAR_COL.exec(h);
      if (m) yearCols.push({ year: Number(m[1]), col, name: h });
    });
    if (yearCols.length === 0) missing.push('misdrijven_totaal_JJJJ (minstens één jaar, zoals misdrijven_totaal_2024)');
    const years = yearCols.map((y) => y.year);
    const dupYear = years.find((y, i) => years.indexOf(y) !== i);
    if (missing.length || dupYear !== undefined) {
      const reason = missing.length
        ? `${plural(missing.length, 'ontbrekende kolom', 'ontbrekende kolommen')}: ${missing.join(', ')}. Verwachte kolommen: ${YEARLY_TOTALS_COLUMNS.join(',')} (andere kolommen worden overgeslagen)`
        : `de kolom misdrijven_totaal_${dupYear} komt twee keer voor`;
      throw new ImportError(file, [{ line: headerLine, field: 'header', reason }]);
    }
    const badYear = yearCols.find((y) => y.year < 1900 || y.year > 2100);
    if (badYear) {
      throw new ImportError(file, [{ line: headerLine, field: 'header', reason: `kolom ${badYear.name}: het jaar ${badYear.year} ligt niet tussen 1900 en 2100` }]);
    }

    const cB = idx.get('buurtcode')!;
    const cN = idx.get('buurtnaam')!;
    const cW = idx.get('wijkcode')!;
    const cG = idx.get('gemeentecode')!;

    const rows: YearlyTotalsRow[] = [];
    const seen = new Map<string, number>();

    return {
      row(fields, line) {
        const before = issues.length;
        const bad = (field: string, reason: string) => issues.push({ line, field, reason });

        const buurt = detach(fields[cB].trim().toUpperCase());
        const naam = detach(fields[cN].trim());
        const wijk = detach(fields[cW].trim().toUpperCase());
        const gemeente = detach(fields[cG].trim().toUpperCase());
        const buurtOk = /^BU\d{4}[0-9A-Z]{4}$/.test(buurt);
        if (!buurtOk) bad(header[cB], `verwacht een CBS-buurtcode zoals BU09350000 (BU + 8 tekens), gevonden ${show(buurt)}`);
        else {
          const prev = seen.get(buurt);
          if (prev !== undefined) bad(header[cB], `dubbele buurt: ${buurt} staat ook op regel ${nlNumber(prev)}`);
          else seen.set(buurt, line);
        }
        if (naam === '') bad(header[cN], 'leeg: elke buurt heeft een naam nodig');
        if (!/^WK\d{4}[0-9A-Z]{2}$/.test(wijk)) bad(header[cW], `verwacht een CBS-wijkcode zoals WK093500 (WK + 6 tekens), gevonden ${show(wijk)}`);
        else if (buurtOk && wijk !== `WK${buurt.slice(2, 8)}`) {
          bad(header[cW], `buurt ${buurt} ligt niet in wijk ${wijk} (verwacht WK${buurt.slice(2, 8)}: WK met de 6 tekens na BU in de buurtcode)`);
        }
        if (!/^GM\d{4}$/.test(gemeente)) bad(header[cG], `verwacht een CBS-gemeentecode zoals GM0935 (GM + 4 cijfers), gevonden ${show(gemeente)}`);
        else if (buurtOk && gemeente !== `GM${buurt.slice(2, 6)}`) {
          bad(header[cG], `buurt ${buurt} ligt niet in gemeente ${gemeente} (verwacht GM${buurt.slice(2, 6)}: GM met de 4 cijfers na BU in de buurtcode)`);
        }

        const out: YearlyTotalsRow[] = [];
        for (const y of yearCols) {
          const raw = fields[y.col].trim();
          let count: number | null = null;
          if (raw !== '') {
            const c = parseCount(raw);
            if (c.ok) count = c.value;
            else bad(y.name, c.reason);
          }
          out.push({ buurt, naam, wijk, gemeente, year: y.year, count });
        }
        if (issues.length === before) rows.push(...out);
      },

      end() {
        throwIfIssues(file, issues);
        return {
          format: 'yearly-totals',
          rows,
          summary: {
            rows: rows.length,
            buurten: seen.size,
            gemeenten: new Set(rows.map((r) => r.gemeente)).size,
            years: [...years].sort((a, b) => a - b),
            unknown: rows.filter((r) => r.count === null).length,
          },
        };
      },
    };
  };
}
