// One labelled slider per criterion (0–5); its description is the slider's description. A criterion the
// server cannot measure for this scope says why beside its weight, and that the score is made without it.
import { useId } from 'react';
import { formatNumber } from '../../lib/format.ts';
import type { RankingCriterion } from './RankingTable.tsx';
import { MAX_WEIGHT, WEIGHT_STEP } from './weights.ts';

export interface WeightsFormProps {
  criteria: RankingCriterion[];
  weights: Record<string, number>;
  onChange: (id: string, weight: number) => void;
  onReset: () => void;
}

export function WeightsForm({ criteria, weights, onChange, onReset }: WeightsFormProps) {
  const id = useId();
  const weighted = criteria.filter((c) => (weights[c.id] ?? 0) > 0);
  const left = weighted.filter((c) => c.unavailable);
  return (
    <fieldset className="weights-form">
      <legend>Criteria en gewichten</legend>
      <p className="hint">0 = telt niet mee, 5 = telt zwaarst. De score is het gewogen gemiddelde van de percentielrangen.</p>
      {left.length > 0 && (
        <p className="weights-left" role="status">
          {left.length === weighted.length
            ? `Geen enkel gewogen criterium is te meten (${left.map((c) => c.naam).join(', ')}): geef een ander criterium een gewicht.`
            : `De score is berekend zonder ${left.map((c) => c.naam).join(', ')}: de gewichten van de overige criteria tellen naar verhouding zwaarder.`}
        </p>
      )}
      {criteria.map((c) => {
        const w = weights[c.id] ?? 0;
        return (
          <div key={c.id} className="field weight-field">
            <label htmlFor={`${id}-${c.id}`}>{c.naam}</label>
            <div className="weight-input">
              <input
                id={`${id}-${c.id}`}
                type="range"
                min={0}
                max={MAX_WEIGHT}
                step={WEIGHT_STEP}
                value={w}
                aria-valuetext={`gewicht ${formatNumber(w, 1)}`}
                aria-describedby={c.unavailable ? `${id}-${c.id}-why ${id}-${c.id}-desc` : `${id}-${c.id}-desc`}
                onChange={(e) => onChange(c.id, Number(e.target.value))}
              />
              {/* Not an <output>: that is a live region, and the slider already says its value. */}
              <span className="weight-value" aria-hidden="true">
                {formatNumber(w, 1)}
              </span>
            </div>
            {c.unavailable && (
              <span id={`${id}-${c.id}-why`} className="weight-unavailable">
                Telt niet mee: {c.unavailable}
              </span>
            )}
            <span id={`${id}-${c.id}-desc`} className="hint">
              {c.description}
            </span>
          </div>
        );
      })}
      <button type="button" onClick={onReset}>
        Standaardgewichten
      </button>
    </fieldset>
  );
}
