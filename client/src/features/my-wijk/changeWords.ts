// A change between two counts as a wijkagent should read it: a percentage only when the exact test says it is more
// than chance; otherwise the plain difference, said to be within chance ("3 tegen 1" is not "+200 %").
import { formatNumber, formatPercentChange } from '../../lib/format.ts';

export function changeText(count: number | null, previous: number | null, pct: number | null, significant: boolean | null): string {
  if (count === null || previous === null) return '–';
  if (significant) return formatPercentChange(pct ?? (previous > 0 ? ((count - previous) / previous) * 100 : null));
  const diff = count - previous;
  if (diff === 0) return 'gelijk';
  return `${diff > 0 ? '+' : ''}${formatNumber(diff)} (toeval)`;
}
