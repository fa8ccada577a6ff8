// Toggle and legend of the registrations as points (restricted): colours per main group with their counts, DEMO.
import { useId } from 'react';
import type { IncidentsResponse } from '../../api/client.ts';
import { formatNumber, formatPeriod } from '../../lib/format.ts';
import type { IncidentGroup } from './incidentGroups.ts';

export interface IncidentsPanelProps {
  on: boolean;
  onChange: (on: boolean) => void;
  data: IncidentsResponse | null;
  groups: IncidentGroup[];
  error: string | null;
  loading: boolean;
  /** "wijk WK093502" or "heel Maastricht". */
  scopeText: string;
  categoryNaam: string;
}

export function IncidentsPanel({ on, onChange, data, groups, error, loading, scopeText, categoryNaam }: IncidentsPanelProps) {
  const id = useId();
  const meta = data?.meta;
  return (
    <section className="heatmap-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="legend-title">
        Registraties als punten
      </h2>
      <div className="field field-check">
        <input id={`${id}-toggle`} type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} />
        <label htmlFor={`${id}-toggle`}>Punten tonen</label>
      </div>
      {on && error && <p className="error">{error}</p>}
      {on && !data && !error && <p className="legend-subtitle">{loading ? 'Registraties worden geladen…' : ''}</p>}
      {on && meta && (
        <div role="group" aria-label="Legenda registraties">
          <p className="legend-subtitle">
            {formatNumber(meta.count)} registraties · {categoryNaam}, {formatPeriod(meta.from, meta.to)} · {scopeText}
            {meta.demo && (
              <>
                {' '}
                <strong className="flag flag-demo">DEMO</strong>
              </>
            )}
          </p>
          <table className="legend-table incidents-legend">
            <caption className="visually-hidden">Legenda registraties: kleur per hoofdgroep, met het aantal punten</caption>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">Kleur</th>
                <th scope="col">Hoofdgroep</th>
                <th scope="col">Aantal</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.code}>
                  <td>
                    <span className="legend-swatch legend-dot" style={{ background: g.colour }} aria-hidden="true" />
                  </td>
                  <td className="legend-range">{g.naam}</td>
                  <td className="legend-count">{formatNumber(g.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="legend-note">
            Punten dicht bij elkaar zijn samengevoegd tot een blauwe cirkel (groter = meer registraties); klik erop om in te zoomen, klik op een punt
            voor datum, soort, straat en buurt.{meta.demo ? ' DEMO-punten zijn gegenereerd op verzonnen straten, passend bij de maandcijfers.' : ''}
          </p>
        </div>
      )}
    </section>
  );
}
