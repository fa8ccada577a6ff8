// What the presentatie role sees outside a presentation: the saved draaiboeken, each a link that presents it.
import { useEffect, useState } from 'react';
import { fetchPresentations, isAbort, type PresentationOut } from '../../api/client.ts';

export function PresentationList() {
  const [list, setList] = useState<PresentationOut[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ac = new AbortController();
    fetchPresentations(ac.signal).then(setList, (e) => !isAbort(e) && setError(e instanceof Error ? e.message : String(e)));
    return () => ac.abort();
  }, []);
  return (
    <main id="inhoud" className="page" tabIndex={-1}>
      <h2>Presentaties</h2>
      <p className="page-summary">Kies een draaiboek om te presenteren. Kleine aantallen worden in een presentatie altijd afgeschermd.</p>
      {error && <p className="error">Presentaties konden niet worden geladen: {error}</p>}
      {list && list.length === 0 && <p>Er zijn nog geen draaiboeken opgeslagen.</p>}
      {list && list.length > 0 && (
        <ul className="presentation-list">
          {list.map((p) => (
            <li key={p.id}>
              <a href={p.url}>{p.title}</a> <span className="hint">({p.views.length} weergaven)</span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
