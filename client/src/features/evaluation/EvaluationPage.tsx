// The evaluation page: saved evaluations of the gemeente, the chosen one's result, and a form for a new one.
import { useMemo, useState } from 'react';
import type { AttentionArea, EvaluationListItem } from '../../api/client.ts';
import { useAttentionAreasQuery, useBuurtNamesQuery, useEvaluationQuery, useEvaluationsQuery, useInvalidate } from '../../api/queries.ts';
import type { Category } from '../../../../server/src/api/types.ts';
import { formatMonth } from '../../lib/format.ts';
import { EvaluationForm } from './EvaluationForm.tsx';
import { EvaluationResult } from './EvaluationResult.tsx';

export interface EvaluationPageProps {
  gemeente: string;
  gemeenteNaam: string;
  categories: Category[];
  /** The period on the map: the buurten list is read for it, its first month is the form's default start. */
  from: string;
  to: string;
  /** Writing is not for every role (the presentatie role only reads). */
  mayWrite: boolean;
}

const NO_EVALUATIONS: EvaluationListItem[] = [];
const NO_BUURTEN: { code: string; naam: string }[] = [];
const NO_AREAS: AttentionArea[] = [];

export function EvaluationPage({ gemeente, gemeenteNaam, categories, from, to, mayWrite }: EvaluationPageProps) {
  const [chosen, setChosen] = useState<number | null>(null);
  const evaluations = useEvaluationsQuery(gemeente);
  const names = useBuurtNamesQuery({ gemeente, from, to });
  const areas = useAttentionAreasQuery(gemeente);
  const evaluation = useEvaluationQuery(chosen);
  const invalidate = useInvalidate();
  const list = evaluations.data ?? NO_EVALUATIONS;
  const buurten = names.data ?? NO_BUURTEN;
  const attention = areas.data ?? NO_AREAS;
  const result = chosen === null ? null : (evaluation.data ?? null);
  const error =
    evaluations.error || names.error || areas.error
      ? 'De evaluaties konden niet worden geladen.'
      : evaluation.error
        ? 'Deze evaluatie kon niet worden berekend.'
        : null;

  const nameOf = useMemo(() => new Map(buurten.map((b) => [b.code, b.naam])), [buurten]);
  const categoryName = (code: string) => categories.find((c) => c.code === code)?.naam ?? code;
  return (
    <section className="evaluation-page" aria-labelledby="evaluatie-titel">
      <h2 id="evaluatie-titel">Effect van een aanpak – {gemeenteNaam}</h2>
      <p>
        Werkte de aanpak in een aantal buurten? Deze pagina vergelijkt de ontwikkeling in de aanpakbuurten met die in vergelijkbare buurten zonder aanpak, en zegt
        hoe zeker die uitkomst is.
      </p>
      {error && <p role="alert">{error}</p>}
      <h3>Opgeslagen evaluaties</h3>
      {list.length === 0 ? (
        <p>Nog geen evaluaties voor deze gemeente.</p>
      ) : (
        <ul className="evaluation-list">
          {list.map((e) => (
            <li key={e.id}>
              <button type="button" className="link-button" aria-pressed={chosen === e.id} onClick={() => setChosen(e.id)}>
                {e.name}
              </button>{' '}
              – start {formatMonth(e.start, 'long')}, {e.categories.map(categoryName).join(', ')}
              {e.createdBy ? ` · door ${e.createdBy}` : ''}
              {e.shared ? '' : ' · privé'}
            </li>
          ))}
        </ul>
      )}
      {result && result.meta.id === chosen && <EvaluationResult data={result} names={nameOf} />}
      {!mayWrite && <p>Een nieuwe evaluatie maken kan wie is aangemeld als analist of beheerder.</p>}
      {mayWrite && (
        <EvaluationForm
          key={gemeente}
          buurten={buurten}
          attentionAreas={attention}
          categories={categories}
          defaultStart={from}
          onCreated={(id) => {
            invalidate(['evaluations']);
            setChosen(id);
          }}
        />
      )}
    </section>
  );
}
