// Monthly counts of the selected area as a bar chart with a table alternative.
import type { SeriesPoint } from '../../../../server/src/domain/model.ts';
import { formatMonth, formatNumber } from '../../lib/format.ts';
import { BarChart } from './BarChart.tsx';

export interface SeriesChartProps {
  series: SeriesPoint[];
  from: string;
  to: string;
  label: string;
  /** What is counted, in the plural: 'misdrijven' or 'overlastregistraties'. */
  noun?: string;
}

export function SeriesChart({ series, from, to, label, noun = 'misdrijven' }: SeriesChartProps) {
  const inPeriod = (m: string) => m >= from && m <= to;
  const total = series.filter((p) => inPeriod(p.month)).reduce((s, p) => s + (p.count ?? 0), 0);
  const summary = `${label}: ${formatNumber(total)} ${noun} in de gekozen periode; hoogste maand ${formatNumber(
    Math.max(0, ...series.map((p) => p.count ?? 0)),
  )}.`;
  return (
    <BarChart
      bars={series.map((p) => ({
        key: p.month,
        count: p.count,
        label: formatMonth(p.month, 'long'),
        tick: p.month.endsWith('-01') ? p.month.slice(0, 4) : undefined,
        highlighted: inPeriod(p.month),
        missing: 'afgeschermd',
        suffix: p.demo ? ' (demo)' : undefined,
      }))}
      summary={summary}
      caption="Donkerblauw: de gekozen periode. Per maand, alle beschikbare maanden."
      tableTitle="Maandcijfers als tabel"
      tableCaption={`${label} per maand`}
      column="Maand"
    />
  );
}
