// "Signalen": the areas whose month is out of the ordinary against their own history, one sentence
// each, outlined on the map (solid: more than expected, dashed: fewer).
import { useEffect, useMemo, useRef } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { errorText, useSignalsQuery } from '../../api/queries.ts';
import { formatMonth, formatNumber } from '../../lib/format.ts';
import { SignalOverlay, type SignalKind } from './signalOverlay.ts';

export interface SignalsPanelProps {
  gemeente: string;
  level: 'buurt' | 'wijk';
  category: string;
  /** The month tested (the last month of the chosen period). */
  month: string;
  /** The map to outline the areas on (null while it is not ready). */
  map: MapLibreMap | null;
  onSelect?: (code: string) => void;
}

export function SignalsPanel({ gemeente, level, category, month, map, onSelect }: SignalsPanelProps) {
  const query = useSignalsQuery({ gemeente, level, category, month });
  const data = query.data ?? null;
  const error = query.error ? `Signalen konden niet worden berekend. ${errorText(query.error)}` : null;
  const overlay = useRef<SignalOverlay | null>(null);

  const current = data && data.meta.gemeente === gemeente && data.meta.level === level && data.meta.category === category && data.meta.month === month ? data : null;
  const flagged = useMemo(() => (current ? current.rows.filter((r) => r.signal !== null) : []), [current]);

  useEffect(() => {
    if (!map) return;
    const o = new SignalOverlay();
    o.add(map);
    overlay.current = o;
    return () => {
      o.remove();
      overlay.current = null;
    };
  }, [map]);

  useEffect(() => {
    overlay.current?.update(level, new Map(flagged.map((r) => [r.code, r.signal as SignalKind])));
  }, [flagged, level, map]);

  const monthName = formatMonth(month, 'long');
  return (
    <section className="panel signals-panel" aria-labelledby="signalen-title">
      <h2 id="signalen-title">Signalen</h2>
      <p className="hint">
        {level === 'buurt' ? 'Buurten' : 'Wijken'} waar het aantal in {monthName} duidelijk afwijkt van wat op grond van hun eigen voorgaande jaren te verwachten was. Op de kaart: doorgetrokken
        paarse rand = meer dan verwacht, gestippelde blauwe rand = minder.
      </p>
      {error && <p role="alert">{error}</p>}
      {current?.meta.demo && (
        <p className="demo-label">
          <strong>DEMO</strong> – de maandcijfers zijn (deels) gegenereerd; deze signalen zeggen niets over de werkelijkheid.
        </p>
      )}
      {current &&
        (flagged.length === 0 ? (
          <p>
            Geen {level === 'buurt' ? 'buurten' : 'wijken'} met een signaal in {monthName} ({formatNumber(current.meta.tested)} getoetst).
          </p>
        ) : (
          <ul className="signal-list">
            {flagged.map((r) => (
              <li key={r.code}>
                <span className="signal-kind">{r.signal === 'higher' ? 'Meer dan verwacht' : 'Minder dan verwacht'}:</span>{' '}
                {onSelect ? (
                  <button type="button" className="link-button" onClick={() => onSelect(r.code)}>
                    {r.sentence}
                  </button>
                ) : (
                  r.sentence
                )}
              </li>
            ))}
          </ul>
        ))}
      {current && (
        <details>
          <summary>Hoe is dit berekend?</summary>
          <p>{current.meta.methodText}</p>
          {current.meta.notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </details>
      )}
    </section>
  );
}
