// Side-by-side comparison of the shortlist: key figures, monthly series, category mix, flags, hotspot history.
import type { SeriesResponse, StatsRow } from '../../../../server/src/domain/model.ts';
import type { HotspotsResponse } from '../../api/client.ts';
import { useSeriesQueries } from '../../api/queries.ts';
import { FLAG_WORDS } from '../../lib/flags.ts';
import { changeLine, shareShown } from '../../lib/changeText.ts';
import { formatNumber } from '../../lib/format.ts';
import { classShort, TREND_WORDS, type HotspotTrendKey } from '../../lib/hotspotWords.ts';
import type { HotspotClassKey } from '../../lib/overlayStyles.ts';
import type { RankingRow } from './RankingTable.tsx';
import { Sparkline } from './Sparkline.tsx';
import { BreakdownDemoNote } from '../demo-notice/DemoNotice.tsx';

export interface ComparisonProps {
  codes: string[];
  gemeente: string;
  category: string;
  from: string;
  to: string;
  names: Map<string, string>;
  stats: Map<string, StatsRow>;
  ranking: Map<string, RankingRow>;
  hotspots: HotspotsResponse | null;
  onRemove: (code: string) => void;
}

export function Comparison({ codes, gemeente, category, from, to, names, stats, ranking, hotspots, onRemove }: ComparisonProps) {
  const answers = useSeriesQueries(codes.map((code) => ({ gemeente, code, category, from, to })));
  const series: Record<string, SeriesResponse | 'error'> = {};
  codes.forEach((code, i) => {
    const a = answers[i];
    if (a?.data) series[code] = a.data;
    else if (a?.error) series[code] = 'error';
  });

  const hotspotBy = new Map((hotspots?.rows ?? []).map((r) => [r.code, r]));
  return (
    <div className="comparison-grid">
      {codes.map((code) => {
        const naam = names.get(code) ?? code;
        const s = stats.get(code);
        const r = ranking.get(code);
        const h = hotspotBy.get(code);
        const ser = series[code];
        const shown = ser && ser !== 'error' ? ser.breakdown.filter((b): b is typeof b & { count: number } => b.count !== null && b.count > 0) : [];
        const total = shown.reduce((t, b) => t + b.count, 0);
        const top = [...shown].sort((a, b) => b.count - a.count).slice(0, 5);
        return (
          <article key={code} className="comparison-card" aria-labelledby={`cmp-${code}`}>
            <div className="comparison-head">
              <h3 id={`cmp-${code}`}>{naam}</h3>
              <button type="button" className="small-button" onClick={() => onRemove(code)} aria-label={`Haal ${naam} van de shortlist`}>
                Verwijderen
              </button>
            </div>
            <p className="area-code">
              {code}
              {r ? ` · rang ${r.rank}, score ${formatNumber(r.score * 100, 0)}` : ''}
            </p>
            <dl className="key-figures">
              <div>
                <dt>Aantal</dt>
                <dd>{formatNumber(s?.count)}</dd>
              </div>
              <div>
                <dt>Inwoners</dt>
                <dd>{formatNumber(s?.population)}</dd>
              </div>
              <div>
                <dt>Per 1.000 (EB)</dt>
                <dd>{formatNumber(s?.ratePer1000Smoothed, 1)}</dd>
              </div>
              <div>
                <dt>Per km²</dt>
                <dd>{formatNumber(s?.densityPerKm2, 0)}</dd>
              </div>
              <div>
                <dt>T.o.v. jaar eerder</dt>
                <dd>{s ? changeLine(s) : '–'}</dd>
              </div>
            </dl>
            <h4>Per maand</h4>
            {ser === 'error' ? <p className="error">Maandcijfers niet beschikbaar.</p> : ser ? <Sparkline series={ser.series} from={from} to={to} naam={naam} /> : <p className="hint">Laden…</p>}
            <h4>Meest geregistreerd</h4>
            {top.length > 0 && ser && ser !== 'error' && ser.meta.breakdownDemo && <BreakdownDemoNote />}
            {top.length > 0 ? (
              <table className="breakdown">
                <caption className="visually-hidden">Meest geregistreerde soorten in {naam}</caption>
                <tbody>
                  {top.map((b) => (
                    <tr key={b.code}>
                      <th scope="row">{b.naam}</th>
                      <td className="num">{total === 0 ? '–' : shareShown(total) ? `${formatNumber((100 * b.count) / total, 0)}%` : `${formatNumber(b.count)} van ${formatNumber(total)}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="hint">{ser ? 'Geen registraties.' : ''}</p>
            )}
            <h4>Hotspot-historie</h4>
            {h ? (
              <p>
                {classShort(h.class as HotspotClassKey)} in de periode; {formatNumber(h.monthsSignificant)} van de laatste {hotspots!.meta.historyMonths} maanden een significante hotspot; trend:{' '}
                {TREND_WORDS[h.trend as HotspotTrendKey] ?? h.trend}.
              </p>
            ) : (
              <p className="hint">Niet beschikbaar.</p>
            )}
            <h4>Signalen</h4>
            {s && s.flags.filter((f) => f !== 'demo').length > 0 ? (
              <ul className="flag-list">
                {s.flags
                  .filter((f) => f !== 'demo')
                  .map((f) => (
                    <li key={f} className={`flag flag-${f}`}>
                      {FLAG_WORDS[f]}
                    </li>
                  ))}
              </ul>
            ) : (
              <p className="hint">Geen.</p>
            )}
          </article>
        );
      })}
    </div>
  );
}
