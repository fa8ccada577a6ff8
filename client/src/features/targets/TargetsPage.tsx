// The "Doelen" page: one card per effect indicator of the plan, printable (see @media print in app.css).
import type { TargetOut } from '../../api/client.ts';
import { STATUS } from './targetText.ts';
import { TargetCard } from './TargetCard.tsx';

export interface TargetsPageProps {
  gemeenteNaam: string;
  targets: TargetOut[] | null;
  error: string | null;
}

export function TargetsPage({ gemeenteNaam, targets, error }: TargetsPageProps) {
  const counts = targets ? (['onTrack', 'offTrack', 'noData'] as const).map((s) => ({ s, n: targets.filter((t) => t.status === s).length })) : [];
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
        <p>Voor {gemeenteNaam} zijn geen doelen vastgelegd. De beheerder kan ze toevoegen in targets.json.</p>
      )}
      <div className="target-grid">
        {targets?.map((t) => (
          <TargetCard key={t.id} target={t} />
        ))}
      </div>
    </section>
  );
}
