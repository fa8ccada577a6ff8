// The evaluation page: saved evaluations of the gemeente, the chosen one's result, and a form for a new one.
import { useEffect, useMemo, useState } from 'react';
import {
  fetchAttentionAreas, fetchBuurtNames, fetchEvaluation, fetchEvaluations, isAbort,
  type AttentionArea, type EvaluationListItem, type EvaluationResponse,
} from '../../api/client.ts';
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

export function EvaluationPage({ gemeente, gemeenteNaam, categories, from, to, mayWrite }: EvaluationPageProps) {
  const [list, setList] = useState<EvaluationListItem[]>([]);
  const [chosen, setChosen] = useState<number | null>(null);
  const [result, setResult] = useState<EvaluationResponse | null>(null);
  const [buurten, setBuurten] = useState<{ code: string; naam: string }[]>([]);
  const [attention, setAttention] = useState<AttentionArea[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    const ac = new AbortController();
    Promise.all([fetchEvaluations(gemeente, ac.signal), fetchBuurtNames({ gemeente, from, to }, ac.signal), fetchAttentionAreas(gemeente, ac.signal)]).then(
      ([evaluations, names, areas]) => {
        setList(evaluations);
        setBuurten(names);
        setAttention(areas);
        setError(null);
      },
      (e) => {
        if (!isAbort(e)) setError('De evaluaties konden niet worden geladen.');
      },
    );
    return () => ac.abort();
  }, [gemeente, from, to, revision]);

  useEffect(() => {
    if (chosen === null) return setResult(null);
    const ac = new AbortController();
    fetchEvaluation(chosen, ac.signal).then(
      (r) => setResult(r),
      (e) => {
        if (!isAbort(e)) setError('Deze evaluatie kon niet worden berekend.');
      },
    );
    return () => ac.abort();
  }, [chosen]);

  const names = useMemo(() => new Map(buurten.map((b) => [b.code, b.naam])), [buurten]);
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
            </li>
          ))}
        </ul>
      )}
      {result && result.meta.id === chosen && <EvaluationResult data={result} names={names} />}
      {mayWrite && (
        <EvaluationForm
          key={gemeente}
          buurten={buurten}
          attentionAreas={attention}
          categories={categories}
          defaultStart={from}
          onCreated={(id) => {
            setRevision((r) => r + 1);
            setChosen(id);
          }}
        />
      )}
    </section>
  );
}
