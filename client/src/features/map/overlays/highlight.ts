// Hover and selection outline: its own tiny source holding only the hovered and the selected area. As feature-state
// line layers on the area sources they drew every boundary twice more (width 0) and had their paint arrays rebuilt
// on every recolour — at NL that was the most expensive part of each frame.
import type { Feature, Geometry } from 'geojson';
import type { Expression, LineLayer } from '../styleTypes.ts';
import { EMPTY, setSourceData } from '../core/mapLike.ts';
import { removeOwn, type BaseChange, type MapOverlay, type OverlayContext } from './types.ts';

const SOURCE = 'highlight';
const LAYERS = ['highlight-casing', 'highlight'] as const;

export interface HighlightProps {
  hovered?: string | null;
  selected?: string | null;
}

function highlightLayers(): [LineLayer, LineLayer] {
  // Dark casing + white core: at least 3:1 against every fill colour of the palettes.
  const selected: Expression = ['==', ['get', 'kind'], 'selected'];
  return [
    { id: LAYERS[0], type: 'line', source: SOURCE, layout: { 'line-join': 'round' }, paint: { 'line-color': '#000000', 'line-width': ['case', selected, 5, 3.5] } },
    { id: LAYERS[1], type: 'line', source: SOURCE, layout: { 'line-join': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': ['case', selected, 2, 1.2] } },
  ];
}

export class HighlightOverlay implements MapOverlay<HighlightProps> {
  readonly id = 'highlight';
  private hovered: string | null = null;
  private selected: string | null = null;
  /** What the source holds, so an unchanged highlight is not sent again. */
  private key = '';

  add({ map }: OverlayContext): void {
    map.addSource(SOURCE, { type: 'geojson', data: EMPTY });
    for (const layer of highlightLayers()) map.addLayer(layer);
  }

  update(ctx: OverlayContext, props: HighlightProps): void {
    if (props.hovered !== undefined) this.hovered = props.hovered;
    if (props.selected !== undefined) this.selected = props.selected;
    this.draw(ctx);
  }

  refresh(ctx: OverlayContext, change: BaseChange): void {
    if (change === 'areas') {
      // The pointer is over another area now (or none): it shows again when it moves.
      this.hovered = null;
      this.key = '';
    }
    this.draw(ctx);
  }

  remove({ map }: OverlayContext): void {
    removeOwn(map, LAYERS, [SOURCE]);
    this.key = '';
  }

  /** Puts the selected and the hovered area of the level on show into the source (selected on top). */
  private draw(ctx: OverlayContext): void {
    const hoveredCode = this.hovered && this.hovered !== this.selected ? this.hovered : null;
    // With tiles, an outline is cut again after new tiles (finer at this zoom, or its first tile loaded).
    const key = hoveredCode || this.selected ? `${ctx.level}|${hoveredCode ?? ''}|${this.selected ?? ''}|${ctx.tileGeneration}` : ctx.level;
    if (key === this.key) return;
    this.key = key;
    const shape = (code: string | null): Geometry | null => (code ? ctx.geometryOf(ctx.level, code) : null);
    const hovered = shape(hoveredCode);
    const selected = shape(this.selected);
    const out: Feature[] = [];
    if (hovered) out.push({ type: 'Feature', properties: { kind: 'hover' }, geometry: hovered });
    if (selected) out.push({ type: 'Feature', properties: { kind: 'selected' }, geometry: selected });
    setSourceData(ctx.map, SOURCE, { type: 'FeatureCollection', features: out });
  }
}
