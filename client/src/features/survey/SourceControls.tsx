// What colours the map: police registrations (the crime filters below), a Veiligheidsmonitor indicator,
// the bivariate map (crime × survey) or a CBS kerncijfer. Plain labelled radios and selects.
import { useId } from 'react';
import type { SurveyIndicator } from '../../api/client.ts';

/** A source the map can be coloured by, as the shell's registry describes it. */
export interface SourceOption<K extends string> {
  id: K;
  label: string;
  hint: string;
  /** The source reads a Veiligheidsmonitor indicator (shows the indicator and year choice). */
  survey: boolean;
  /** The source colours by a CBS kerncijfer (shows the kerncijfer choice; offered only where there are any). */
  kerncijfer: boolean;
}

export interface SourceValues<K extends string = string> {
  source: K;
  indicator: string;
  surveyYear: number | null;
  kern: string;
}

export interface SourceControlsProps<K extends string> {
  sources: readonly SourceOption<K>[];
  values: SourceValues<K>;
  indicators: SurveyIndicator[];
  /** Years with survey figures for the chosen indicator (meta.years). */
  years: number[];
  /** The year actually shown (meta.year), used when surveyYear is null. */
  shownYear: number | null;
  /** Kerncijfers with values for this gemeente and level; empty hides the option. */
  contextIndicators: { key: string; label: string }[];
  onChange: (patch: Partial<SourceValues<K>>) => void;
}

export function SourceControls<K extends string>({ sources: all, values, indicators, years, shownYear, contextIndicators, onChange }: SourceControlsProps<K>) {
  const id = useId();
  const current = all.find((s) => s.id === values.source);
  const usesSurvey = current?.survey ?? false;
  const sources = all.filter((s) => !s.kerncijfer || contextIndicators.length > 0 || s.id === values.source);
  return (
    <form className="filters source-controls" onSubmit={(e) => e.preventDefault()} aria-label="Bron van de kaart">
      <fieldset>
        <legend>Bron</legend>
        <div className="radio-list">
          {sources.map((s) => (
            <div key={s.id} className="radio-option">
              <input
                id={`${id}-bron-${s.id}`}
                type="radio"
                name={`${id}-bron`}
                value={s.id}
                checked={values.source === s.id}
                aria-describedby={`${id}-bron-${s.id}-hint`}
                onChange={() => onChange({ source: s.id })}
              />
              <label htmlFor={`${id}-bron-${s.id}`}>{s.label}</label>
              <span className="hint radio-hint" id={`${id}-bron-${s.id}-hint`}>
                {s.hint}
              </span>
            </div>
          ))}
        </div>
      </fieldset>
      {usesSurvey && (
        <fieldset>
          <legend>Veiligheidsmonitor</legend>
          <div className="field">
            <label htmlFor={`${id}-indicator`}>Indicator</label>
            <select id={`${id}-indicator`} value={values.indicator} onChange={(e) => onChange({ indicator: e.target.value })}>
              {indicators.length === 0 && <option value={values.indicator}>{values.indicator}</option>}
              {indicators.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-year`}>Meetjaar</label>
            <select
              id={`${id}-year`}
              value={String(values.surveyYear ?? shownYear ?? '')}
              disabled={years.length === 0}
              onChange={(e) => onChange({ surveyYear: Number(e.target.value) })}
            >
              {years.length === 0 && <option value="">geen gegevens</option>}
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      )}
      {current?.kerncijfer && (
        <fieldset>
          <legend>Kerncijfers</legend>
          <div className="field">
            <label htmlFor={`${id}-kern`}>Kerncijfer</label>
            <select id={`${id}-kern`} value={values.kern} onChange={(e) => onChange({ kern: e.target.value })}>
              {contextIndicators.map((k) => (
                <option key={k.key} value={k.key}>
                  {k.label}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      )}
    </form>
  );
}
