// Line chart of the benchmark trend: the gemeente's rate per 1,000 inhabitants against the group's weighted
// average, per year. Told apart without colour (solid line with dots vs dashed line with squares, labels at
// the line ends); a year without a figure is a gap, never a zero. The table beside it gives the same figures.
import { scaleLinear } from 'd3-scale';
import { useLayoutEffect, useRef, useState } from 'react';
import { formatNumber } from '../../lib/format.ts';
import { trendSummary, type TrendPoint } from './trendText.ts';

/** Widest drawing; the chart is drawn at the width it gets (down to MIN_W) so its text stays 12 px on a phone. */
const MAX_W = 760;
const MIN_W = 280;
/** Below this width the end labels drop their figures (the table has them) to leave room for the lines. */
const NARROW = 560;
const H = 300;
const SELF = '#154273';
const GROUP = '#a6190d';
const MUTED = '#4d4d4d';
/** Room one year label needs; with less per year only every second (third, …) year is labelled. */
const MIN_YEAR_STEP = 38;
/** Rough width of a bold 13 px character, to reserve room for the end labels. */
const CHAR_W = 7.6;
/** Closest two end labels may sit (font 13). */
const LABEL_GAP = 16;

export interface TrendChartProps {
  trend: TrendPoint[];
  selfNaam: string;
  groupLabel: string;
  /** The year the bar chart above shows: marked, so the two charts read together. */
  selectedYear: number;
  /** Fixed width; without it the chart takes its container's width. */
  width?: number;
}

/** The container's width, clamped to the chart's range; MAX_W until measured (and where nothing measures). */
function useContainerWidth(fixed: number | undefined) {
  const ref = useRef<SVGSVGElement>(null);
  const [measured, setMeasured] = useState(MAX_W);
  useLayoutEffect(() => {
    const parent = ref.current?.parentElement;
    if (fixed !== undefined || !parent || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setMeasured(Math.round(Math.max(MIN_W, Math.min(MAX_W, entry.contentRect.width))));
    });
    observer.observe(parent);
    return () => observer.disconnect();
  }, [fixed]);
  return { ref, width: fixed ?? measured };
}

/** An SVG path through the points with a value; a missing value lifts the pen, so the line has a gap. */
function gappedPath(points: { x: number; y: number | null }[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.y === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** Decimals that tell the ticks apart (step 0,5 needs one, 0,25 two). */
const tickDecimals = (step: number) => Math.max(0, Math.min(2, -Math.floor(Math.log10(step) + 1e-9)));

export function TrendChart({ trend, selfNaam, groupLabel, selectedYear, width }: TrendChartProps) {
  const { ref, width: W } = useContainerWidth(width);
  const narrow = W < NARROW;
  const years = trend.map((p) => p.year);
  const first = years[0]!;
  const last = years[years.length - 1]!;
  const values = trend.flatMap((p) => [p.ratePer1000, p.averageRatePer1000]).filter((v): v is number => v !== null);
  const series = [
    { key: 'self', label: selfNaam, colour: SELF, dash: undefined, value: (p: TrendPoint) => p.ratePer1000 },
    { key: 'group', label: narrow ? 'Gemiddelde' : 'Groepsgemiddelde', colour: GROUP, dash: '7 4', value: (p: TrendPoint) => p.averageRatePer1000 },
  ] as const;
  const endText = (label: string, v: number | null) => (narrow ? label : `${label} ${formatNumber(v, 1)}`);
  const longest = Math.max(...series.map((s) => endText(s.label, 100).length));
  const M = { top: 30, right: Math.min(W * 0.4, 14 + longest * CHAR_W), bottom: 34, left: narrow ? 40 : 52 };
  const y = scaleLinear()
    .domain([0, Math.max(...values, 0) * 1.05 || 1])
    .range([H - M.bottom, M.top])
    .nice(5);
  const plot = W - M.left - M.right;
  const x = (year: number) => M.left + (last === first ? plot / 2 : ((year - first) / (last - first)) * plot);
  const ticks = y.ticks(5);
  const decimals = ticks.length > 1 ? tickDecimals(ticks[1]! - ticks[0]!) : 0;
  const step = years.length > 1 ? plot / (years.length - 1) : plot;
  const every = Math.ceil(MIN_YEAR_STEP / step);
  // The selected year is always labelled; a regular label too close to it gives way.
  const labelled = years.filter((yr) => yr === selectedYear || ((yr - first) % every === 0 && Math.abs(yr - selectedYear) >= every));
  // Direct labels at each line's last point, pushed apart when the two lines end close together.
  const endLabels = series.map((s) => {
    const end = [...trend].reverse().find((p) => s.value(p) !== null);
    return end ? { key: s.key, text: endText(s.label, s.value(end)), colour: s.colour, x: x(end.year), y: y(s.value(end)!) } : null;
  });
  const [a, b] = endLabels;
  if (a && b && Math.abs(a.y - b.y) < LABEL_GAP) {
    const mid = (a.y + b.y) / 2;
    const [upper, lower] = a.y <= b.y ? [a, b] : [b, a];
    upper.y = mid - LABEL_GAP / 2;
    lower.y = mid + LABEL_GAP / 2;
  }
  return (
    <svg ref={ref} className="benchmark-chart trend-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={trendSummary(trend, selfNaam, groupLabel)}>
      <text x={4} y={M.top - 14} fontSize="12" fill={MUTED}>
        Misdrijven per 1.000 inwoners
      </text>
      {ticks.map((t) => (
        <g key={t} className="trend-y-tick">
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke={t === 0 ? '#6b7580' : '#d5dae0'} />
          <text x={M.left - 6} y={y(t) + 4} textAnchor="end" fontSize="12" fill={MUTED}>
            {formatNumber(t, decimals)}
          </text>
        </g>
      ))}
      <g className="trend-selected" data-year={selectedYear}>
        <line x1={x(selectedYear)} x2={x(selectedYear)} y1={M.top - 4} y2={H - M.bottom} stroke="#1a1a1a" strokeWidth="1" strokeDasharray="2 3" />
      </g>
      {labelled.map((yr) => (
        <text
          key={yr}
          className={yr === selectedYear ? 'trend-x-tick trend-x-selected' : 'trend-x-tick'}
          x={x(yr)}
          y={H - M.bottom + 18}
          textAnchor="middle"
          fontSize="12"
          fontWeight={yr === selectedYear ? 700 : 400}
          fill={yr === selectedYear ? '#1a1a1a' : MUTED}
        >
          {yr}
        </text>
      ))}
      {series.map((s) => (
        <g key={s.key} className={`trend-line trend-${s.key}`}>
          <path d={gappedPath(trend.map((p) => ({ x: x(p.year), y: s.value(p) === null ? null : y(s.value(p)!) })))} fill="none" stroke={s.colour} strokeWidth="2.5" strokeDasharray={s.dash} />
          {trend.map((p) => {
            const v = s.value(p);
            if (v === null) return null;
            const r = p.year === selectedYear ? 5.5 : 3.5;
            return s.key === 'self' ? (
              <circle key={p.year} data-year={p.year} cx={x(p.year)} cy={y(v)} r={r} fill={s.colour} stroke="#ffffff" strokeWidth="1" />
            ) : (
              <rect key={p.year} data-year={p.year} x={x(p.year) - r} y={y(v) - r} width={r * 2} height={r * 2} fill="#ffffff" stroke={s.colour} strokeWidth="2" />
            );
          })}
        </g>
      ))}
      {endLabels.map(
        (l) =>
          l && (
            <text key={l.key} className={`trend-end trend-end-${l.key}`} x={l.x + 10} y={l.y + 4} fontSize="13" fontWeight={700} fill={l.colour}>
              {l.text}
            </text>
          ),
      )}
    </svg>
  );
}
