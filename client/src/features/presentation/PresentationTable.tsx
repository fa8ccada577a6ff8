// The values beside the map (nothing is only on hover): area, measure and count; suppressed counts read "afgeschermd".
import { presentCount, presentValue } from './steps.ts';

export interface PresentationRow {
  code: string;
  naam: string;
  value: number | null;
  count: number | null;
  suppressed?: boolean;
  /** Why the map gives the area no class ("te weinig inwoners"): read instead of the value, or beside a value within chance. */
  note?: string;
  /** Already formatted values of the extra columns (survey value, bivariate class), in the order of `extraTitles`. */
  extra?: string[];
}

export interface PresentationTableProps {
  rows: PresentationRow[];
  caption: string;
  /** Column title of the measure; null when the measure is the count itself (one column, not two). */
  valueTitle: string | null;
  decimals: number;
  areaWord: string;
  /** Titles of extra columns after the measure, e.g. "% onveilig" and "Klasse". */
  extraTitles?: string[];
  /** False: no count column (a survey indicator has no registered count). */
  showCount?: boolean;
  /** Counts from 1 up to this read "afgeschermd" (the server's suppression threshold). */
  suppressionThreshold: number;
}

/** The value, or why there is none: a hidden count reads "afgeschermd" first (privacy), then the map's reason. */
function valueCell(r: PresentationRow, decimals: number): string {
  if (!r.note || (r.suppressed && r.value === null)) return presentValue(r.value, r.suppressed, decimals);
  return r.value === null ? r.note : `${presentValue(r.value, r.suppressed, decimals)} (${r.note})`;
}

export function PresentationTable({ rows, caption, valueTitle, decimals, areaWord, extraTitles = [], showCount = true, suppressionThreshold }: PresentationTableProps) {
  const anySuppressed = rows.some((r) => r.suppressed || (showCount && r.count === null));
  return (
    <div className="presentation-table-wrap">
      <table className="presentation-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{areaWord}</th>
            {valueTitle && (
              <th scope="col" className="num">
                {valueTitle}
              </th>
            )}
            {extraTitles.map((t) => (
              <th key={t} scope="col" className="num">
                {t}
              </th>
            ))}
            {showCount && (
              <th scope="col" className="num">
                Aantal
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">{r.naam}</th>
              {valueTitle && <td className="num">{valueCell(r, decimals)}</td>}
              {extraTitles.map((t, i) => (
                <td key={t} className="num">
                  {r.extra?.[i] ?? '–'}
                </td>
              ))}
              {showCount && <td className="num">{presentCount(r.count, r.suppressed, suppressionThreshold)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {anySuppressed && <p className="presentation-note">Afgeschermd: kleine aantallen worden niet getoond, zodat niemand herkenbaar is.</p>}
    </div>
  );
}
