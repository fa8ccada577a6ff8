// Defining an evaluation: a name, the treated buurten (or an attention area), the start month of the
// approach, the category and the months before and after. The server checks it; its refusals are
// shown in Dutch next to the form.
import { useId, useState, type FormEvent } from 'react';
import { ApiRequestError, createEvaluation, type AttentionArea } from '../../api/client.ts';
import type { Category } from '../../../../server/src/api/types.ts';

const REFUSALS: Record<string, string> = {
  name: 'Geef de evaluatie een naam.',
  codes: 'Kies minstens één aanpakbuurt (of een aandachtsgebied).',
  attentionAreaId: 'Dit aandachtsgebied bestaat niet (meer).',
  start: 'Kies een startmaand binnen de beschikbare maandcijfers.',
  categories: 'Kies een soort registratie.',
  preMonths: 'Het aantal maanden vóór de start moet een heel getal van 1 tot 120 zijn.',
  postMonths: 'Het aantal maanden na de start moet een heel getal van 1 tot 60 zijn.',
};

export interface EvaluationFormProps {
  buurten: { code: string; naam: string }[];
  attentionAreas: AttentionArea[];
  categories: Category[];
  defaultStart: string;
  onCreated: (id: number) => void;
}

export function EvaluationForm({ buurten, attentionAreas, categories, defaultStart, onCreated }: EvaluationFormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [codes, setCodes] = useState<Set<string>>(new Set());
  const [areaId, setAreaId] = useState('');
  const [start, setStart] = useState(defaultStart);
  const [category, setCategory] = useState('0.0.0');
  const [pre, setPre] = useState('24');
  const [post, setPost] = useState('12');
  const [mineOnly, setMineOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (code: string) =>
    setCodes((old) => {
      const next = new Set(old);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const target = areaId ? { attentionAreaId: Number(areaId) } : { codes: [...codes] };
      const created = await createEvaluation({ name, ...target, start, categories: [category], preMonths: Number(pre), postMonths: Number(post), shared: !mineOnly });
      onCreated(created);
    } catch (err) {
      const parameter = err instanceof ApiRequestError ? (err.body?.parameter ?? '') : '';
      setError(REFUSALS[parameter] ?? 'De evaluatie kon niet worden opgeslagen. Probeer het later opnieuw.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="evaluation-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Nieuwe evaluatie</h3>
      <label>
        Naam
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </label>
      <label>
        Aandachtsgebied (of kies hieronder buurten)
        <select value={areaId} onChange={(e) => setAreaId(e.target.value)}>
          <option value="">geen: ik kies buurten</option>
          {attentionAreas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset disabled={areaId !== ''} className="evaluation-buurten">
        <legend>Aanpakbuurten ({codes.size} gekozen)</legend>
        {buurten.map((b) => (
          <label key={b.code} className="checkbox">
            <input type="checkbox" checked={codes.has(b.code)} onChange={() => toggle(b.code)} /> {b.naam}
          </label>
        ))}
      </fieldset>
      <label>
        Startmaand van de aanpak
        <input type="month" value={start} onChange={(e) => setStart(e.target.value)} required />
      </label>
      <label>
        Soort registratie
        <select value={category} onChange={(e) => setCategory(e.target.value)}>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.naam}
            </option>
          ))}
        </select>
      </label>
      <label>
        Maanden vóór de start
        <input type="number" min={1} max={120} value={pre} onChange={(e) => setPre(e.target.value)} required />
      </label>
      <label>
        Maanden na de start
        <input type="number" min={1} max={60} value={post} onChange={(e) => setPost(e.target.value)} required />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={mineOnly} onChange={(e) => setMineOnly(e.target.checked)} /> Alleen voor mij (en de beheerders) zichtbaar
      </label>
      {error && <p role="alert">{error}</p>}
      <button type="submit" disabled={busy}>
        Evaluatie opslaan en berekenen
      </button>
    </form>
  );
}
