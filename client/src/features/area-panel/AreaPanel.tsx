// Details for the selected area: key figures, flags in plain Dutch, monthly series, a gemeente's yearly figures and top crime types.
import { useEffect, useRef, type ReactNode } from 'react';
import type { SeriesResponse, StatsMeta, StatsRow } from '../../../../server/src/domain/model.ts';
import { explainFlag } from '../../lib/flags.ts';
import { BreakdownDemoNote } from '../demo-notice/DemoNotice.tsx';
import { changeBasis, changeText, MIN_BASE, shareShown } from '../../lib/changeText.ts';
import { formatNumber, formatPeriod } from '../../lib/format.ts';
import { SeriesChart } from './SeriesChart.tsx';
import { YearlyChart } from './YearlyChart.tsx';
import { measureInfo, type Registrations } from '../../lib/measures.ts';

export interface AreaPanelProps {
  row: StatsRow;
  meta: StatsMeta;
  series: SeriesResponse | null;
  seriesError: string | null;
  onClose: () => void;
  /** Extra sections from other features (e.g. CBS kerncijfers), shown at the end of the panel. */
  extra?: ReactNode;
  /** What the category counts, so the count is named for what it is. */
  registrations?: Registrations;
}

export function AreaPanel({ row, meta, series, seriesError, onClose, extra, registrations = 'misdrijf' }: AreaPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef<Element | null>(null);

  // Move focus into the panel when the user opens an area (from the table or the map); give it back on close.
  // Opened from a link (page load, focus still on <body>): leave focus and scroll position alone.
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return;
    if (!returnFocus.current) returnFocus.current = active;
    headingRef.current?.focus();
  }, [row.code]);
  useEffect(() => {
    return () => {
      const el = returnFocus.current;
      if (el instanceof HTMLElement && el.isConnected) el.focus();
    };
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const period = formatPeriod(meta.from, meta.to);
  const previous = formatPeriod(meta.previousFrom, meta.previousTo);
  // The breakdown belongs to the period shown above; an answer for another period is not shown.
  const samePeriod = series !== null && series.meta.from === meta.from && series.meta.to === meta.to;
  // Hidden (small) counts of a presentation screen have no share: they are left out.
  const shown = samePeriod ? series.breakdown.filter((b): b is typeof b & { count: number } => b.count !== null && b.count > 0) : [];
  const breakdownTotal = shown.reduce((s, b) => s + b.count, 0);
  const top = [...shown].sort((a, b) => b.count - a.count).slice(0, 8);
  // 2 of 9 registrations is not "22 %": below the minimum base the breakdown gives counts only.
  const shares = shareShown(breakdownTotal);
  const change = changeText(row);
  const percent = changeBasis(row.count, row.previousCount) === 'percent';

  return (
    <section className="area-panel" aria-labelledby="area-panel-title">
      <div className="area-panel-header">
        <h2 id="area-panel-title" ref={headingRef} tabIndex={-1}>
          {row.naam}
        </h2>
        <button type="button" className="close-button" onClick={onClose} aria-label={`Sluiten: details van ${row.naam}`}>
          ✕<span className="close-text">Sluiten</span>
        </button>
      </div>
      <p className="area-code">
        {row.code}
        {row.wijkcode ? ` · wijk ${row.wijkcode}` : ''} · {meta.categoryNaam}, {period}
      </p>

      <dl className="key-figures">
        <div>
          <dt>{measureInfo('count', registrations).title}</dt>
          <dd>{formatNumber(row.count)}</dd>
        </div>
        <div>
          <dt>Inwoners ({meta.populationYear})</dt>
          <dd>{formatNumber(row.population)}</dd>
        </div>
        <div>
          <dt>Per 1.000 inwoners</dt>
          <dd>{formatNumber(row.ratePer1000, 1)}</dd>
        </div>
        <div>
          <dt>Per 1.000 (EB-gecorrigeerd)</dt>
          <dd>{formatNumber(row.ratePer1000Smoothed, 1)}</dd>
        </div>
        <div>
          <dt>Per km²</dt>
          <dd>{formatNumber(row.densityPerKm2, 1)}</dd>
        </div>
        <div>
          <dt>Verandering t.o.v. {previous}</dt>
          <dd>
            {change.value}
            {/* The counts stand in the value itself where the base is too small for a percentage. */}
            {percent && row.previousCount !== null && <span className="hint"> (was {formatNumber(row.previousCount)})</span>}
            {change.reason && <span className="hint"> – {change.reason}</span>}
          </dd>
        </div>
      </dl>
      {change.explanation && <p className="hint">{change.explanation}</p>}
      {meta.referenceRatePer1000 !== null && (
        <p className="hint">Gemeente als geheel: {formatNumber(meta.referenceRatePer1000, 1)} per 1.000 inwoners.</p>
      )}

      {row.flags.length > 0 && (
        <ul className="flag-explanations">
          {row.flags.map((f) => (
            <li key={f} className={`flag-explanation flag-${f}`}>
              {explainFlag(f, row, meta.lowPopulationThreshold)}
            </li>
          ))}
        </ul>
      )}

      <h3>
        Per maand{series?.meta.demo && <> <strong className="flag flag-demo">DEMO</strong></>}
      </h3>
      {seriesError && <p className="error">Maandcijfers konden niet worden geladen: {seriesError}</p>}
      {!series && !seriesError && <p className="hint">Maandcijfers worden geladen…</p>}
      {series && <SeriesChart series={series.series} from={meta.from} to={meta.to} label={`${series.meta.categoryNaam} in ${row.naam}`} noun={measureInfo('count', registrations).title.replace(/^Aantal /, '')} />}
      {series?.yearly && (
        <>
          <h3>Per jaar</h3>
          <YearlyChart yearly={series.yearly} from={meta.from} to={meta.to} naam={row.naam} />
        </>
      )}

      {top.length > 0 && (
        <>
          <h3>Meest voorkomende soorten, {formatPeriod(meta.from, meta.to)}</h3>
          {series?.meta.breakdownDemo && <BreakdownDemoNote />}
          <table className="breakdown">
            <caption className="visually-hidden">
              Meest voorkomende soorten {registrations === 'overlast' ? 'overlast' : 'misdrijf'} in {row.naam}, {formatPeriod(meta.from, meta.to)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Soort</th>
                <th scope="col" className="num">
                  Aantal
                </th>
                {shares && (
                  <th scope="col" className="num">
                    Aandeel
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {top.map((b) => {
                const share = breakdownTotal > 0 ? (b.count / breakdownTotal) * 100 : 0;
                return (
                  <tr key={b.code}>
                    <th scope="row">
                      {b.naam}
                      <span className="bar" style={{ width: `${Math.max(2, share)}%` }} aria-hidden="true" />
                    </th>
                    <td className="num">{formatNumber(b.count)}</td>
                    {shares && <td className="num">{formatNumber(share, 0)} %</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {!shares && (
            <p className="hint">
              Geen aandelen in procenten: op {formatNumber(breakdownTotal)} {breakdownTotal === 1 ? 'registratie' : 'registraties'} (minder dan {MIN_BASE}) zegt een percentage weinig.
            </p>
          )}
        </>
      )}
      {extra}
    </section>
  );
}
