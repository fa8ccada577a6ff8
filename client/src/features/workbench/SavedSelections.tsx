// Saved selections: store the shortlist with a name and a note; open or delete the ones of this gemeente.
import { useCallback, useId, useState, type FormEvent } from 'react';
import { ApiRequestError, createSelection, deleteSelection, type Selection } from '../../api/client.ts';
import { errorText, useInvalidate, useSelectionsQuery } from '../../api/queries.ts';

const NONE: Selection[] = [];
import { pluralArea } from '../../lib/format.ts';

export interface SavedSelectionsProps {
  gemeente: string;
  shortlist: string[];
  /** What produced the shortlist (weights, category, period), stored with it. */
  criteria: Record<string, unknown>;
  onOpen: (selection: Selection) => void;
  announce: (message: string) => void;
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short' });

export function SavedSelections({ gemeente, shortlist, criteria, onOpen, announce }: SavedSelectionsProps) {
  const id = useId();
  const query = useSelectionsQuery(gemeente);
  const list = query.data ?? NONE;
  const invalidate = useInvalidate();
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [mineOnly, setMineOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const loadError = query.error ? `Selecties konden niet worden geladen. ${errorText(query.error)}` : null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError('Geef de selectie een naam.');
      return;
    }
    try {
      const created = await createSelection({ name: name.trim(), note: note.trim() || undefined, gemeente, codes: shortlist, criteria, shared: !mineOnly });
      setName('');
      setNote('');
      setError(null);
      invalidate(['selections']);
      announce(`Selectie "${created.name}" opgeslagen met ${pluralArea(created.codes.length, created.codes[0]?.startsWith('WK') ? 'wijk' : 'buurt')}.`);
    } catch (err) {
      setError(`Opslaan mislukt. ${errorText(err)}`);
    }
  };

  const remove = useCallback(
    async (s: Selection) => {
      try {
        await deleteSelection(s.id);
        invalidate(['selections']);
        announce(`Selectie "${s.name}" verwijderd.`);
      } catch (err) {
        // The server decides who may delete; say it in the user's words.
        const forbidden = err instanceof ApiRequestError && err.status === 403;
        setError(forbidden ? `Alleen ${s.createdBy ?? 'een beheerder'} of een beheerder kan "${s.name}" verwijderen.` : `Verwijderen mislukt. ${errorText(err)}`);
      }
    },
    [announce, invalidate],
  );

  return (
    <section className="saved-selections" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Opgeslagen selecties</h3>
      {shortlist.length > 0 ? (
        <form onSubmit={save} className="selection-form">
          <div className="field">
            <label htmlFor={`${id}-name`}>Naam selectie</label>
            <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-note`}>Notitie</label>
            <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={5000} />
          </div>
          <div className="field field-check">
            <input id={`${id}-private`} type="checkbox" checked={mineOnly} onChange={(e) => setMineOnly(e.target.checked)} />
            <label htmlFor={`${id}-private`}>Alleen voor mij (en de beheerders) zichtbaar</label>
          </div>
          <button type="submit">Selectie opslaan ({pluralArea(shortlist.length, shortlist[0]?.startsWith('WK') ? 'wijk' : 'buurt')})</button>
        </form>
      ) : (
        <p className="hint">Vink gebieden aan om de shortlist als selectie op te slaan.</p>
      )}
      {(error ?? loadError) && (
        <p className="error" role="alert">
          {error ?? loadError}
        </p>
      )}
      {list.length === 0 ? (
        <p className="hint">Nog geen opgeslagen selecties voor deze gemeente.</p>
      ) : (
        <ul className="selection-list" aria-label="Opgeslagen selecties">
          {list.map((s) => (
            <li key={s.id}>
              <div>
                <strong>{s.name}</strong> <span className="hint">· {pluralArea(s.codes.length, s.codes[0]?.startsWith('WK') ? 'wijk' : 'buurt')} · {dateFormat.format(new Date(s.createdAt))}
                  {s.createdBy ? ` · door ${s.createdBy}` : ''}
                  {s.shared ? '' : ' · privé'}
                </span>
                {s.note && <p className="selection-note">{s.note}</p>}
              </div>
              <div className="selection-actions">
                <button type="button" className="small-button" onClick={() => onOpen(s)} aria-label={`Open selectie ${s.name}`}>
                  Openen
                </button>
                <button type="button" className="small-button" onClick={() => void remove(s)} aria-label={`Verwijder selectie ${s.name}`}>
                  Verwijderen
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
