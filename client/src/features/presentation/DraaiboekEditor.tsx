// A small editor for a "draaiboek": add the current map view, give each view a title and caption, reorder,
// save (POST, then PUT) and present. The analist prepares; the presentation screen only reads.
import { useId, useState } from 'react';
import { savePresentation, type PresentationBody, type PresentationOut } from '../../api/client.ts';
import { errorText } from '../../api/errorText.ts';
import { StepPreview } from './StepPreview.tsx';

export type DraftView = PresentationBody['views'][number];

/** Moves item i by delta (−1 up, +1 down); out of range leaves the list as it is. */
export function moveItem<T>(list: T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

export interface DraaiboekEditorProps {
  /** The view on the map now, as a draaiboek view (with a proposed title). */
  current: DraftView;
  /** Short description of the current view for the button's hint. */
  currentLabel: string;
  announce: (text: string) => void;
  /** Injected in tests; defaults to POST/PUT /api/presentations. */
  save?: (body: PresentationBody, id: number | null) => Promise<PresentationOut>;
}

export function DraaiboekEditor({ current, currentLabel, announce, save = savePresentation }: DraaiboekEditorProps) {
  const id = useId();
  const [title, setTitle] = useState('Buurtoverleg');
  const [views, setViews] = useState<DraftView[]>([]);
  const [saved, setSaved] = useState<{ id: number; url: string } | null>(null);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (next: DraftView[]) => {
    setViews(next);
    setDirty(true);
  };
  const add = () => {
    change([...views, { ...current, focus: { ...current.focus, codes: [...current.focus.codes] }, layers: [...current.layers] }]);
    announce(`Weergave ${views.length + 1} toegevoegd aan het draaiboek: ${current.title}`);
  };
  const patch = (i: number, p: Partial<DraftView>) => change(views.map((v, k) => (k === i ? { ...v, ...p } : v)));
  const move = (i: number, delta: number) => {
    change(moveItem(views, i, delta));
    announce(`Weergave "${views[i].title}" is nu nummer ${i + delta + 1}`);
  };
  const remove = (i: number) => {
    change(views.filter((_, k) => k !== i));
    announce(`Weergave "${views[i].title}" verwijderd`);
  };
  const onSave = async () => {
    setBusy(true);
    setError(null);
    try {
      const out = await save({ title: title.trim() || 'Draaiboek', views }, saved?.id ?? null);
      setSaved({ id: out.id, url: out.url });
      setDirty(false);
      announce(`Draaiboek "${out.title}" opgeslagen met ${out.views.length} weergaven`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="draaiboek" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="legend-title">
        Draaiboek voor een presentatie
      </h2>
      <button type="button" onClick={add} aria-describedby={`${id}-current`}>
        Voeg huidige weergave toe aan draaiboek
      </button>
      <p id={`${id}-current`} className="hint">
        Huidige weergave: {currentLabel}
      </p>
      {views.length > 0 && (
        <>
          <div className="field">
            <label htmlFor={`${id}-name`}>Titel van het draaiboek</label>
            <input id={`${id}-name`} type="text" value={title} onChange={(e) => { setTitle(e.target.value); setDirty(true); }} maxLength={200} />
          </div>
          <ol className="draaiboek-views">
            {views.map((v, i) => (
              <li key={i}>
                <fieldset>
                  <legend>Weergave {i + 1}</legend>
                  <div className="field">
                    <label htmlFor={`${id}-t${i}`}>Titel</label>
                    <input id={`${id}-t${i}`} type="text" value={v.title} maxLength={200} onChange={(e) => patch(i, { title: e.target.value })} />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-c${i}`}>Toelichting</label>
                    <textarea id={`${id}-c${i}`} rows={2} value={v.caption} maxLength={1000} onChange={(e) => patch(i, { caption: e.target.value })} />
                  </div>
                  <StepPreview step={v} index={i} />
                  <div className="draaiboek-actions">
                    <button type="button" className="small-button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Weergave ${i + 1} omhoog`}>
                      ↑ Omhoog
                    </button>
                    <button type="button" className="small-button" onClick={() => move(i, 1)} disabled={i === views.length - 1} aria-label={`Weergave ${i + 1} omlaag`}>
                      ↓ Omlaag
                    </button>
                    <button type="button" className="small-button" onClick={() => remove(i)} aria-label={`Weergave ${i + 1} verwijderen`}>
                      Verwijderen
                    </button>
                  </div>
                </fieldset>
              </li>
            ))}
          </ol>
          <div className="draaiboek-save">
            <button type="button" className="primary-button" onClick={() => void onSave()} disabled={busy || views.some((v) => v.title.trim() === '')}>
              {saved ? 'Wijzigingen opslaan' : 'Draaiboek opslaan'}
            </button>
            {saved && !dirty && (
              <a className="present-link" href={saved.url}>
                Presenteren
              </a>
            )}
          </div>
          {views.some((v) => v.title.trim() === '') && <p className="hint">Elke weergave heeft een titel nodig.</p>}
          {saved && dirty && <p className="hint">Sla de wijzigingen op om te presenteren.</p>}
        </>
      )}
      {error && (
        <p className="error" role="alert">
          Opslaan is niet gelukt. {error}
        </p>
      )}
    </section>
  );
}
