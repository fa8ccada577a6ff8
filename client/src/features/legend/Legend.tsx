// Map legend: measure, period and category, each class with its bounds and number of areas.
import { binLabel, legendBins, type Classification } from '../../lib/classes.ts';
import { formatNumber } from '../../lib/format.ts';

export interface LegendProps {
  title: string;
  subtitle: string;
  classification: Classification | null;
  decimals: number;
  /** "buurten" / "wijken", for the counts. */
  areaWord: string;
  fixed: boolean;
  /** The gemeente as a whole ("Heel Maastricht: 8.293 registraties · …"), to read the areas against. */
  total?: string | null;
}

export function Legend({ title, subtitle, classification, decimals, areaWord, fixed, total }: LegendProps) {
  const bins = classification ? legendBins(classification) : [];
  // Areas without a class, one line per reason (a change: no base, too small a base, chance), all in the same grey:
  // each says why, and the counts still add up to the number of areas.
  const excluded = classification?.excluded;
  const excludedLines = excluded ? (excluded.parts ?? [{ label: excluded.label, count: excluded.count }]) : [];
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="legend-title">
        {title}
      </h2>
      <p className="legend-subtitle">{subtitle}</p>
      {total && <p className="legend-total">{total}</p>}
      {classification ? (
        <>
          <table className="legend-table">
            <caption className="visually-hidden">
              Legenda: klassen met grenzen en aantal {areaWord}
            </caption>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">Kleur</th>
                <th scope="col">Klasse</th>
                <th scope="col">Aantal {areaWord}</th>
              </tr>
            </thead>
            <tbody>
              {bins.map((bin) => (
                <tr key={bin.index}>
                  <td>
                    <span className="legend-swatch" style={{ background: bin.colour }} aria-hidden="true" />
                  </td>
                  <td className="legend-range">{binLabel(bin, decimals)}</td>
                  <td className="legend-count">({formatNumber(bin.count)})</td>
                </tr>
              ))}
              {excludedLines.map((line) => (
                <tr key={line.label}>
                  <td>
                    <span className="legend-swatch" style={{ background: excluded!.colour }} aria-hidden="true" />
                  </td>
                  <td className="legend-label">{line.label}</td>
                  <td className="legend-count">({formatNumber(line.count)})</td>
                </tr>
              ))}
              <tr>
                <td>
                  <span className="legend-swatch legend-swatch-nodata" aria-hidden="true" />
                </td>
                <td className="legend-label">geen gegevens</td>
                <td className="legend-count">({formatNumber(classification.noDataCount)})</td>
              </tr>
            </tbody>
          </table>
          <p className="legend-note">
            {classification.excluded ? `${classification.excluded.note} ` : ''}
            {bins.length > 1 ? 'Ondergrens hoort bij de klasse, bovengrens bij de volgende.' : ''}
            {fixed ? ' Klassen staan vast: de grenzen veranderen niet met periode of soort.' : ''}
          </p>
        </>
      ) : (
        <p className="legend-subtitle">Gegevens worden geladen…</p>
      )}
    </section>
  );
}
