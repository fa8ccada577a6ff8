// Hotspot layer toggle, method choice and its own legend: the classes after FDR with the number of areas in each.
import { useId } from 'react';
import type { HotspotsResponse } from '../../api/client.ts';
import { formatNumber, formatPeriod } from '../../lib/format.ts';
import { FDR_EXPLANATION, HOTSPOT_MEASURE_NAMES, METHOD_NAMES } from '../../lib/hotspotWords.ts';
import { HOTSPOT_STYLES, type HotspotClassKey } from '../../lib/overlayStyles.ts';
import { HotspotSwatch } from './HotspotSwatch.tsx';

export type HotspotMethodChoice = 'gistar' | 'lisa';

export interface HotspotCounts {
  byClass: Record<HotspotClassKey, number>;
  /** Areas that took no part in the test (too few inhabitants for a rate, or no data); they are in 'none' too. */
  excluded: number;
  total: number;
}

export function countHotspotClasses(rows: HotspotsResponse['rows']): HotspotCounts {
  const byClass = Object.fromEntries(HOTSPOT_STYLES.map((s) => [s.key, 0])) as Record<HotspotClassKey, number>;
  let excluded = 0;
  for (const r of rows) {
    byClass[r.class as HotspotClassKey] = (byClass[r.class as HotspotClassKey] ?? 0) + 1;
    if (r.excluded) excluded++;
  }
  return { byClass, excluded, total: rows.length };
}

export interface HotspotPanelProps {
  method: HotspotMethodChoice | null;
  onChange: (method: HotspotMethodChoice | null) => void;
  data: HotspotsResponse | null;
  error: string | null;
  loading: boolean;
  /** "buurten" / "wijken" */
  areaWord: string;
}

export function HotspotPanel({ method, onChange, data, error, loading, areaWord }: HotspotPanelProps) {
  const id = useId();
  const counts = data ? countHotspotClasses(data.rows) : null;
  const meta = data?.meta;
  // Only classes that can occur at this alpha, plus any that do occur.
  const shown = HOTSPOT_STYLES.filter((s) => s.key === 'none' || (counts?.byClass[s.key] ?? 0) > 0 || confidence(s.key) >= 1 - (meta?.alpha ?? 0.05) - 1e-9);
  return (
    <section className="hotspot-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="legend-title">
        Hotspots
      </h2>
      <div className="field field-check">
        <input id={`${id}-toggle`} type="checkbox" checked={method !== null} onChange={(e) => onChange(e.target.checked ? 'gistar' : null)} />
        <label htmlFor={`${id}-toggle`}>Hotspots tonen</label>
      </div>
      {method && (
        <fieldset className="hotspot-method">
          <legend className="field-label">Methode</legend>
          {(['gistar', 'lisa'] as const).map((m) => (
            <div key={m} className="field field-check">
              <input id={`${id}-${m}`} type="radio" name={`${id}-method`} value={m} checked={method === m} onChange={() => onChange(m)} />
              <label htmlFor={`${id}-${m}`}>{METHOD_NAMES[m]}</label>
            </div>
          ))}
        </fieldset>
      )}
      {method && error && <p className="error">{error}</p>}
      {method && !data && !error && <p className="legend-subtitle">{loading ? 'Hotspots worden berekend…' : ''}</p>}
      {method && meta && counts && (
        <>
          <p className="legend-subtitle">
            {METHOD_NAMES[meta.method]} op {HOTSPOT_MEASURE_NAMES[meta.measure] ?? meta.measure} · {meta.categoryNaam}, {formatPeriod(meta.from, meta.to)}
          </p>
          <table className="legend-table hotspot-legend">
            <caption className="visually-hidden">Legenda hotspots: klassen met aantal {areaWord}</caption>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">Stijl</th>
                <th scope="col">Klasse</th>
                <th scope="col">Aantal {areaWord}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.key}>
                  <td>
                    <HotspotSwatch hotspotClass={s.key} />
                  </td>
                  <td className="legend-label">{s.label}</td>
                  <td className="legend-count">({formatNumber(counts.byClass[s.key])})</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="legend-note">
            FDR-gecorrigeerd (Benjamini–Hochberg), α = {formatNumber(meta.alpha * 100, 0)}%; {formatNumber(meta.tested)} van {formatNumber(counts.total)} {areaWord} getest
            {counts.excluded > 0 ? ` (${formatNumber(counts.excluded)} niet getest: te weinig inwoners of geen gegevens, staan bij "Niet significant")` : ''}.
            {meta.method === 'lisa' ? ' Alleen gebieden die lijken op hun buren (hoog tussen hoog, laag tussen laag); uitschieters staan in de tabel.' : ''}
          </p>
          <p className="legend-note">{FDR_EXPLANATION}</p>
          <MethodsCompared shown={meta.method} />
          <details>
            <summary>Over de berekening</summary>
            <ul className="hint-list">
              {meta.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}

/**
 * The two methods side by side, in plain words: they answer different questions, so they can point at
 * different areas (Gi* often finds hotspots where Local Moran's I finds none), and a user switching
 * between them should know why.
 */
function MethodsCompared({ shown }: { shown: HotspotMethodChoice }) {
  return (
    <details className="methods-compared">
      <summary>Gi* en Local Moran&apos;s I: het verschil</summary>
      <dl>
        <dt>
          {METHOD_NAMES.gistar}
          {shown === 'gistar' ? ' (nu getoond)' : ''}
        </dt>
        <dd>
          Kijkt naar een gebied samen met de gebieden eromheen: een hotspot is een groep aangrenzende gebieden die samen duidelijk meer registraties hebben dan gemiddeld in de gemeente. Rekent standaard met registraties per km², zodat ook gebieden met weinig inwoners (centrum,
          bedrijventerrein) meetellen.
        </dd>
        <dt>
          {METHOD_NAMES.lisa}
          {shown === 'lisa' ? ' (nu getoond)' : ''}
        </dt>
        <dd>
          Kijkt of een gebied lijkt op de gebieden eromheen: hoog tussen hoog is een hotspot, laag tussen laag een koude plek, en een gebied dat afwijkt van zijn buren een uitschieter. Rekent met registraties per 1.000 inwoners, gecorrigeerd voor kleine aantallen; gebieden met weinig
          inwoners doen niet mee. Daardoor vindt deze methode vaak minder of andere gebieden dan Gi*.
        </dd>
      </dl>
    </details>
  );
}

/** 0.99 for hot99/cold99 etc.; the classes at or above 1 − alpha can occur. */
function confidence(key: HotspotClassKey): number {
  return key === 'none' ? 0 : Number(key.slice(-2)) / 100;
}
