// One effect indicator of the plan, new or changed: what it measures (a Veiligheidsmonitor question or a
// kind of police registration), the baseline and the targets per year. Saving sends the whole plan;
// the server validates it like the shipped plan file and names the field it refuses, which is marked here.
import { useState, type FormEvent } from 'react';
import type { Category, SurveyIndicator, TargetIndicator } from '../../api/client.ts';
import { FormError, refusalOf, type Refusal } from './FieldError.tsx';
import { DraftProblem, fromDraft, newDraft, toDraft, type IndicatorDraft, type MeasureKind } from './planDraft.ts';
import { TargetRows } from './TargetRows.tsx';

const KINDS: { kind: MeasureKind; label: string }[] = [
  { kind: 'survey', label: 'Veiligheidsmonitor (enquête onder inwoners)' },
  { kind: 'crime', label: 'Politie: geregistreerde misdrijven per 1.000 inwoners' },
  { kind: 'nuisance', label: 'Politie: overlastregistraties per 1.000 inwoners' },
];

interface Props {
  indicator: TargetIndicator | null;
  /** The code for a new indicator (the panel makes it unique in the plan). */
  idFor: (label: string) => string;
  surveyIndicators: SurveyIndicator[];
  categories: Category[];
  onSave: (indicator: TargetIndicator) => Promise<void>;
  onCancel: () => void;
}

export function IndicatorEditor({ indicator, idFor, surveyIndicators, categories, onSave, onCancel }: Props) {
  const [d, setD] = useState<IndicatorDraft>(() => (indicator ? toDraft(indicator) : newDraft()));
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const set = (change: Partial<IndicatorDraft>) => setD((x) => ({ ...x, ...change }));
  const invalid = (field: string) => (refusal?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'indicator-error' } : {});
  const options = d.kind === 'survey'
    ? surveyIndicators.map((i) => ({ code: i.code, label: i.label }))
    : categories.filter((c) => (d.kind === 'nuisance') === (c.groep === 'overlast')).map((c) => ({ code: c.code, label: `${c.naam} (${c.code})` }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRefusal(null);
    let out: TargetIndicator;
    try {
      out = fromDraft(d, indicator?.id ?? idFor(d.label), (code) => surveyIndicators.find((i) => i.code === code)?.unit, indicator ?? undefined);
    } catch (err) {
      if (err instanceof DraftProblem) return setRefusal({ message: err.message, field: err.field });
      throw err;
    }
    setBusy(true);
    try {
      await onSave(out);
    } catch (err) {
      const r = refusalOf(err);
      // The server names the place in the whole plan ('indicators.9.targets.1.year'); this form is one indicator.
      setRefusal({ ...r, field: r.field?.replace(/^indicators\.\d+\./, '') ?? null });
    } finally {
      setBusy(false);
    }
  };

  const title = indicator ? `${indicator.label} wijzigen` : 'Indicator toevoegen';
  return (
    <form className="admin-form indicator-editor" onSubmit={(e) => void submit(e)} aria-labelledby="indicator-editor-title">
      <h3 id="indicator-editor-title">{title}</h3>
      <div className="form-row">
        <label htmlFor="indicator-label">Naam van de indicator</label>
        <input id="indicator-label" value={d.label} onChange={(e) => set({ label: e.target.value })} required {...invalid('label')} />
      </div>
      <div className="form-row">
        <label htmlFor="indicator-theme">Thema (niet verplicht)</label>
        <input id="indicator-theme" value={d.theme} onChange={(e) => set({ theme: e.target.value })} {...invalid('theme')} />
      </div>
      <div className="form-row">
        <label htmlFor="indicator-kind">Gemeten met</label>
        <select id="indicator-kind" value={d.kind} onChange={(e) => set({ kind: KINDS.find((k) => k.kind === e.target.value)?.kind ?? 'survey', code: '', comparable: e.target.value === 'survey' })}>
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor="indicator-code">{d.kind === 'survey' ? 'Vraag uit de Veiligheidsmonitor' : 'Soort registratie'}</label>
        <select id="indicator-code" value={d.code} onChange={(e) => set({ code: e.target.value, ...betterWhenOf(surveyIndicators, e.target.value) })} required {...invalid(d.kind === 'survey' ? 'compute.indicator' : 'compute.category')}>
          <option value="">Kies…</option>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor="indicator-better">Beter is</label>
        <select id="indicator-better" value={d.betterWhen} onChange={(e) => set({ betterWhen: e.target.value === 'higher' ? 'higher' : 'lower' })}>
          <option value="lower">een lagere waarde</option>
          <option value="higher">een hogere waarde</option>
        </select>
      </div>
      <div className="form-row form-row-inline">
        <label htmlFor="indicator-baseline-year">Uitgangssituatie: jaar</label>
        <input id="indicator-baseline-year" inputMode="numeric" size={5} value={d.baselineYear} onChange={(e) => set({ baselineYear: e.target.value })} required {...invalid('baseline.year')} />
        <label htmlFor="indicator-baseline-value">waarde</label>
        <input id="indicator-baseline-value" inputMode="decimal" size={6} value={d.baselineValue} onChange={(e) => set({ baselineValue: e.target.value })} required {...invalid('baseline.value')} />
      </div>
      <TargetRows rows={d.targets} onChange={(targets) => set({ targets })} invalid={invalid} />
      <div className="form-row">
        <label className="check">
          <input type="checkbox" checked={d.comparable} onChange={(e) => set({ comparable: e.target.checked })} aria-describedby="indicator-comparable-hint" />
          De app meet met dezelfde bron en definitie als het plan
        </label>
        <p id="indicator-comparable-hint" className="hint">
          Zet dit uit als het plan andere cijfers gebruikt (bijvoorbeeld politiecijfers uit een eigen systeem): dan zijn de waarden alleen een indicatie en bepalen ze niet of een doel is gehaald.
        </p>
      </div>
      <FormError id="indicator-error" refusal={refusal} />
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {busy ? 'Bezig…' : 'Opslaan in het plan'}
        </button>
        <button type="button" onClick={onCancel}>
          Annuleren
        </button>
      </div>
    </form>
  );
}

/** A survey question says itself whether less is better ("% onveilig") or more ("rapportcijfer"). */
function betterWhenOf(surveyIndicators: SurveyIndicator[], code: string): Partial<IndicatorDraft> {
  const s = surveyIndicators.find((i) => i.code === code);
  return s ? { betterWhen: s.betterWhen } : {};
}
