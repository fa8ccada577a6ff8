// Hotspot classes over the choropleth (hatching + outlines, readable in greyscale): feature-state 'hotspot' on the
// base sources of the wijk and buurt levels, drawn by layers of their own.
import type { AreaLevel } from '../../../lib/level.ts';
import { COLD_LINE, DASH, HOT_LINE, HOTSPOT_STYLES, type HotspotClassKey } from '../../../lib/overlayStyles.ts';
import type { Expression, FillLayer, LineLayer, LinePaint } from '../styleTypes.ts';
import { BORDER_LAYER, fillLayer, SOURCES, type BaseSource } from '../core/levels.ts';
import { visibility, type RawImage } from '../core/mapLike.ts';
import { removeOwn, type BaseChange, type MapOverlay, type OverlayContext } from './types.ts';

/** Levels with hotspots (the per-gemeente analyses). */
const HOTSPOT_LEVELS = ['wijk', 'buurt'] as const;
const HOT_HATCH = 'bvk-hot-hatch';
const COLD_DOTS = 'bvk-cold-dots';
const SUFFIXES = ['hotspot-hatch', 'hotspot-dots', 'hotspot-casing', 'hotspot-solid', 'hotspot-dashed', 'hotspot-dotted'] as const;
const layerIds = (level: AreaLevel) => SUFFIXES.map((s) => `${SOURCES[level]}-${s}`);

/** Hotspot class per area code; areas of the level that are not in `classes` count as 'none'. */
export interface HotspotProps {
  classes: Map<string, HotspotClassKey>;
  level: AreaLevel;
}

/** One level's hotspot layers. MapLibre's fill-pattern and line-dasharray cannot follow feature-state, so every
 * pattern and dash has its own layer whose opacity/width does. */
export function hotspotLayers(level: 'wijk' | 'buurt', base: BaseSource): [FillLayer, FillLayer, LineLayer, LineLayer, LineLayer, LineLayer] {
  const state: Expression = ['coalesce', ['feature-state', 'hotspot'], 'none'];
  const widthOf = (line: string, extra = 0): NonNullable<LinePaint['line-width']> => {
    const [first, ...rest] = HOTSPOT_STYLES.filter((s) => s.line === line || (line === 'casing' && s.line !== 'none'));
    if (!first) return 0;
    return ['match', state, first.key, first.width + extra, ...rest.flatMap((s) => [s.key, s.width + extra]), 0];
  };
  const colour: Expression = ['match', state, ['hot99', 'hot95', 'hot90'], HOT_LINE, COLD_LINE];
  const patternOpacity = (p: string): Expression => ['match', state, HOTSPOT_STYLES.filter((s) => s.pattern === p).map((s) => s.key), 1, 0];
  const [hatch, dots, casing, solid, dashed, dotted] = layerIds(level);
  const line = { visibility: 'none', 'line-join': 'round' } as const;
  return [
    { id: hatch, type: 'fill', ...base, layout: { visibility: 'none' }, paint: { 'fill-pattern': HOT_HATCH, 'fill-opacity': patternOpacity('hatch') } },
    { id: dots, type: 'fill', ...base, layout: { visibility: 'none' }, paint: { 'fill-pattern': COLD_DOTS, 'fill-opacity': patternOpacity('dots') } },
    // White casing under every hotspot line, so a dark line reads on the darkest fill too.
    { id: casing, type: 'line', ...base, layout: line, paint: { 'line-color': '#ffffff', 'line-width': widthOf('casing', 3) } },
    { id: solid, type: 'line', ...base, layout: line, paint: { 'line-color': colour, 'line-width': widthOf('solid') } },
    { id: dashed, type: 'line', ...base, layout: line, paint: { 'line-color': colour, 'line-width': widthOf('dashed'), 'line-dasharray': [...DASH.dashed] } },
    { id: dotted, type: 'line', ...base, layout: { ...line, 'line-cap': 'round' }, paint: { 'line-color': colour, 'line-width': widthOf('dotted'), 'line-dasharray': [...DASH.dotted] } },
  ];
}

export class HotspotOverlay implements MapOverlay<HotspotProps | null> {
  readonly id = 'hotspots';
  private props: HotspotProps | null = null;

  add(ctx: OverlayContext): void {
    const { map } = ctx;
    map.addImage(HOT_HATCH, patternImage('hatch'), { pixelRatio: 2 });
    map.addImage(COLD_DOTS, patternImage('dots'), { pixelRatio: 2 });
    for (const level of HOTSPOT_LEVELS) {
      // Above the level's own outline (the next layer up).
      const before = level === 'wijk' ? fillLayer('buurt') : BORDER_LAYER;
      for (const layer of hotspotLayers(level, ctx.base(level))) map.addLayer(layer, before);
    }
  }

  /** Only changed states are sent; null hides the layers (the states stay until new areas come). */
  update(ctx: OverlayContext, props: HotspotProps | null): void {
    this.props = props;
    if (props) {
      const source = SOURCES[props.level];
      for (const code of ctx.features(props.level).keys()) ctx.states.patch(source, code, { hotspot: props.classes.get(code) ?? 'none' });
    }
    this.show(ctx);
  }

  refresh(ctx: OverlayContext, change: BaseChange): void {
    if (change === 'areas') this.update(ctx, this.props);
    else if (change === 'level') this.show(ctx);
  }

  remove({ map }: OverlayContext): void {
    removeOwn(map, HOTSPOT_LEVELS.flatMap(layerIds), [], [HOT_HATCH, COLD_DOTS]);
  }

  private show({ map, level }: OverlayContext): void {
    for (const lvl of HOTSPOT_LEVELS) {
      for (const id of layerIds(lvl)) map.setLayoutProperty(id, 'visibility', visibility(lvl === level && this.props !== null));
    }
  }
}

/** Hatch (hot spots, '/' direction, opposite to the no-data hatch) and dots (cold spots): dark marks with a white edge. */
function patternImage(kind: 'hatch' | 'dots'): RawImage {
  // Sparse enough that the choropleth colour underneath still reads (about 40 % covered).
  const size = kind === 'hatch' ? 32 : 24;
  const data = new Uint8Array(size * size * 4);
  const set = (i: number, v: number) => {
    data[i] = v;
    data[i + 1] = v;
    data[i + 2] = v;
    data[i + 3] = 255;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      if (kind === 'hatch') {
        const d = (x - y + size * 2) % 16;
        if (d < 3) set(i, 0);
        else if (d <= 4 || d >= 14) set(i, 255);
      } else {
        const r = Math.hypot(x - size / 2 + 0.5, y - size / 2 + 0.5);
        if (r <= 3.5) set(i, 0);
        else if (r <= 5.5) set(i, 255);
      }
    }
  }
  return { width: size, height: size, data };
}
