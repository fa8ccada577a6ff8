// Every version of the plan saved in the browser, newest first: who, when, how many indicators. An older
// version is restored by saving it again (so the restore itself is a version in the history too).
import type { PlanVersion } from '../../api/client.ts';
import { AdminTable } from './AdminTable.tsx';
import { dateTime } from './words.ts';

interface Props {
  history: PlanVersion[];
  onRestore: (version: PlanVersion) => void;
  busy: boolean;
}

export function PlanHistory({ history, onRestore, busy }: Props) {
  if (history.length === 0) return <p className="hint">Er is nog geen versie van het plan in de browser opgeslagen.</p>;
  return (
    <AdminTable
      caption="Versies van het plan (nieuwste eerst)"
      label="Versies van het plan"
      columns={['Opgeslagen', 'Door', 'Indicatoren']}
      rows={history}
      rowKey={(v) => v.id}
      cells={(v) => (
        <>
          <td>{dateTime(v.savedAt)}</td>
          <td>{v.savedBy ?? '—'}</td>
          <td className="num">{v.plan.indicators.length}</td>
        </>
      )}
      actions={(v, i) =>
        i === 0 ? (
          <span>Geldt nu</span>
        ) : (
          <button type="button" disabled={busy} onClick={() => onRestore(v)} aria-label={`Versie van ${dateTime(v.savedAt)} terugzetten`}>
            Terugzetten
          </button>
        )
      }
    />
  );
}
