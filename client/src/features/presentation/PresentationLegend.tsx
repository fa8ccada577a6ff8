// The legend in presentation mode: always visible, classes and colours in large type. No per-class tallies:
// on a public screen every figure shown must be safe, and the table beside the map gives the values.
import type { ReactNode } from 'react';
import { binLabel, legendBins, type Classification } from '../../lib/classes.ts';

export interface PresentationLegendProps {
  title: string;
  classification: Classification | null;
  decimals: number;
  /** False when the view has no choropleth layer (hotspots only). */
  coloured?: boolean;
  extra?: ReactNode;
}

function excludedLines({ excluded }: Classification): { label: string; colour: string }[] {
  if (!excluded) return [];
  return (excluded.parts ?? [excluded]).map((part) => ({ label: part.label, colour: excluded.colour }));
}

export function PresentationLegend({ title, classification, decimals, coloured = true, extra }: PresentationLegendProps) {
  return (
    <section className="presentation-legend" aria-labelledby="presentation-legend-title">
      <h2 id="presentation-legend-title">{title}</h2>
      {!coloured ? (
        <p>Gebieden zonder kleurvlakken in deze weergave.</p>
      ) : classification ? (
        <ul className="presentation-legend-list">
          {legendBins(classification).map((bin) => (
            <li key={bin.index}>
              <span className="legend-swatch" style={{ background: bin.colour }} aria-hidden="true" />
              <span>{binLabel(bin, decimals)}</span>
            </li>
          ))}
          {/* Each reason for leaving areas out of the classes on its own line, as on the map page (no tallies here). */}
          {excludedLines(classification).map((line) => (
            <li key={line.label}>
              <span className="legend-swatch" style={{ background: line.colour }} aria-hidden="true" />
              <span>{line.label}</span>
            </li>
          ))}
          <li>
            <span className="legend-swatch legend-swatch-nodata" aria-hidden="true" />
            <span>geen gegevens of afgeschermd</span>
          </li>
        </ul>
      ) : (
        <p>Gegevens worden geladen…</p>
      )}
      {extra}
    </section>
  );
}
