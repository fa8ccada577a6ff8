// Legend of the Veiligheidsmonitor map: indicator, unit, year, classes with counts, and "steekproef te klein".
import type { SurveyResponse } from '../../api/client.ts';
import { binLabel, legendBins, type Classification } from '../../lib/classes.ts';
import { formatNumber } from '../../lib/format.ts';
import { surveyUnit } from './surveyChoropleth.ts';

export interface SurveyLegendProps {
  meta: SurveyResponse['meta'] | null;
  classification: Classification | null;
  smallSampleCount: number;
  areaWord: string;
  /** False in presentation mode: no per-class tallies of areas on a public screen. */
  showCounts?: boolean;
}

export function SurveyLegend({ meta, classification, smallSampleCount, areaWord, showCounts = true }: SurveyLegendProps) {
  const unit = meta ? surveyUnit(meta.unit) : null;
  return (
    <section className="legend" aria-labelledby="survey-legend-title">
      <h2 id="survey-legend-title" className="legend-title">
        {meta?.indicatorLabel ?? 'Veiligheidsmonitor'}
      </h2>
      {meta && (
        <p className="legend-subtitle">
          Veiligheidsmonitor {meta.year ?? '(geen jaar)'} · {areaWord} · eenheid: {unit!.word}
          {meta.demo && (
            <>
              {' '}
              <strong className="flag flag-demo">DEMO</strong>
            </>
          )}
        </p>
      )}
      {meta && classification ? (
        <>
          <table className="legend-table">
            <caption className="visually-hidden">Legenda: klassen met grenzen{showCounts ? ` en aantal ${areaWord}` : ''}</caption>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">Kleur</th>
                <th scope="col">Klasse</th>
                {showCounts && <th scope="col">Aantal {areaWord}</th>}
              </tr>
            </thead>
            <tbody>
              {legendBins(classification).map((bin) => (
                <tr key={bin.index}>
                  <td>
                    <span className="legend-swatch" style={{ background: bin.colour }} aria-hidden="true" />
                  </td>
                  <td className="legend-range">
                    {binLabel(bin, 1)}
                    {unit!.short ? ` ${unit!.short}` : ''}
                  </td>
                  {showCounts && <td className="legend-count">({formatNumber(bin.count)})</td>}
                </tr>
              ))}
              <tr>
                <td>
                  <span className="legend-swatch legend-swatch-nodata" aria-hidden="true" />
                </td>
                <td className="legend-range">
                  {smallSampleCount > 0 ? 'steekproef te klein of geen gegevens' : 'geen gegevens'}
                </td>
                {showCounts && <td className="legend-count">({formatNumber(classification.noDataCount)})</td>}
              </tr>
            </tbody>
          </table>
          <p className="legend-note">
            {meta.betterWhen === 'higher'
              ? 'Hoger is beter: de kleuren zijn omgedraaid, zodat donkerder steeds slechter betekent.'
              : 'Hoger is slechter: donkerder betekent slechter.'}{' '}
            Minder dan {meta.smallSampleThreshold} respondenten: steekproef te klein, niet ingekleurd.
            {meta.gemeenteValue !== null &&
              ` Gemeente als geheel: ${formatNumber(meta.gemeenteValue, 1)}${unit!.short ? ` ${unit!.short}` : ''}.`}
          </p>
        </>
      ) : (
        <p className="legend-subtitle">Gegevens worden geladen…</p>
      )}
    </section>
  );
}

/** The DEMO banner for survey figures below gemeente level. */
export function SurveyDemoNotice({ meta }: { meta: SurveyResponse['meta'] | null }) {
  if (!meta?.demo) return null;
  return (
    <div className="demo-notice" role="note" aria-label="DEMO-gegevens Veiligheidsmonitor">
      <strong>DEMO-gegevens:</strong> Veiligheidsmonitor-cijfers per {meta.level} bestaan niet als open data; deze waarden zijn
      gegenereerd rond de echte gemeentewaarde
      {meta.gemeenteValue !== null ? ` (${formatNumber(meta.gemeenteValue, 1)}, ${meta.year})` : ''} en zijn niet echt.
    </div>
  );
}
