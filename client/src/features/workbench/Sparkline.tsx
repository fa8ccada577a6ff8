// A small monthly chart for the comparison, with its text alternative beside it (not only in a tooltip).
import type { SeriesPoint } from '../../../../server/src/domain/model.ts';
import { formatMonth, formatNumber } from '../../lib/format.ts';

const W = 240;
const H = 56;

export function seriesSummary(series: SeriesPoint[], from: string, to: string): { total: number; max: SeriesPoint | null; previous: number | null } {
  const inPeriod = series.filter((p) => p.month >= from && p.month <= to);
  const total = inPeriod.reduce((s, p) => s + (p.count ?? 0), 0);
  const max = inPeriod.reduce<SeriesPoint | null>((m, p) => (p.count !== null && (m === null || p.count > (m.count ?? -1)) ? p : m), null);
  const shift = (m: string) => `${Number(m.slice(0, 4)) - 1}${m.slice(4)}`;
  const prev = series.filter((p) => p.month >= shift(from) && p.month <= shift(to));
  const previous = prev.length === inPeriod.length && prev.length > 0 ? prev.reduce((s, p) => s + (p.count ?? 0), 0) : null;
  return { total, max, previous };
}

export function Sparkline({ series, from, to, naam }: { series: SeriesPoint[]; from: string; to: string; naam: string }) {
  // The period and the 12 months before it: enough to see a season and a change.
  const shown = series.filter((p) => p.month <= to).slice(-Math.max(24, series.filter((p) => p.month >= from && p.month <= to).length + 12));
  const max = Math.max(1, ...shown.map((p) => p.count ?? 0));
  const bw = W / Math.max(1, shown.length);
  const { total, max: peak, previous } = seriesSummary(series, from, to);
  const text = `${naam}: ${formatNumber(total)} registraties in de periode${previous !== null ? ` (een jaar eerder ${formatNumber(previous)})` : ''}${
    peak ? `; hoogste maand ${formatMonth(peak.month)} met ${formatNumber(peak.count)}` : ''
  }.`;
  return (
    <figure className="sparkline">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`Maandcijfers ${naam}, ${formatMonth(shown[0]?.month ?? from)} – ${formatMonth(to)}`}>
        <line x1="0" x2={W} y1={H - 0.5} y2={H - 0.5} stroke="#6b7580" />
        {shown.map((p, i) => {
          const h = p.count === null ? 0 : (p.count / max) * (H - 4);
          return <rect key={p.month} x={i * bw + 0.5} y={H - 1 - h} width={Math.max(1, bw - 1)} height={h} fill={p.month >= from ? '#154273' : '#9fb3c8'} />;
        })}
      </svg>
      <figcaption className="hint">{text}</figcaption>
    </figure>
  );
}
