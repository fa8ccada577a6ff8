// Defines an attention area from the ticked buurten: a name, a kind and an optional note.
import { useId, useState, type FormEvent } from 'react';
import { createAttentionArea, type AttentionArea, type AttentionKind } from '../../api/client.ts';
import { pluralArea } from '../../lib/format.ts';
import { KIND_LABELS } from './kinds.ts';

export interface AttentionAreaFormProps {
  gemeente: string;
  /** Buurt (or wijk) codes to cover; wijken are expanded to their buurten by the server. */
  codes: string[];
  onCreated: (area: AttentionArea) => void;
  announce: (message: string) => void;
}

export function AttentionAreaForm({ gemeente, codes, onCreated, announce }: AttentionAreaFormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AttentionKind>('vba');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError('Geef het aandachtsgebied een naam.');
      return;
    }
    setBusy(true);
    try {
      const created = await createAttentionArea({ name: name.trim(), gemeente, kind, note: note.trim() || undefined, codes });
      setName('');
      setNote('');
      setError(null);
      onCreated(created);
      announce(`Aandachtsgebied "${created.name}" opgeslagen met ${pluralArea(created.codes.length, 'buurt')}.`);
    } catch (err) {
      setError(`Opslaan mislukt: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="attention-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Aandachtsgebied maken van de shortlist</h3>
      {codes.length === 0 ? (
        <p className="hint">Vink eerst buurten aan in de rangorde.</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-name`}>Naam aandachtsgebied</label>
            <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} aria-invalid={error !== null && !name.trim()} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>Soort</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as AttentionKind)}>
              {(Object.keys(KIND_LABELS) as AttentionKind[]).map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-note`}>Toelichting (optioneel)</label>
            <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={5000} />
          </div>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy}>
            Aandachtsgebied opslaan ({pluralArea(codes.length, 'buurt')})
          </button>
        </>
      )}
    </form>
  );
}
