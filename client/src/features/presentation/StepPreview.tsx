// What a draaiboek step will show on the big screen, seen from the editor: a small map of the step's
// areas coloured as the presentation colours them, and a warning when the presentation's privacy rules
// would hide most of it. The figures come from the same answer the presentation asks for (view=presentatie),
// so what the analist sees here is what the room will see.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useMemo } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import type { PresentationBody, PresentationView, ScopedStatsResponse } from '../../api/client.ts';
import { useAreasQuery, useStatsQuery } from '../../api/queries.ts';
import { classify, computeBreaks } from '../../lib/classes.ts';
import { formatNumber, pluralArea } from '../../lib/format.ts';
import { NO_DATA_FILL, sequentialPalette } from '../../lib/palette.ts';
import { stepScope } from './steps.ts';

const WIDTH = 160;
const HEIGHT = 120;

/** The gemeente of a CBS code: GM0935, BU09350000 and WK093500 all belong to GM0935. */
export function gemeenteOf(code: string): string {
  return `GM${code.slice(2, 6)}`;
}

export interface StepSummary {
  /** Areas of the step's level in its focus. */
  areas: number;
  /** Of those, hidden for the presentation (a count of 1 up to the threshold). */
  suppressed: number;
  /** Of those, with no figure at all. */
  empty: number;
  /** A sentence for the editor when the step would mislead or show nothing; null when it is fine. */
  warning: string | null;
}

/** How much of a step the presentation can show. Pure, for the editor and its tests. */
export function summariseStep(rows: ScopedStatsResponse['rows'], level: 'buurt' | 'wijk'): StepSummary {
  const words = level === 'buurt' ? ['buurt', 'buurten'] : ['wijk', 'wijken'];
  const suppressed = rows.filter((r) => r.flags.includes('suppressed')).length;
  const empty = rows.filter((r) => !r.flags.includes('suppressed') && (r.count === null || r.count === 0)).length;
  const n = rows.length;
  const of = (k: number) => `${formatNumber(k)} van de ${formatNumber(n)} ${words[1]}`;
  let warning: string | null = null;
  if (n === 0 || empty === n) warning = `Deze weergave toont geen cijfers: geen registraties in ${n === 0 ? 'dit gebied' : 'deze periode'}.`;
  else if (suppressed + empty === n) warning = `Deze weergave toont geen cijfers: alle ${words[1]} worden bij presentatie afgeschermd (kleine aantallen).`;
  else if (suppressed * 2 >= n)
    warning = `Let op: bij presentatie worden ${of(suppressed)} afgeschermd (kleine aantallen). Kies wijken, een langere periode of een bredere soort.`;
  return { areas: n, suppressed, empty, warning };
}

/** A ring as an SVG path, lon/lat scaled so a kilometre is as long east-west as north-south. */
function pathOf(geometry: Geometry, project: (x: number, y: number) => [number, number]): string {
  const ring = (r: number[][]) => r.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${project(x, y).map((v) => v.toFixed(1)).join(',')}`).join('') + 'Z';
  if (geometry.type === 'Polygon') return geometry.coordinates.map(ring).join('');
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flatMap((p) => p.map(ring)).join('');
  return '';
}

/** A step as the editor holds it (before the server has added its gemeente). */
type DraftStep = PresentationBody['views'][number];

export function StepPreview({ step, index }: { step: DraftStep; index: number }) {
  const gemeente = gemeenteOf(step.focus.codes[0] ?? 'GM0000');
  const scope = stepScope({ ...step, focus: { ...step.focus, gemeente } } as PresentationView);
  const counts = step.layers.includes('choropleth');
  const topology = useAreasQuery(gemeente).data ?? null;
  const stats = useStatsQuery({ gemeente, level: scope.level, category: step.category, from: step.from, to: step.to, view: 'presentatie' }).data ?? null;
  const rows = useMemo(() => (stats && stats.meta.level === scope.level ? stats.rows.filter(scope.inFocus) : []), [stats, scope]);
  const summary = stats ? summariseStep(rows, scope.level) : null;

  const drawing = useMemo(() => {
    if (!topology || rows.length === 0) return null;
    const obj = topology.objects[scope.level === 'buurt' ? 'buurten' : 'wijken'] as GeometryCollection | undefined;
    if (!obj) return null;
    const wanted = new Map(rows.map((r) => [r.code, r]));
    const fc = feature(topology, obj) as FeatureCollection;
    const shapes = fc.features.filter((f): f is Feature<Geometry> => !!f.geometry && wanted.has(String(f.properties?.code ?? f.id)));
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    const k = Math.cos(((topology.bbox?.[1] ?? 51) * Math.PI) / 180);
    for (const f of shapes) {
      const g = f.geometry;
      const rings = g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
      for (const [x, y] of rings.flat()) [x0, y0, x1, y1] = [Math.min(x0, x * k), Math.min(y0, y), Math.max(x1, x * k), Math.max(y1, y)];
    }
    const scale = Math.min((WIDTH - 4) / (x1 - x0 || 1), (HEIGHT - 4) / (y1 - y0 || 1));
    const project = (x: number, y: number): [number, number] => [2 + (x * k - x0) * scale, 2 + (y1 - y) * scale];
    const values = rows.filter((r) => !r.flags.includes('suppressed')).map((r) => r[step.measure]);
    const classes = classify(values, computeBreaks(values, 'quantile', 5), (b) => sequentialPalette(b.length + 1));
    return shapes.map((f) => {
      const r = wanted.get(String(f.properties?.code ?? f.id))!;
      const fill = !counts ? '#dbe4ee' : r.flags.includes('suppressed') ? '#bdbdbd' : (classes.colourFor(r[step.measure]) ?? NO_DATA_FILL);
      return { code: r.code, d: pathOf(f.geometry, project), fill };
    });
  }, [topology, rows, scope.level, step.measure, counts]);

  const label = summary
    ? `Voorbeeld van weergave ${index + 1}: ${pluralArea(summary.areas, scope.level)}${counts ? `, waarvan ${formatNumber(summary.suppressed)} afgeschermd` : ''}`
    : `Voorbeeld van weergave ${index + 1} wordt geladen`;
  return (
    <div className="step-preview">
      {drawing ? (
        <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
          {drawing.map((s) => (
            <path key={s.code} d={s.d} fill={s.fill} stroke="#555" strokeWidth={0.5} />
          ))}
        </svg>
      ) : (
        <p className="hint">{label}…</p>
      )}
      <p className="hint">
        Op {scope.level === 'buurt' ? 'buurtniveau' : 'wijkniveau'}: {summary ? pluralArea(summary.areas, scope.level) : '…'}
        {counts && summary && summary.suppressed > 0 ? `, ${formatNumber(summary.suppressed)} afgeschermd (grijs)` : ''}.
      </p>
      {counts && summary?.warning && <p className="warning-text">{summary.warning}</p>}
    </div>
  );
}
