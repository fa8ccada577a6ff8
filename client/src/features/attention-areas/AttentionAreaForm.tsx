// Defines an attention area with a name, a kind and an optional note, covering either the ticked buurten or
// the buurten inside a polygon from a GeoJSON file (the server decides which buurten a polygon covers).
import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiRequestError, createAttentionArea, type AttentionArea, type AttentionAreaBody, type AttentionKind } from '../../api/client.ts';
import { errorText } from '../../api/queries.ts';
import { pluralArea } from '../../lib/format.ts';
import { KIND_LABELS } from './kinds.ts';
import { PolygonFileField } from './PolygonFileField.tsx';
import { describePolygon, geometryErrorText, PolygonFileError, readPolygonFile, type ParsedPolygon } from './polygonFile.ts';

export interface AttentionAreaFormProps {
  gemeente: string;
  /** Shown in messages about an uploaded polygon ("bedekt geen enkele buurt van Maastricht"). */
  gemeenteNaam?: string;
  /** Buurt (or wijk) codes to cover; wijken are expanded to their buurten by the server. */
  codes: string[];
  onCreated: (area: AttentionArea) => void;
  announce: (message: string) => void;
}

type Source = 'selectie' | 'bestand';
type FormError = { text: string; field: 'name' | 'file' | null };

export function AttentionAreaForm({ gemeente, gemeenteNaam, codes, onCreated, announce }: AttentionAreaFormProps) {
  const id = useId();
  const [source, setSource] = useState<Source>('selectie');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AttentionKind>('vba');
  const [note, setNote] = useState('');
  const [upload, setUpload] = useState<ParsedPolygon | null>(null);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  // A slow read of an earlier pick must not overwrite the file chosen after it.
  const readSeq = useRef(0);
  const errorId = `${id}-error`;

  const fail = (text: string, field: FormError['field']) => {
    setError({ text, field });
    (field === 'name' ? nameRef : field === 'file' ? fileRef : null)?.current?.focus();
  };

  const onFile = async (file: File | null) => {
    const seq = ++readSeq.current;
    setUpload(null);
    setError(null);
    if (!file) return;
    try {
      const parsed = await readPolygonFile(file);
      if (seq === readSeq.current) setUpload(parsed);
    } catch (err) {
      if (seq !== readSeq.current) return;
      setError({ text: err instanceof PolygonFileError ? err.message : 'Het bestand kon niet worden gelezen. Kies een GeoJSON-bestand met een polygoon.', field: 'file' });
    }
  };

  const chooseSource = (s: Source) => {
    setSource(s);
    setError(null);
    // The file input unmounts with the file option; a kept polygon would then be saved without a visible file.
    readSeq.current++;
    setUpload(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return fail('Geef het aandachtsgebied een naam.', 'name');
    if (source === 'bestand' && !upload) {
      // A file that could not be read keeps its own, more precise message.
      return fail(error?.field === 'file' ? error.text : 'Kies eerst een GeoJSON-bestand met een polygoon.', 'file');
    }
    const base = { name: name.trim(), gemeente, kind, note: note.trim() || undefined };
    const body: AttentionAreaBody = source === 'bestand' && upload ? { ...base, geometry: upload.geometry, crs: upload.crs } : { ...base, codes };
    setBusy(true);
    try {
      const created = await createAttentionArea(body);
      setName('');
      setNote('');
      setError(null);
      if (source === 'bestand') {
        setUpload(null);
        if (fileRef.current) fileRef.current.value = '';
      }
      onCreated(created);
      announce(`Aandachtsgebied "${created.name}" opgeslagen met ${pluralArea(created.codes.length, 'buurt')}${source === 'bestand' ? ' uit het bestand' : ''}.`);
    } catch (err) {
      const aboutFile = source === 'bestand' && err instanceof ApiRequestError && err.status === 400 && err.body?.parameter === 'geometry';
      // The server's reason is read for the cases the form can explain; it is never shown as it is.
      const explained = aboutFile ? geometryErrorText(err.message, gemeenteNaam ?? 'deze gemeente') : null;
      if (aboutFile) fail(explained ?? `Het bestand is niet geaccepteerd. ${errorText(err)}`, 'file');
      else fail(`Opslaan mislukt. ${errorText(err)}`, null);
    } finally {
      setBusy(false);
    }
  };

  const ready = source === 'bestand' || codes.length > 0;
  return (
    <form className="attention-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Aandachtsgebied maken</h3>
      <fieldset className="attention-source">
        <legend className="field-label">Welke buurten?</legend>
        <div className="radio-list">
          <div className="radio-option">
            <input
              id={`${id}-selectie`}
              type="radio"
              name={`${id}-source`}
              checked={source === 'selectie'}
              aria-describedby={`${id}-selectie-hint`}
              onChange={() => chooseSource('selectie')}
            />
            <label htmlFor={`${id}-selectie`}>Van buurten uit de selectie</label>
            <span className="hint radio-hint" id={`${id}-selectie-hint`}>
              {codes.length === 0 ? 'Nog geen buurten aangevinkt in de rangorde' : `${pluralArea(codes.length, 'buurt')} aangevinkt in de rangorde`}
            </span>
          </div>
          <div className="radio-option">
            <input id={`${id}-bestand`} type="radio" name={`${id}-source`} checked={source === 'bestand'} onChange={() => chooseSource('bestand')} />
            <label htmlFor={`${id}-bestand`}>Uit een bestand (GeoJSON-polygoon)</label>
          </div>
        </div>
      </fieldset>
      {source === 'bestand' && (
        <PolygonFileField
          id={`${id}-file`}
          inputRef={fileRef}
          summary={upload && describePolygon(upload)}
          errorId={error?.field === 'file' ? errorId : null}
          onFile={(f) => void onFile(f)}
        />
      )}
      {!ready ? (
        <p className="hint">Vink eerst buurten aan in de rangorde, of kies een bestand.</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-name`}>Naam aandachtsgebied</label>
            <input
              ref={nameRef}
              id={`${id}-name`}
              type="text"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={200}
              aria-invalid={error?.field === 'name' || undefined}
              aria-describedby={error?.field === 'name' ? errorId : undefined}
            />
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
        </>
      )}
      {/* Always in the DOM: an alert region that appears together with its text is not announced everywhere. */}
      <p id={errorId} className="error" role="alert">
        {error?.text}
      </p>
      {ready && (
        <button type="submit" disabled={busy}>
          {source === 'bestand' ? 'Aandachtsgebied opslaan (uit bestand)' : `Aandachtsgebied opslaan (${pluralArea(codes.length, 'buurt')})`}
        </button>
      )}
    </form>
  );
}
