// Attention areas beside the map: layer toggle, the numbered list that is the map's key (no map labels
// offline), and a filter that restricts the figures to one area.
import { useId } from 'react';
import type { AttentionArea, AttentionAreaSummary } from '../../api/client.ts';
import { formatNumber, pluralArea } from '../../lib/format.ts';
import { AttentionSwatch } from './AttentionSwatch.tsx';

export interface AttentionAreasPanelProps {
  areas: AttentionArea[];
  error: string | null;
  visible: boolean;
  onVisibleChange: (visible: boolean) => void;
  /** The attention area the figures are restricted to; null = whole gemeente. */
  area: number | null;
  onAreaChange: (id: number | null) => void;
  /** `meta.area` of the stats response while restricted. */
  summary: AttentionAreaSummary | null;
  onDelete?: (area: AttentionArea) => void;
}

export function AttentionAreasPanel({ areas, error, visible, onVisibleChange, area, onAreaChange, summary, onDelete }: AttentionAreasPanelProps) {
  const id = useId();
  return (
    <section className="attention-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="legend-title">
        Aandachtsgebieden
      </h2>
      {error && <p className="error">{error}</p>}
      {areas.length === 0 ? (
        <p className="hint">Nog geen aandachtsgebieden voor deze gemeente. Maak er een in de Werkbank van aangevinkte buurten of uit een GeoJSON-bestand.</p>
      ) : (
        <>
          <div className="field field-check">
            <input id={`${id}-toggle`} type="checkbox" checked={visible || area !== null} disabled={area !== null} onChange={(e) => onVisibleChange(e.target.checked)} />
            <label htmlFor={`${id}-toggle`}>Aandachtsgebieden</label>
          </div>
          <p className="hint">Op de kaart: omlijning met het nummer uit deze lijst.</p>
          <ol className="attention-list">
            {areas.map((a, i) => (
              <li key={a.id}>
                <AttentionSwatch index={i} />
                <span className="attention-name">
                  <span className="visually-hidden">{i + 1}. </span>
                  {a.name}
                  <span className="hint">
                    {' '}
                    {a.kindNaam} · {pluralArea(a.codes.length, 'buurt')}
                  </span>
                </span>
                {onDelete && (
                  <button type="button" className="small-button" onClick={() => onDelete(a)} aria-label={`Verwijder aandachtsgebied ${a.name}`}>
                    Verwijderen
                  </button>
                )}
              </li>
            ))}
          </ol>
          <div className="field">
            <label htmlFor={`${id}-filter`}>Cijfers beperken tot</label>
            <select id={`${id}-filter`} value={area ?? ''} onChange={(e) => onAreaChange(e.target.value ? Number(e.target.value) : null)}>
              <option value="">Hele gemeente</option>
              {areas.map((a, i) => (
                <option key={a.id} value={a.id}>
                  {i + 1}. {a.name}
                </option>
              ))}
            </select>
          </div>
          {summary && (
            <dl className="key-figures attention-summary" aria-label={`${summary.name} als geheel`}>
              <div>
                <dt>Aantal</dt>
                <dd>{formatNumber(summary.total.count)}</dd>
              </div>
              <div>
                <dt>Inwoners</dt>
                <dd>{formatNumber(summary.total.population)}</dd>
              </div>
              <div>
                <dt>Per 1.000 inwoners</dt>
                <dd>{formatNumber(summary.total.ratePer1000, 1)}</dd>
              </div>
              <div>
                <dt>Per km²</dt>
                <dd>{formatNumber(summary.total.densityPerKm2, 1)}</dd>
              </div>
            </dl>
          )}
        </>
      )}
    </section>
  );
}
