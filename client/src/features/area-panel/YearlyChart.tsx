// A gemeente's real yearly figures (from 2012) as a bar chart with a table alternative: the long view
// that the monthly series, which starts in 2021, cannot give.
import type { YearlySeries } from '../../../../server/src/domain/model.ts';
import { formatNumber } from '../../lib/format.ts';
import { BarChart } from './BarChart.tsx';

export interface YearlyChartProps {
  yearly: YearlySeries;
  from: string;
  to: string;
  /** The area's name, for the chart's accessible name. */
  naam: string;
}

export function YearlyChart({ yearly, from, to, naam }: YearlyChartProps) {
  const fromYear = Number(from.slice(0, 4));
  const toYear = Number(to.slice(0, 4));
  const points = yearly.points;
  const known = points.filter((p): p is typeof p & { count: number } => p.count !== null);
  const label = `${yearly.categoryNaam} in ${naam}`;
  const summary =
    known.length > 0
      ? `${label} per jaar, ${points[0].year} tot en met ${points.at(-1)!.year}: hoogste jaar ${formatNumber(Math.max(...known.map((p) => p.count)))}, laatste jaar ${
          points.at(-1)!.count === null ? 'niet bekend' : formatNumber(points.at(-1)!.count!)
        }.`
      : `${label} per jaar: geen cijfers te tonen.`;
  return (
    <BarChart
      bars={points.map((p) => ({
        key: String(p.year),
        count: p.count,
        label: String(p.year),
        // Every other year under the axis: a dozen four-digit labels do not fit under 420 px.
        tick: (p.year - points[0].year) % 2 === 0 ? String(p.year) : undefined,
        highlighted: p.year >= fromYear && p.year <= toYear,
        missing: p.suppressed ? 'afgeschermd' : 'niet gepubliceerd',
      }))}
      summary={summary}
      caption={`Donkerblauw: de jaren van de gekozen periode. Bron: ${yearly.bron.replace(/\.$/, "")}.`}
      tableTitle="Jaarcijfers als tabel"
      tableCaption={`${label} per jaar`}
      column="Jaar"
    />
  );
}
