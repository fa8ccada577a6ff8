// Toggle and legend of the kernel-density map (restricted): kernel, bandwidth and its rule, unit, DEMO.
import { useId } from 'react';
import type { DensityResponse } from '../../api/client.ts';
import { binLabel, legendBins } from '../../lib/classes.ts';
import { formatNumber, formatPeriod } from '../../lib/format.ts';
import type { DensityLayer } from './densityClasses.ts';

export interface HeatmapPanelProps {
  on: boolean;
  onChange: (on: boolean) => void;
  data: DensityResponse | null;
  layer: DensityLayer | null;
  error: string | null;
  loading: boolean;
  /** "wijk WK093502" or "heel Maastricht". */
  scopeText: string;
  categoryNaam: string;
}

export function HeatmapPanel({ on, onChange, data, layer, error, loading, scopeText, categoryNaam }: HeatmapPanelProps) {
  const id = useId();
  const meta = data?.meta;
  return (
    <section className="heatmap-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="legend-title">
        Dichtheid van registraties
      </h2>
      <div className="field field-check">
        <input id={`${id}-toggle`} type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} />
        <label htmlFor={`${id}-toggle`}>Dichtheidskaart (kernel)</label>
      </div>
      {on && error && <p className="error">Dichtheidskaart kon niet worden geladen: {error}</p>}
      {on && !data && !error && <p className="legend-subtitle">{loading ? 'Dichtheid wordt berekend…' : ''}</p>}
      {on && meta && layer && (
        <div role="group" aria-label="Legenda dichtheidskaart">
          <p className="legend-subtitle">
            Registraties per km² · {categoryNaam}, {formatPeriod(meta.from, meta.to)} · {scopeText}
            {meta.demo && (
              <>
                {' '}
                <strong className="flag flag-demo">DEMO</strong>
              </>
            )}
          </p>
          <table className="legend-table">
            <caption className="visually-hidden">Legenda dichtheid: klassen in registraties per km²</caption>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">Kleur</th>
                <th scope="col">Registraties per km²</th>
              </tr>
            </thead>
            <tbody>
              {legendBins(layer.classification).map((bin) => (
                <tr key={bin.index}>
                  <td>
                    <span className="legend-swatch" style={{ background: bin.colour }} aria-hidden="true" />
                  </td>
                  <td className="legend-range">{binLabel(bin, 0)} per km²</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="legend-note">
            Quartic-kernel, zoekstraal h = {formatNumber(meta.bandwidthM)} m. Regel: {meta.bandwidthRule}. Rastercel {formatNumber(meta.cellM)} m,{' '}
            {formatNumber(meta.points)} registraties{meta.demo ? ' (DEMO-punten)' : ''}; cellen onder 2% van het maximum zijn weggelaten.
          </p>
        </div>
      )}
    </section>
  );
}
