// Every version of the plan saved in the browser, newest first: who, when, how many indicators. An older
// version is restored by saving it again (so the restore itself is a version in the history too).
import type { PlanVersion } from '../../api/client.ts';
import { dateTime } from './words.ts';

interface Props {
  history: PlanVersion[];
  onRestore: (version: PlanVersion) => void;
  busy: boolean;
}

export function PlanHistory({ history, onRestore, busy }: Props) {
  if (history.length === 0) return <p className="hint">Er is nog geen versie van het plan in de browser opgeslagen.</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Versies van het plan">
      <table className="area-table">
        <caption>Versies van het plan (nieuwste eerst)</caption>
        <thead>
          <tr>
            <th scope="col">Opgeslagen</th>
            <th scope="col">Door</th>
            <th scope="col">Indicatoren</th>
            <th scope="col">
              <span className="visually-hidden">Acties</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {history.map((v, i) => (
            <tr key={v.id}>
              <td>{dateTime(v.savedAt)}</td>
              <td>{v.savedBy ?? '—'}</td>
              <td className="num">{v.plan.indicators.length}</td>
              <td>
                {i === 0 ? (
                  <span>Geldt nu</span>
                ) : (
                  <button type="button" disabled={busy} onClick={() => onRestore(v)} aria-label={`Versie van ${dateTime(v.savedAt)} terugzetten`}>
                    Terugzetten
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
