// Dutch words for the benchmark trend (chart summary, caveat), kept pure so a test can hold every sentence
// to the figures: the summary states first and last values and a count, never a direction the data may not bear.
import type { BenchmarkResponse } from '../../api/client.ts';
import { formatNumber } from '../../lib/format.ts';

export type TrendPoint = BenchmarkResponse['trend'][number];

/** The first and last year with a figure for one series, or null when it has none. */
function ends(trend: TrendPoint[], value: (p: TrendPoint) => number | null): { from: TrendPoint; to: TrendPoint } | null {
  const known = trend.filter((p) => value(p) !== null);
  return known.length ? { from: known[0]!, to: known[known.length - 1]! } : null;
}

/** "van 6,1 naar 3,4"; years are named only where the series starts or ends inside the range (gaps). */
function fromTo(trend: TrendPoint[], value: (p: TrendPoint) => number | null): string | null {
  const e = ends(trend, value);
  if (!e) return null;
  const first = trend[0]!.year;
  const last = trend[trend.length - 1]!.year;
  const at = (p: TrendPoint, edge: number) => (p.year === edge ? '' : ` (${p.year})`);
  if (e.from === e.to) return `alleen ${e.from.year}: ${formatNumber(value(e.from), 1)}`;
  return `van ${formatNumber(value(e.from), 1)}${at(e.from, first)} naar ${formatNumber(value(e.to), 1)}${at(e.to, last)}`;
}

/** The chart's accessible summary, e.g. "Maastricht 2021–2025: van 50,2 naar 59,6 per 1.000 inwoners;
 * gemiddelde Referentiegemeenten van 47,3 naar 55,9. In 5 van de 5 jaren hoger dan het gemiddelde." */
export function trendSummary(trend: TrendPoint[], selfNaam: string, groupLabel: string): string {
  if (trend.length === 0) return `${selfNaam}: geen cijfers per jaar.`;
  const range = `${trend[0]!.year}–${trend[trend.length - 1]!.year}`;
  const both = trend.filter((p) => p.ratePer1000 !== null && p.averageRatePer1000 !== null);
  const above = both.filter((p) => p.ratePer1000! > p.averageRatePer1000!).length;
  const below = both.filter((p) => p.ratePer1000! < p.averageRatePer1000!).length;
  const compare = both.length
    ? ` In ${above} van de ${both.length} jaren hoger dan het gemiddelde${below ? `, in ${below} lager` : ''}.`
    : '';
  const self = fromTo(trend, (p) => p.ratePer1000);
  const group = fromTo(trend, (p) => p.averageRatePer1000);
  return (
    `${selfNaam} ${range}: ${self ? `${self} per 1.000 inwoners` : 'geen cijfers'}; ` +
    `gemiddelde ${groupLabel} ${group ?? 'zonder cijfers'}.${compare}`
  );
}

/** The caveat the server's arithmetic requires: every year is divided by the inhabitants of one year
 * (compute/benchmark.ts populationOf), so a rate can move because crime moved, never because people did. */
export function populationCaveat(populationYear: number): string {
  return `Per 1.000 inwoners van 1 januari ${populationYear}, voor elk jaar: een verandering in het inwonertal telt niet mee.`;
}
