// Counts over time as a small SVG bar chart, with a table alternative for screen readers and keyboard
// users: one component for the area panel's monthly and yearly series, so both read the same way.
import { formatNumber } from '../../lib/format.ts';

export interface Bar {
  key: string;
  count: number | null;
  /** Name of the bar in its tooltip and its table row (e.g. "januari 2024", "2019"). */
  label: string;
  /** Text under the bar on the axis; most bars have none. */
  tick?: string;
  /** In the chosen period: drawn dark. */
  highlighted: boolean;
  /** What the table says instead of a count, when there is none. */
  missing: string;
  /** Said after the count in the table (e.g. " (demo)"). */
  suffix?: string;
}

export interface BarChartProps {
  bars: Bar[];
  /** What the chart shows, in a sentence: its accessible name. */
  summary: string;
  caption: string;
  /** The disclosure's text ("Maandcijfers als tabel"). */
  tableTitle: string;
  tableCaption: string;
  /** Heading of the first table column ("Maand", "Jaar"). */
  column: string;
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

export function BarChart({ bars, summary, caption, tableTitle, tableCaption, column }: BarChartProps) {
  const max = niceMax(Math.max(0, ...bars.map((p) => p.count ?? 0)));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const bw = innerW / Math.max(1, bars.length);

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
        {bars.map((p, i) => {
          const h = p.count === null ? 0 : (p.count / max) * innerH;
          return (
            <rect
              key={p.key}
              x={PAD.left + i * bw + 0.5}
              y={PAD.top + innerH - h}
              width={Math.max(1, bw - 1)}
              height={h}
              fill={p.highlighted ? '#154273' : '#9fb3c8'}
            >
              <title>{`${p.label}: ${p.count === null ? p.missing : formatNumber(p.count)}`}</title>
            </rect>
          );
        })}
        {bars.map((p, i) =>
          p.tick === undefined ? null : (
            <text key={p.key} x={PAD.left + i * bw} y={H - 6} fontSize={11} fill="#333">
              {p.tick}
            </text>
          ),
        )}
      </svg>
      <figcaption className="hint">{caption}</figcaption>
      <details>
        <summary>{tableTitle}</summary>
        <table className="series-table">
          <caption className="visually-hidden">{tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{column}</th>
              <th scope="col" className="num">
                Aantal
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((p) => (
              <tr key={p.key}>
                <th scope="row">{p.label}</th>
                <td className="num">
                  {p.count === null ? p.missing : formatNumber(p.count)}
                  {p.suffix ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
