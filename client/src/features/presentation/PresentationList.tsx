// What the presentatie role sees outside a presentation: the saved draaiboeken, each a link that presents it.
import { errorText, usePresentationsQuery } from '../../api/queries.ts';

export function PresentationList() {
  const query = usePresentationsQuery();
  const list = query.data ?? null;
  const error = query.error ? errorText(query.error) : null;
  return (
    <main id="inhoud" className="page" tabIndex={-1}>
      <h2>Presentaties</h2>
      <p className="page-summary">Kies een draaiboek om te presenteren. Kleine aantallen worden in een presentatie altijd afgeschermd.</p>
      {error && <p className="error">Presentaties konden niet worden geladen. {error}</p>}
      {list && list.length === 0 && (
        <p>
          Er zijn nog geen draaiboeken opgeslagen. Een analist of beheerder stelt er een samen op de kaart, onder
          &lsquo;Draaiboek voor een presentatie&rsquo;; daarna staat het hier.
        </p>
      )}
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
