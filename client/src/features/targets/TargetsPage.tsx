// The "Doelen" page: one card per effect indicator of the plan, printable (see @media print in app.css).
import type { TargetOut } from '../../api/client.ts';
import { STATUS, STATUS_ORDER } from './targetText.ts';
import { TargetCard } from './TargetCard.tsx';

export interface TargetsPageProps {
  gemeenteNaam: string;
  targets: TargetOut[] | null;
  error: string | null;
}

export function TargetsPage({ gemeenteNaam, targets, error }: TargetsPageProps) {
  const counts = targets ? STATUS_ORDER.map((s) => ({ s, n: targets.filter((t) => t.status === s).length })).filter((c) => c.n > 0) : [];
  const ended = targets?.filter((t) => t.planEnded) ?? [];
  const planEnd = ended.length ? Math.max(...ended.flatMap((t) => t.targets.map((x) => x.year))) : null;
  const demo = targets?.some((t) => t.demo) ?? false;
  return (
    <section className="page targets-page" aria-labelledby="targets-title">
      <div className="page-header">
        <div>
          <h2 id="targets-title">Doelen veiligheidsplan — {gemeenteNaam}</h2>
          {targets && targets.length > 0 && (
            <p className="page-summary">
              {targets.length} effectindicatoren: {counts.map(({ s, n }) => `${n} ${STATUS[s].word.toLowerCase()}`).join(', ')}.
            </p>
          )}
        </div>
        <button type="button" className="print-button" onClick={() => window.print()}>
          Afdrukken
        </button>
      </div>
      {planEnd !== null && (
        <p className="page-summary" role="note">
          De planperiode liep tot en met {planEnd}; er zijn geen latere doelen vastgesteld. Een doel is alleen gehaald of niet
          gehaald op een echte meting van hetzelfde jaar, met dezelfde bron en definitie als het plan.
        </p>
      )}
      {demo && (
        <p className="demo-inline" role="note">
          <strong>DEMO:</strong> gemeten waarden met het merkteken DEMO zijn (deels) gegenereerd; zie de toelichting per kaart.
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          Doelen konden niet worden geladen: {error}
        </p>
      )}
      {!targets && !error && <p className="hint">Doelen worden geladen…</p>}
      {targets && targets.length === 0 && (
        <p>Voor {gemeenteNaam} zijn geen doelen vastgelegd. De beheerder kan doelen toevoegen.</p>
      )}
      <div className="target-grid">
        {targets?.map((t) => (
          <TargetCard key={t.id} target={t} />
        ))}
      </div>
    </section>
  );
}
