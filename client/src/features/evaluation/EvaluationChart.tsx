// Treated against control buurten month by month, with the start of the approach marked. The table
// beside it (EvaluationResult) gives the same figures for screen readers and for reading off values.
import type { EvaluationResponse } from '../../api/client.ts';
import { formatMonth, formatNumber } from '../../lib/format.ts';

const W = 640;
const H = 240;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

export function EvaluationChart({ data }: { data: EvaluationResponse }) {
  const treated = data.treated.series;
  const control = data.control.series;
  if (treated.length === 0) return null;
  const max = Math.max(1, ...treated.map((p) => p.count ?? 0), ...control.map((p) => p.count ?? 0));
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, treated.length - 1);
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  const line = (series: typeof treated) =>
    series
      .map((p, i) => (p.count === null ? null : `${x(i).toFixed(1)},${y(p.count).toFixed(1)}`))
      .filter((s): s is string => s !== null)
      .join(' ');
  const startIndex = treated.findIndex((p) => p.period === 'na');
  const startX = startIndex > 0 ? (x(startIndex - 1) + x(startIndex)) / 2 : null;
  return (
    <figure className="evaluation-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="evaluatie-grafiek-titel" width="100%">
        <title id="evaluatie-grafiek-titel">Aantal per maand in de aanpakbuurten en in de vergelijkingsbuurten, vóór en na de start</title>
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="#595959" />
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={y(0)} stroke="#595959" />
        <text x={PAD.left - 6} y={y(max) + 4} textAnchor="end" fontSize="12">{formatNumber(max)}</text>
        <text x={PAD.left - 6} y={y(0) + 4} textAnchor="end" fontSize="12">0</text>
        <text x={PAD.left} y={H - 8} fontSize="12">{formatMonth(treated[0].month)}</text>
        <text x={W - PAD.right} y={H - 8} textAnchor="end" fontSize="12">{formatMonth(treated[treated.length - 1].month)}</text>
        {startX !== null && (
          <>
            <line x1={startX} x2={startX} y1={PAD.top} y2={y(0)} stroke="#000" strokeDasharray="2 3" />
            <text x={startX + 4} y={PAD.top + 10} fontSize="12">start aanpak</text>
          </>
        )}
        <polyline points={line(control)} fill="none" stroke="#0b4f9c" strokeWidth="2" strokeDasharray="6 4" />
        <polyline points={line(treated)} fill="none" stroke="#b00050" strokeWidth="2.5" />
      </svg>
      <figcaption>
        <span className="evaluation-key evaluation-key-treated" aria-hidden="true" /> Aanpakbuurten (doorgetrokken lijn){' '}
        <span className="evaluation-key evaluation-key-control" aria-hidden="true" /> Vergelijkingsbuurten, geschaald naar hetzelfde niveau vóór de start (gestippeld)
      </figcaption>
    </figure>
  );
}
