// Square 3×3 legend of the bivariate map: objective measure along x, subjective along y, with the class
// code and the number of areas in every cell so that colour is never the only carrier.
import { formatNumber } from '../../lib/format.ts';
import { bivariateColour, type BivariateResult, type Tercile } from './bivariate.ts';

export interface BivariateLegendProps {
  result: BivariateResult | null;
  /** Axis titles, e.g. "Misdrijven per 1.000 (EB)" and "% onveilig". */
  xTitle: string;
  yTitle: string;
  subtitle: string;
  xDecimals: number;
  yDecimals: number;
  /** The y axis runs from high to low values (a survey indicator where higher is better). */
  reverseY: boolean;
  areaWord: string;
  demo: boolean;
  /** False in presentation mode: no per-class tallies of areas on a public screen. */
  showCounts?: boolean;
}

const T: Tercile[] = [1, 2, 3];
const WORD = ['laag', 'midden', 'hoog'];

/** Black or white text, whichever contrasts more with the cell colour (WCAG relative luminance). */
export function textColourOn(hex: string): string {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const l = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

export function BivariateLegend({ result, xTitle, yTitle, subtitle, xDecimals, yDecimals, reverseY, areaWord, demo, showCounts = true }: BivariateLegendProps) {
  const yb = result?.yBreaks ? (reverseY ? result.yBreaks.map((b) => -b) : result.yBreaks) : null;
  const xb = result?.xBreaks ?? null;
  const fx = (v: number) => formatNumber(v, xDecimals);
  const fy = (v: number) => formatNumber(v, yDecimals);
  return (
    <section className="legend bivariate-legend" aria-labelledby="bivariate-legend-title">
      <h2 id="bivariate-legend-title" className="legend-title">
        Objectief × subjectief
      </h2>
      <p className="legend-subtitle">
        {subtitle}
        {demo && (
          <>
            {' '}
            <strong className="flag flag-demo">DEMO</strong>
          </>
        )}
      </p>
      {result ? (
        <>
          <div className="bivariate-figure">
            <span className="bivariate-y-title" aria-hidden="true">
              <span className="bivariate-y-text">{yTitle} </span>
              <span>{reverseY ? '↓' : '↑'}</span>
            </span>
            <table className="bivariate-grid">
              <caption className="visually-hidden">
                Legenda: 3 × 3 klassen, {xTitle} (kolommen) tegen {yTitle} (rijen){showCounts ? `, met het aantal ${areaWord} per klasse` : ''}
              </caption>
              <thead className="visually-hidden">
                <tr>
                  <td />
                  {T.map((x) => (
                    <th key={x} scope="col">
                      {xTitle} {WORD[x - 1]} ({x})
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...T].reverse().map((y) => (
                  <tr key={y}>
                    <th scope="row" className="visually-hidden">
                      {yTitle} {WORD[y - 1]} ({y})
                    </th>
                    {T.map((x) => {
                      const colour = bivariateColour(x, y);
                      const n = result.counts[y - 1][x - 1];
                      return (
                        <td key={x} className="bivariate-cell" style={{ background: colour, color: textColourOn(colour) }}>
                          <span className="bivariate-code">{`${x}-${y}`}</span>
                          {showCounts && <span className="bivariate-count">({formatNumber(n)})</span>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            <span className="bivariate-x-title" aria-hidden="true">
              {xTitle} →
            </span>
          </div>
          <p className="bivariate-nodata">
            <span className="legend-swatch legend-swatch-nodata" aria-hidden="true" /> geen gegevens of steekproef te klein
            {showCounts && ` (${formatNumber(result.noDataCount)})`}
          </p>
          <dl className="bivariate-bounds">
            <dt>{xTitle}</dt>
            <dd>{xb ? `1: ≤ ${fx(xb[0])} · 2: > ${fx(xb[0])} en ≤ ${fx(xb[1])} · 3: > ${fx(xb[1])}` : '–'}</dd>
            <dt>{yTitle}</dt>
            <dd>
              {yb
                ? reverseY
                  ? `1: ≥ ${fy(yb[0])} · 2: < ${fy(yb[0])} en ≥ ${fy(yb[1])} · 3: < ${fy(yb[1])}`
                  : `1: ≤ ${fy(yb[0])} · 2: > ${fy(yb[0])} en ≤ ${fy(yb[1])} · 3: > ${fy(yb[1])}`
                : '–'}
            </dd>
          </dl>
          <p className="legend-note">
            Klassen zijn tertielen: per as een derde van de {areaWord} met beide waarden. Code „x-y”: eerste cijfer
            objectief, tweede subjectief; 3-3 = hoog op beide.
          </p>
        </>
      ) : (
        <p className="legend-subtitle">Gegevens worden geladen…</p>
      )}
    </section>
  );
}
