// Small SVG chart for one indicator: dashed target line through the yearly targets, measured points
// (open circles for DEMO values, squares for the plan's own figures). The card's table gives the same figures.
import { scaleLinear } from 'd3-scale';
import type { TargetOut } from '../../api/client.ts';
import { formatNumber } from '../../lib/format.ts';
import { targetText, yearRows } from './targetText.ts';

const W = 340;
const H = 150;
const M = { top: 12, right: 14, bottom: 24, left: 40 };

export function TargetChart({ target, titleId }: { target: TargetOut; titleId: string }) {
  const rows = yearRows(target);
  const years = rows.map((r) => r.year);
  const y0 = Math.min(...years);
  const y1 = Math.max(...years);
  const numbers = [...rows.map((r) => r.value), ...target.targets.map((t) => t.value)].filter((v): v is number => v !== null);
  const rapport = target.unit === 'rapportcijfer';
  const lo = rapport ? Math.floor(Math.min(...numbers) - 0.3) : 0;
  const hi = Math.max(...numbers, lo + 1) * (rapport ? 1 : 1.1);
  const y = scaleLinear()
    .domain([lo, rapport ? Math.ceil(hi + 0.3) : hi])
    .range([H - M.bottom, M.top])
    .nice(3);
  const x = (year: number) => M.left + (y1 === y0 ? (W - M.left - M.right) / 2 : ((year - y0) / (y1 - y0)) * (W - M.left - M.right));
  const numeric = target.targets.filter((t) => t.value !== null).sort((a, b) => a.year - b.year);
  const measured = rows.filter((r) => r.value !== null);
  // Only values computed the same way are joined by a line; the plan's own figures (other source) stand alone.
  const computed = measured.filter((r) => !r.fromPlan);
  const ticks = y.ticks(3);
  const tickYears = years.length <= 6 ? years : years.filter((yr) => yr === y0 || yr === y1 || (yr % 2 === 0 && y1 - yr >= 2 && yr - y0 >= 2));
  const desc = [
    `Doelen: ${target.targets.map((t) => `${t.year} ${targetText(t, target.unit)}`).join('; ')}.`,
    `Gemeten: ${measured.map((r) => `${r.year} ${formatNumber(r.value, 1)}${r.demo ? ' (DEMO)' : ''}${r.fromPlan ? ' (plan)' : ''}`).join('; ') || 'geen'}.`,
  ].join(' ');
  return (
    <svg className="target-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId}-chart-title ${titleId}-chart-desc`}>
      <title id={`${titleId}-chart-title`}>Grafiek {target.label}</title>
      <desc id={`${titleId}-chart-desc`}>{desc}</desc>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="#d5dae0" />
          <text x={M.left - 4} y={y(t) + 4} textAnchor="end" fontSize="10" fill="#4d4d4d">
            {formatNumber(t, Number.isInteger(t) ? 0 : 1)}
          </text>
        </g>
      ))}
      {tickYears.map((yr) => (
        <text key={yr} x={x(yr)} y={H - 8} textAnchor="middle" fontSize="10" fill="#4d4d4d">
          {yr}
        </text>
      ))}
      {numeric.length > 0 && (
        <polyline
          className="target-line"
          points={numeric.map((t) => `${x(t.year)},${y(t.value!)}`).join(' ')}
          fill="none"
          stroke="#154273"
          strokeWidth="2"
          strokeDasharray="5 3"
        />
      )}
      {numeric.map((t) => (
        <path key={t.year} d={`M${x(t.year)},${y(t.value!) - 5}l5,5l-5,5l-5,-5z`} fill="#154273" />
      ))}
      {computed.length > 1 && (
        <polyline points={computed.map((r) => `${x(r.year)},${y(r.value!)}`).join(' ')} fill="none" stroke="#8a3b00" strokeWidth="1.5" />
      )}
      {measured.map((r) =>
        r.fromPlan ? (
          <rect key={r.year} x={x(r.year) - 4} y={y(r.value!) - 4} width="8" height="8" fill="#8a3b00" />
        ) : (
          <circle key={r.year} cx={x(r.year)} cy={y(r.value!)} r="4" fill={r.demo ? '#ffffff' : '#8a3b00'} stroke="#8a3b00" strokeWidth="2" />
        ),
      )}
    </svg>
  );
}
