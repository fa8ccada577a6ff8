// Survey results (Veiligheidsmonitor, gemeentelijke buurtpeiling) in a LONG layout: one row per
// area × year × indicator. Also documented in server/src/importers/README.md.
//
//   gebiedcode;jaar;indicator;waarde;ondergrens;bovengrens;respondenten;bron
//   GM0935;2023;onveilig_buurt_pct;27,5;25,1;29,9;1650;Veiligheidsmonitor 2023
//   BU09350000;2023;rapportcijfer_veiligheid;6,4;;;112;Buurtpeiling Maastricht 2023
//
// - Separator ';' (',' or TAB detected from the header); header case-insensitive, any order; other
//   columns are ignored. Required columns: gebiedcode, jaar, indicator, waarde, bron. The columns
//   ondergrens, bovengrens and respondenten are optional, and so are their values (empty = unknown).
// - gebiedcode: GM+4, WK+6 or BU+8 (CBS codes, upper-cased).
// - jaar: 2000-2100.
// - indicator: must be one of opts.knownIndicators (exact, after trimming).
// - waarde, ondergrens, bovengrens: numbers with decimal comma or dot ("27,5", "27.5", "1.234,5").
//   When both bounds are given: ondergrens <= waarde <= bovengrens.
// - respondenten: whole number >= 0.
// - bron: non-empty text (source and edition, e.g. "Veiligheidsmonitor 2023").
// - (gebiedcode, jaar, indicator) must be unique within the file.

import { detach, guard, nlNumber, show, throwIfIssues } from './errors.ts';
import { requireColumns, parseCount, parseDecimal, readRows, type RowParserFactory } from './text.ts';
import { bytesSource } from './source.ts';
import { areaLevel, type ImportOptions } from './codes.ts';

export interface SurveyRecord {
  gebiedcode: string;
  niveau: 'gemeente' | 'wijk' | 'buurt';
  jaar: number;
  indicator: string;
  waarde: number;
  ondergrens: number | null;
  bovengrens: number | null;
  respondenten: number | null;
  bron: string;
  line: number;
}

export interface SurveySummary {
  rows: number;
  areas: number;
  years: number[];
  indicators: string[];
  bronnen: string[];
}

export interface SurveyResult {
  format: 'survey';
  records: SurveyRecord[];
  summary: SurveySummary;
}

export type SurveyOptions = Pick<ImportOptions, 'knownIndicators'>;

export const SURVEY_REQUIRED_COLUMNS = ['gebiedcode', 'jaar', 'indicator', 'waarde', 'bron'] as const;
export const SURVEY_OPTIONAL_COLUMNS = ['ondergrens', 'bovengrens', 'respondenten'] as const;

export function isSurveyHeader(header: string[]): boolean {
  const h = header.map((x) => x.toLowerCase());
  return h.includes('gebiedcode') && h.includes('indicator');
}

export function parseSurvey(file: string, bytes: Uint8Array, opts: SurveyOptions): SurveyResult {
  return guard(file, () => readRows(file, bytesSource(bytes), surveyRows(opts)));
}

/** The survey parser, row at a time (also used by detect.ts). */
export function surveyRows(opts: SurveyOptions): RowParserFactory<SurveyResult> {
  return (head, issues) => {
    const { file, header } = head;
    const idx = requireColumns(
      head,
      SURVEY_REQUIRED_COLUMNS,
      SURVEY_OPTIONAL_COLUMNS,
      ': gebiedcode;jaar;indicator;waarde;ondergrens;bovengrens;respondenten;bron (ondergrens, bovengrens en respondenten mogen ontbreken)',
    );
    const known = new Set([...opts.knownIndicators].map((s) => s.trim()));
    const records: SurveyRecord[] = [];
    const seen = new Map<string, number>();

    return {
      row(fields, line) {
        const before = issues.length;
        const get = (c: string) => {
          const i = idx.get(c);
          return i === undefined ? '' : fields[i].trim();
        };
        const bad = (c: string, reason: string) => issues.push({ line, field: header[idx.get(c)!], reason });

        const gebiedcode = detach(get('gebiedcode').toUpperCase());
        const level = areaLevel(gebiedcode);
        if (level !== 'gemeente' && level !== 'wijk' && level !== 'buurt') {
          bad(
            'gebiedcode',
            `${show(gebiedcode)} is geen gemeente-, wijk- of buurtcode (verwacht een CBS-code zoals GM0935, WK093500 of BU09350000: GM + 4 cijfers, WK + 6 of BU + 8 tekens)`,
          );
        }

        const jaarRaw = get('jaar');
        let jaar = 0;
        if (!/^\d{4}$/.test(jaarRaw) || Number(jaarRaw) < 2000 || Number(jaarRaw) > 2100) {
          bad('jaar', `${show(jaarRaw)} is geen jaar tussen 2000 en 2100 (verwacht vier cijfers, zoals 2023)`);
        } else jaar = Number(jaarRaw);

        const indicator = detach(get('indicator'));
        if (indicator === '') bad('indicator', 'leeg: verwacht de naam van een indicator, zoals onveilig_buurt_pct');
        else if (!known.has(indicator)) bad('indicator', `onbekende indicator ${show(indicator)} (staat niet in de lijst met indicatoren)`);

        const num = (c: string, required: boolean): number | null => {
          const raw = get(c);
          if (raw === '') {
            if (required) bad(c, 'leeg: een waarde is verplicht');
            return null;
          }
          const r = parseDecimal(raw);
          if (!r.ok) {
            bad(c, r.reason);
            return null;
          }
          return r.value;
        };
        const waarde = num('waarde', true);
        const ondergrens = num('ondergrens', false);
        const bovengrens = num('bovengrens', false);
        if (waarde !== null && ondergrens !== null && ondergrens > waarde) {
          bad('ondergrens', `${nlNumber(ondergrens)} is hoger dan de waarde ${nlNumber(waarde)} (de ondergrens mag niet boven de waarde liggen)`);
        }
        if (waarde !== null && bovengrens !== null && bovengrens < waarde) {
          bad('bovengrens', `${nlNumber(bovengrens)} is lager dan de waarde ${nlNumber(waarde)} (de bovengrens mag niet onder de waarde liggen)`);
        }

        let respondenten: number | null = null;
        const respRaw = get('respondenten');
        if (respRaw !== '') {
          const r = parseCount(respRaw);
          if (r.ok) respondenten = r.value;
          else bad('respondenten', r.reason);
        }

        const bron = get('bron');
        if (bron === '') bad('bron', 'leeg: noem de bron, bijvoorbeeld Veiligheidsmonitor 2023');

        if (level !== null && jaar && indicator !== '') {
          const key = detach(`${gebiedcode}|${jaar}|${indicator}`);
          const prev = seen.get(key);
          if (prev !== undefined) bad('indicator', `dubbele regel: dezelfde gebiedcode, jaar en indicator als regel ${nlNumber(prev)}`);
          else seen.set(key, line);
        }

        if (issues.length > before || waarde === null) return;
        records.push({
          gebiedcode,
          niveau: level as SurveyRecord['niveau'],
          jaar,
          indicator,
          waarde,
          ondergrens,
          bovengrens,
          respondenten,
          bron: detach(bron),
          line,
        });
      },

      end() {
        throwIfIssues(file, issues);
        return {
          format: 'survey',
          records,
          summary: {
            rows: records.length,
            areas: new Set(records.map((r) => r.gebiedcode)).size,
            years: [...new Set(records.map((r) => r.jaar))].sort((a, b) => a - b),
            indicators: [...new Set(records.map((r) => r.indicator))].sort(),
            bronnen: [...new Set(records.map((r) => r.bron))].sort(),
          },
        };
      },
    };
  };
}
