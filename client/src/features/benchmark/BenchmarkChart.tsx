// Ranked horizontal bar chart: registered crime per 1,000 inhabitants per gemeente, the own gemeente in
// bold with a marker (not only a colour), and the weighted group average as a labelled vertical line.
import type { BenchmarkResponse } from '../../api/client.ts';
import { formatNumber } from '../../lib/format.ts';

const ROW = 24;
const LABEL = 170;
const VALUE = 56;
const W = 640;
const TOP = 28;

export function BenchmarkChart({ data }: { data: BenchmarkResponse }) {
  const rows = data.rows.filter((r) => r.ratePer1000 !== null);
  const avg = data.average.ratePer1000;
  const max = Math.max(...rows.map((r) => r.ratePer1000!), avg ?? 0) * 1.05 || 1;
  const plot = W - LABEL - VALUE;
  const x = (v: number) => LABEL + (v / max) * plot;
  const H = TOP + rows.length * ROW + 8;
  const self = rows.find((r) => r.isSelf);
  const desc = [
    `${rows.length} gemeenten van hoog naar laag.`,
    self ? `${self.naam} staat op plaats ${self.rank} met ${formatNumber(self.ratePer1000, 1)} per 1.000 inwoners.` : '',
    avg !== null ? `Gemiddelde ${data.meta.groupLabel}: ${formatNumber(avg, 1)}.` : '',
  ].join(' ');
  return (
    <svg className="benchmark-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="benchmark-chart-title benchmark-chart-desc">
      <title id="benchmark-chart-title">
        {benchmarkWhat(data.meta)} per 1.000 inwoners in {data.meta.year}, {data.meta.groupLabel}
      </title>
      <desc id="benchmark-chart-desc">{desc}</desc>
      {rows.map((r, i) => {
        const yTop = TOP + i * ROW;
        return (
          <g key={r.code} className={r.isSelf ? 'bar-self' : 'bar-other'} data-code={r.code}>
            <text x={LABEL - 8} y={yTop + ROW / 2 + 4} textAnchor="end" fontSize="13" fontWeight={r.isSelf ? 700 : 400} fill="#1a1a1a">
              {r.isSelf ? `▶ ${r.naam}` : r.naam}
            </text>
            <rect
              x={LABEL}
              y={yTop + 3}
              width={Math.max(1, x(r.ratePer1000!) - LABEL)}
              height={ROW - 6}
              fill={r.isSelf ? '#154273' : '#8fa9c4'}
              stroke={r.isSelf ? '#000000' : 'none'}
              strokeWidth={r.isSelf ? 1.5 : 0}
            />
          </g>
        );
      })}
      {avg !== null && (
        <g className="benchmark-average">
          <line x1={x(avg)} x2={x(avg)} y1={TOP - 6} y2={H - 4} stroke="#a6190d" strokeWidth="2" strokeDasharray="6 3" />
          <text x={x(avg)} y={TOP - 10} textAnchor="middle" fontSize="12" fontWeight={700} fill="#a6190d">
            gemiddelde {formatNumber(avg, 1)}
          </text>
        </g>
      )}
      {/* The values last, over the average line (their white halo keeps a value next to the line readable). */}
      {rows.map((r, i) => (
        <text
          key={r.code}
          className="bar-value"
          x={x(r.ratePer1000!) + 4}
          y={TOP + i * ROW + ROW / 2 + 4}
          fontSize="12"
          fontWeight={r.isSelf ? 700 : 400}
          fill="#1a1a1a"
          stroke="#ffffff"
          strokeWidth="3"
          paintOrder="stroke"
        >
          {formatNumber(r.ratePer1000, 1)}
        </text>
      ))}
    </svg>
  );
}

/** 'Misdrijven' for the total, else the type: 'Misdrijven (diefstal/inbraak woning)'. */
export function benchmarkWhat(meta: { category: string; categoryNaam: string }): string {
  return meta.category === '0.0.0' ? 'Misdrijven' : `Misdrijven (${meta.categoryNaam.toLowerCase()})`;
}
