// One effect indicator of the plan: baseline, targets, measured values per year (chart + table), status
// in words, colour and icon, and the notes that qualify it.
import type { TargetOut } from '../../api/client.ts';
import { formatValue, metText, STATUS, statusExplanation, targetText, yearRows } from './targetText.ts';
import { TargetChart } from './TargetChart.tsx';

export function TargetCard({ target }: { target: TargetOut }) {
  const status = STATUS[target.status];
  const titleId = `target-${target.id}`;
  const rows = yearRows(target);
  return (
    <article className={`target-card ${status.className}`} aria-labelledby={titleId}>
      <header className="target-card-header">
        <h3 id={titleId}>{target.label}</h3>
        <p className={`target-status ${status.className}`}>
          <span className="target-status-icon" aria-hidden="true">
            {status.icon}
          </span>{' '}
          {status.word}
        </p>
      </header>
      <p className="target-explain">{statusExplanation(target)}</p>
      <dl className="target-facts">
        <div>
          <dt>Bron</dt>
          <dd>{target.source === 'politie' ? 'Politieregistraties' : 'Veiligheidsmonitor'}</dd>
        </div>
        <div>
          <dt>Nulmeting</dt>
          <dd>
            {formatValue(target.baseline.value, target.unit)} ({target.baseline.year})
          </dd>
        </div>
        <div>
          <dt>Doelen</dt>
          <dd>
            <ul className="target-list">
              {target.targets.map((t) => (
                <li key={t.year}>
                  {t.year}: {targetText(t, target.unit)} — {metText(t)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <TargetChart target={target} titleId={titleId} />
      <p className="target-key" aria-hidden="true">
        <span className="key-target">◆ - - doel</span> <span className="key-actual">● gemeten</span> <span className="key-actual">○ DEMO</span>{' '}
        <span className="key-actual">■ plan</span>
      </p>
      <table className="target-table">
        <caption className="visually-hidden">Doelen en gemeten waarden per jaar: {target.label}</caption>
        <thead>
          <tr>
            <th scope="col">Jaar</th>
            <th scope="col">Doel</th>
            <th scope="col" className="num">
              Gemeten
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.year}>
              <th scope="row">{r.year}</th>
              <td>{r.target ? targetText(r.target, target.unit) : '–'}</td>
              <td className="num">
                {formatValue(r.value, target.unit)}
                {r.demo && <span className="flag flag-demo"> DEMO</span>}
                {r.otherDefinition && <span className="hint"> (andere definitie)</span>}
                {r.fromPlan && <span className="hint"> (plan)</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="target-source hint">Bron: {target.bron}</p>
      {target.notes.length > 0 && (
        <ul className="target-notes">
          {target.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
