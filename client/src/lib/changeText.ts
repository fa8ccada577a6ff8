// A change against a year earlier as the table, the area panel, the tooltip and the legend line beside the map write
// it: a percentage only where its base allows (the rule the reports use too: server/src/domain/percentBase.ts),
// otherwise the two counts and why.
import type { StatsRow } from '../../../server/src/domain/model.ts';
import { changeBasis, MIN_BASE } from '../../../server/src/domain/percentBase.ts';
import { formatNumber, formatPercentChange } from './format.ts';

export { changeBasis, MIN_BASE, shareShown } from '../../../server/src/domain/percentBase.ts';

export interface ChangeText {
  /** "-10,0 %", or the counts where a percentage says nothing: "3 (was 2)", "1 (was 0)"; "–" when unknown. */
  value: string;
  /** Short reason beside the value ("niet significant", "te weinig registraties", "geen vergelijking"), or null. */
  reason: string | null;
  /** The reason as a sentence, for the area panel; null when there is none. */
  explanation: string | null;
}

type ChangeFields = Pick<StatsRow, 'count' | 'previousCount' | 'changePct' | 'changeSignificant'>;

export function changeText(r: ChangeFields): ChangeText {
  const counts = `${formatNumber(r.count)} (was ${formatNumber(r.previousCount)})`;
  switch (changeBasis(r.count, r.previousCount)) {
    case 'noBase':
      return { value: counts, reason: 'geen vergelijking', explanation: 'Geen vergelijking: een jaar eerder 0 registraties, dus geen percentage.' };
    case 'smallBase':
      return {
        value: counts,
        reason: 'te weinig registraties',
        explanation: `Te weinig registraties voor een percentage: een jaar eerder minder dan ${MIN_BASE}, dan verandert één registratie meer of minder het percentage al met meer dan 10 procentpunt.`,
      };
    default:
      return r.changePct !== null && r.changeSignificant === false
        ? { value: formatPercentChange(r.changePct), reason: 'niet significant', explanation: 'Niet significant: het verschil met een jaar eerder past bij toeval (toets voor twee aantallen, 5%).' }
        : { value: formatPercentChange(r.changePct), reason: null, explanation: null };
  }
}

/** One line for a table cell or a tooltip: "-10,0 % (niet significant)", "3 (was 2) – te weinig registraties". */
export function changeLine(r: ChangeFields): string {
  const t = changeText(r);
  if (!t.reason) return t.value;
  return t.reason === 'niet significant' ? `${t.value} (${t.reason})` : `${t.value} – ${t.reason}`;
}
