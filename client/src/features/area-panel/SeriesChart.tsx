// Monthly counts as a small SVG bar chart, with a table alternative for screen readers and keyboard users.
import type { SeriesPoint } from '../../../../server/src/domain/model.ts';
import { formatMonth, formatNumber } from '../../lib/format.ts';

export interface SeriesChartProps {
  series: SeriesPoint[];
  from: string;
  to: string;
  label: string;
  /** What is counted, in the plural: 'misdrijven' or 'overlastregistraties'. */
  noun?: string;
}

const W = 420;
const H = 150;
const PAD = { top: 10, right: 8, bottom: 22, left: 36 };

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const mag = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * mag >= v) return m * mag;
  return 10 * mag;
}

export function SeriesChart({ series, from, to, label, noun = 'misdrijven' }: SeriesChartProps) {
  const max = niceMax(Math.max(0, ...series.map((p) => p.count ?? 0)));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const bw = innerW / Math.max(1, series.length);
  const inPeriod = (m: string) => m >= from && m <= to;
  const total = series.filter((p) => inPeriod(p.month)).reduce((s, p) => s + (p.count ?? 0), 0);
  const summary = `${label}: ${formatNumber(total)} ${noun} in de gekozen periode; hoogste maand ${formatNumber(
    Math.max(0, ...series.map((p) => p.count ?? 0)),
  )}.`;
  const years = series.filter((p) => p.month.endsWith('-01'));

  return (
    <figure className="series-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {/* Counts are whole numbers: a half-way line at 0,5 would be labelled "1" twice after rounding. */}
        {[0, 0.5, 1].filter((f) => Number.isInteger(max * f)).map((f) => {
          const y = PAD.top + innerH * (1 - f);
          return (
            <g key={f}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} stroke="#d0d5dc" strokeWidth={1} />
              <text x={PAD.left - 4} y={y + 4} textAnchor="end" fontSize={11} fill="#333">
                {formatNumber(max * f)}
              </text>
            </g>
          );
        })}
        {series.map((p, i) => {
          const h = p.count === null ? 0 : (p.count / max) * innerH;
          return (
            <rect
              key={p.month}
              x={PAD.left + i * bw + 0.5}
              y={PAD.top + innerH - h}
              width={Math.max(1, bw - 1)}
              height={h}
              fill={inPeriod(p.month) ? '#154273' : '#9fb3c8'}
            >
              <title>{`${formatMonth(p.month)}: ${p.count === null ? 'afgeschermd' : formatNumber(p.count)}`}</title>
            </rect>
          );
        })}
        {years.map((p) => {
          const i = series.indexOf(p);
          return (
            <text key={p.month} x={PAD.left + i * bw} y={H - 6} fontSize={11} fill="#333">
              {p.month.slice(0, 4)}
            </text>
          );
        })}
      </svg>
      <figcaption className="hint">Donkerblauw: de gekozen periode. Per maand, alle beschikbare maanden.</figcaption>
      <details>
        <summary>Maandcijfers als tabel</summary>
        <table className="series-table">
          <caption className="visually-hidden">{label} per maand</caption>
          <thead>
            <tr>
              <th scope="col">Maand</th>
              <th scope="col" className="num">
                Aantal
              </th>
            </tr>
          </thead>
          <tbody>
            {series.map((p) => (
              <tr key={p.month}>
                <th scope="row">{formatMonth(p.month, 'long')}</th>
                <td className="num">
                  {p.count === null ? 'afgeschermd' : formatNumber(p.count)}
                  {p.demo ? ' (demo)' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
