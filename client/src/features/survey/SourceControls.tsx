// What colours the map: police registrations (the crime filters below), a Veiligheidsmonitor indicator,
// the bivariate map (crime × survey) or a CBS kerncijfer. Plain labelled radios and selects.
import { useId } from 'react';
import type { SurveyIndicator } from '../../api/client.ts';

export type SourceKey = 'politie' | 'monitor' | 'bivariaat' | 'kerncijfers';

export interface SourceValues {
  bron: SourceKey;
  indicator: string;
  surveyYear: number | null;
  kern: string;
}

export interface SourceControlsProps {
  values: SourceValues;
  indicators: SurveyIndicator[];
  /** Years with survey figures for the chosen indicator (meta.years). */
  years: number[];
  /** The year actually shown (meta.year), used when surveyYear is null. */
  shownYear: number | null;
  /** Kerncijfers with values for this gemeente and level; empty hides the option. */
  contextIndicators: { key: string; label: string }[];
  onChange: (patch: Partial<SourceValues>) => void;
}

const SOURCES: { key: SourceKey; label: string; hint: string }[] = [
  { key: 'politie', label: 'Politieregistraties', hint: 'Geregistreerde misdrijven (instellingen hieronder)' },
  { key: 'monitor', label: 'Veiligheidsmonitor', hint: 'Hoe bewoners de veiligheid ervaren' },
  { key: 'bivariaat', label: 'Objectief × subjectief', hint: 'Misdrijven per 1.000 (EB) gekruist met de Veiligheidsmonitor' },
  { key: 'kerncijfers', label: 'Kerncijfers', hint: 'CBS-kerncijfers als achtergrond' },
];

export function SourceControls({ values, indicators, years, shownYear, contextIndicators, onChange }: SourceControlsProps) {
  const id = useId();
  const usesSurvey = values.bron === 'monitor' || values.bron === 'bivariaat';
  const sources = SOURCES.filter((s) => s.key !== 'kerncijfers' || contextIndicators.length > 0 || values.bron === 'kerncijfers');
  return (
    <form className="filters source-controls" onSubmit={(e) => e.preventDefault()} aria-label="Bron van de kaart">
      <fieldset>
        <legend>Bron</legend>
        <div className="radio-list">
          {sources.map((s) => (
            <div key={s.key} className="radio-option">
              <input
                id={`${id}-bron-${s.key}`}
                type="radio"
                name={`${id}-bron`}
                value={s.key}
                checked={values.bron === s.key}
                aria-describedby={`${id}-bron-${s.key}-hint`}
                onChange={() => onChange({ bron: s.key })}
              />
              <label htmlFor={`${id}-bron-${s.key}`}>{s.label}</label>
              <span className="hint radio-hint" id={`${id}-bron-${s.key}-hint`}>
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
      {values.bron === 'kerncijfers' && (
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
