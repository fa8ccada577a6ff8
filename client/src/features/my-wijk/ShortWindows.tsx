// The last 7 and 28 days of the wijk, up to its newest registration: against the same days a year earlier and
// against the mean of the windows before, with chance named (changeWords.ts).
import type { MyWijkResponse } from '../../api/client.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { changeText } from './changeWords.ts';

type Window = MyWijkResponse['windows'][number];

function WindowTable({ w, week }: { w: Window; week: string | null }) {
  const span = `${formatDate(w.from, 'short')} – ${formatDate(w.to, 'short')}`;
  const n = week ? Number(week.slice(6)) : null;
  const title = n === null ? `Laatste ${w.days} dagen (${span})` : w.days === 7 ? `Week ${n} (${span})` : `4 weken tot en met week ${n} (${span})`;
  return (
    // Focusable and named: a table that scrolls sideways on a narrow screen must be reachable by keyboard.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
      <table className="breakdown my-wijk-table window-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Categorie</th>
            <th scope="col" className="num">
              Nu <span className="th-note">(verschil)</span>
            </th>
            <th scope="col" className="num">
              Jaar
              <br />
              eerder
            </th>
            <th scope="col" className="num">
              <abbr title="Gemiddeld over de periodes ervoor">Gem.</abbr>
            </th>
          </tr>
        </thead>
        <tbody>
          {w.rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">{r.naam}</th>
              <td className="num">
                {formatNumber(r.count)}
                {/* Under the count: a narrow panel has no room for a fifth column. */}
                <span className="cell-note">{changeText(r.count, r.lastYearCount, null, r.changeSignificant)}</span>
              </td>
              <td className="num">{formatNumber(r.lastYearCount)}</td>
              <td className="num">{formatNumber(r.averageCount, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ShortWindows({ windows, demo, week }: { windows: Window[]; demo: boolean; week: string | null }) {
  if (windows.length === 0) return null;
  return (
    <section aria-labelledby="short-windows-title">
      <h3 id="short-windows-title">{week ? `Week ${Number(week.slice(6))}` : 'Laatste dagen'}</h3>
      <p className="hint">
        {week ? `Tot en met zondag ${formatDate(windows[0].to, 'long')}.` : `Tot en met de nieuwste registratie, ${formatDate(windows[0].to, 'long')}.`} Jaar eerder: dezelfde dagen 52 weken terug. Gemiddeld: over de
        periodes van even lang ervoor ({windows.map((w) => `${formatNumber(w.history)} × ${formatNumber(w.days)} dagen`).join(', ')}). &ldquo;Toeval&rdquo;: het
        verschil met een jaar eerder is niet groter dan toeval kan verklaren.{demo ? ' DEMO: de registraties per dag zijn gegenereerd; alleen de jaartotalen per buurt zijn echt.' : ''}
      </p>
      {windows.map((w) => (
        <WindowTable key={w.days} w={w} week={week} />
      ))}
    </section>
  );
}
