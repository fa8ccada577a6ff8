// A change between two counts as a wijkagent should read it: a percentage only when the exact test says it is more
// than chance and its base allows one (the app's one rule, lib/changeText.ts: 12 against 2 is more than chance, but
// not "+500 %"); otherwise the plain difference, said to be within chance where it is ("3 tegen 1" is not "+200 %").
import { changeBasis } from '../../lib/changeText.ts';
import { formatNumber, formatPercentChange } from '../../lib/format.ts';

export function changeText(count: number | null, previous: number | null, pct: number | null, significant: boolean | null): string {
  if (count === null || previous === null) return '–';
  if (significant && changeBasis(count, previous) === 'percent') return formatPercentChange(pct ?? ((count - previous) / previous) * 100);
  const diff = count - previous;
  if (diff === 0) return 'gelijk';
  return `${diff > 0 ? '+' : ''}${formatNumber(diff)}${significant ? '' : ' (toeval)'}`;
}
