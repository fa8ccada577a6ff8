// "Mijn wijk": the wijkagent's own district at a glance — latest month against a year earlier, busiest
// streets, recent registrations and the hotspot status of its buurten. Restricted: own area only.
import { useRef, useState } from 'react';
import { wijkbriefUrl, type MyWijkPeriod, type MyWijkResponse } from '../../api/client.ts';
import { errorText, useMyWijkQuery } from '../../api/queries.ts';
import { formatMonth, formatNumber, formatPeriod } from '../../lib/format.ts';
import { classShort, TREND_WORDS, type HotspotTrendKey } from '../../lib/hotspotWords.ts';
import type { HotspotClassKey } from '../../lib/overlayStyles.ts';
import { changeText } from './changeWords.ts';
import { RecentRegistrations, type RecentRegistration } from './RecentRegistrations.tsx';
import { ShortWindows } from './ShortWindows.tsx';
import { WijkSignals } from './WijkSignals.tsx';
import { PeriodChoice } from './PeriodChoice.tsx';


export interface MyWijkPanelProps {
  wijk: string;
  onClose: () => void;
  /** Shows one registration on the map (with its popup). */
  onShowRegistration: (r: RecentRegistration) => void;
}

export function MyWijkPanel({ wijk, onClose, onShowRegistration }: MyWijkPanelProps) {
  const [period, setPeriod] = useState<MyWijkPeriod>({});
  const query = useMyWijkQuery(wijk, period);
  const data = query.data ?? null;
  const error = query.error ? errorText(query.error) : null;
  const headingRef = useRef<HTMLHeadingElement>(null);


  return (
    <section className="area-panel my-wijk" aria-labelledby="my-wijk-title">
      <div className="area-panel-header">
        <h2 id="my-wijk-title" ref={headingRef} tabIndex={-1}>
          Mijn wijk{data ? `: ${data.meta.naam}` : ''}
        </h2>
        <button type="button" className="close-button" onClick={onClose} aria-label="Sluiten: Mijn wijk">
          ✕<span className="close-text">Sluiten</span>
        </button>
      </div>
      <p className="area-code">
        {wijk} · alleen voor uw eigen gebied
        {data?.meta.demo && (
          <>
            {' '}
            · <strong className="flag flag-demo">DEMO</strong>
          </>
        )}
      </p>
      <p>
        <a className="button-link" href={wijkbriefUrl(wijk, period)} target="_blank" rel="noopener">
          Wijkbrief (PDF, {period.week ? `4 weken t/m week ${period.week.slice(6)}` : 'laatste 28 dagen'})
        </a>
      </p>
      <PeriodChoice period={period} onChange={setPeriod} />
      {error && <p className="error">Mijn wijk kon niet worden geladen: {error}</p>}
      {!data && !error && <p className="hint">Mijn wijk wordt geladen…</p>}
      {data && <MyWijkContent data={data} onShowRegistration={onShowRegistration} />}
    </section>
  );
}

export function MyWijkContent({ data, onShowRegistration }: { data: MyWijkResponse; onShowRegistration: (r: RecentRegistration) => void }) {
  const { meta } = data;
  const month = formatMonth(meta.month, 'long');
  const before = formatMonth(meta.compareMonth, 'long');
  return (
    <>
      <ShortWindows windows={data.windows} demo={meta.demo} week={meta.week} />
      <h3>Laatste maand tegenover een jaar eerder</h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={`Registraties per hoofdcategorie in ${month} tegenover ${before}`}>
        <table className="breakdown my-wijk-table window-table">
          <caption className="visually-hidden">
            Registraties per hoofdcategorie in {month} tegenover {before}
          </caption>
          <thead>
            <tr>
              <th scope="col">Categorie</th>
              <th scope="col" className="num">
                {formatMonth(meta.month)}
              </th>
              <th scope="col" className="num">
                {formatMonth(meta.compareMonth)}
              </th>
              <th scope="col" className="num">
                Verandering
              </th>
            </tr>
          </thead>
          <tbody>
            {data.categories.map((c) => (
              <tr key={c.code}>
                <th scope="row">{c.naam}</th>
                <td className="num">{formatNumber(c.count)}</td>
                <td className="num">{formatNumber(c.previousCount)}</td>
                <td className="num">{changeText(c.count, c.previousCount, c.changePct, c.changeSignificant)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>Drukste straten</h3>
      <p className="hint">
        Registraties {formatPeriod(meta.streetsFrom, meta.streetsTo)}
        {meta.streetsCompareFrom && meta.streetsCompareTo ? `, tegenover ${formatPeriod(meta.streetsCompareFrom, meta.streetsCompareTo)}` : ''}
        {meta.demo ? ' (DEMO: verzonnen straatnamen)' : ''}
      </p>
      <table className="breakdown window-table">
        <caption className="visually-hidden">Straten met de meeste registraties, {formatPeriod(meta.streetsFrom, meta.streetsTo)}, en een jaar eerder</caption>
        <thead>
          <tr>
            <th scope="col">Straat</th>
            <th scope="col" className="num">
              Aantal <span className="th-note">(verschil)</span>
            </th>
            <th scope="col" className="num">
              Jaar
              <br />
              eerder
            </th>
          </tr>
        </thead>
        <tbody>
          {data.streets.map((s) => (
            <tr key={s.straat}>
              <th scope="row">{s.straat}</th>
              <td className="num">
                {formatNumber(s.count)}
                <span className="cell-note">{changeText(s.count, s.lastYearCount, null, s.changeSignificant)}</span>
              </td>
              <td className="num">{formatNumber(s.lastYearCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <RecentRegistrations recent={data.recent} onShow={onShowRegistration} />

      <h3>Hotspotstatus van de buurten</h3>
      <p className="hint">Getis-Ord Gi* op registraties per km², laatste 12 maanden tot en met {month}</p>
      <table className="breakdown">
        <caption className="visually-hidden">Hotspotstatus per buurt</caption>
        <thead>
          <tr>
            <th scope="col">Buurt</th>
            <th scope="col">Klasse</th>
            <th scope="col">Trend</th>
          </tr>
        </thead>
        <tbody>
          {data.buurten.map((b) => (
            <tr key={b.code}>
              <th scope="row">{b.naam}</th>
              <td>{classShort(b.class as HotspotClassKey)}</td>
              <td>{TREND_WORDS[b.trend as HotspotTrendKey] ?? b.trend}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <WijkSignals gemeente={meta.gemeente} month={meta.month} codes={data.buurten.map((b) => b.code)} />
    </>
  );
}
