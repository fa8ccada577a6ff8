// Attention areas: their own small source with the outline of each area (merged from its buurten, or the uploaded
// polygon) and one number badge, the key in the list beside the map.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { merge } from 'topojson-client';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import { attentionStyle } from '../../../lib/overlayStyles.ts';
import { labelAnchor } from '../areaLabels.ts';
import type { Expression, LineLayer, SymbolLayer } from '../styleTypes.ts';
import { EMPTY, setSourceData, visibility, type MapLike } from '../core/mapLike.ts';
import { removeOwn, type BaseChange, type MapOverlay, type OverlayContext } from './types.ts';

const SOURCE = 'attention';
const LAYERS = ['attention-casing', 'attention-line', 'attention-label'] as const;

/** An attention area as the map draws it: its number (the key in the list beside the map) and its buurten. */
export interface MapAttentionArea {
  /** 1-based number shown in the badge and the list. */
  n: number;
  codes: string[];
  /** Uploaded polygon (WGS84); otherwise the outline of its buurten is used. */
  geometry?: Polygon | MultiPolygon | null;
}

export interface AttentionProps {
  areas: MapAttentionArea[];
  visible: boolean;
}

function attentionLayers(): [LineLayer, LineLayer, SymbolLayer] {
  const polygons: Expression = ['any', ['==', ['geometry-type'], 'Polygon'], ['==', ['geometry-type'], 'MultiPolygon']];
  return [
    { id: LAYERS[0], type: 'line', source: SOURCE, filter: polygons, layout: { visibility: 'none', 'line-join': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': 6 } },
    {
      id: LAYERS[1],
      type: 'line',
      source: SOURCE,
      filter: polygons,
      layout: { visibility: 'none', 'line-join': 'round' },
      paint: { 'line-color': ['get', 'colour'], 'line-width': 3, 'line-dasharray': ['get', 'dash'] },
    },
    {
      id: LAYERS[2],
      type: 'symbol',
      source: SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      layout: { visibility: 'none', 'icon-image': ['get', 'badge'], 'icon-allow-overlap': true, 'icon-ignore-placement': true },
    },
  ];
}

export class AttentionOverlay implements MapOverlay<AttentionProps> {
  readonly id = 'attention';
  private props: AttentionProps = { areas: [], visible: false };
  /** What the source last got, so an unchanged overlay skips setData. */
  private sent: { areas: MapAttentionArea[]; topology: Topology | null; empty: boolean } | null = null;

  add({ map }: OverlayContext): void {
    map.addSource(SOURCE, { type: 'geojson', data: EMPTY });
    for (const layer of attentionLayers()) map.addLayer(layer);
  }

  update(ctx: OverlayContext, props: AttentionProps): void {
    this.props = props;
    const { areas } = props;
    const topology = ctx.topology;
    // Every setData makes MapLibre re-render a whole frame once the worker answers (seconds for all NL buurten in
    // software rendering), so an unchanged overlay (same list, same geometry; or still empty) is not sent again.
    const sent = this.sent;
    if (!(sent && ((sent.areas === areas && sent.topology === topology) || (sent.empty && areas.length === 0)))) {
      this.sent = { areas, topology, empty: areas.length === 0 };
      if (setSourceData(ctx.map, SOURCE, { type: 'FeatureCollection', features: attentionFeatures(ctx.map, topology, areas) })) ctx.counters.overlayDataCalls++;
    }
    this.show(ctx);
  }

  refresh(ctx: OverlayContext, change: BaseChange): void {
    if (change === 'areas') this.update(ctx, this.props);
    else if (change === 'level') this.show(ctx);
  }

  remove({ map }: OverlayContext): void {
    removeOwn(map, LAYERS, [SOURCE]);
    this.sent = null;
  }

  private show({ map }: OverlayContext): void {
    for (const id of LAYERS) map.setLayoutProperty(id, 'visibility', visibility(this.props.visible));
  }
}

/** Outline and badge point of each area that has a geometry. */
function attentionFeatures(map: MapLike, topology: Topology | null, areas: MapAttentionArea[]): Feature[] {
  const features: Feature[] = [];
  if (!topology) return features;
  const buurten = topology.objects['buurten'] as GeometryCollection | undefined;
  for (const [i, area] of areas.entries()) {
    const wanted = new Set(area.codes);
    const geometry: Polygon | MultiPolygon | null =
      area.geometry ??
      (buurten
        ? merge(
            topology,
            buurten.geometries.filter(
              (g): g is TopoPolygon | TopoMultiPolygon =>
                (g.type === 'Polygon' || g.type === 'MultiPolygon') && wanted.has(String((g.properties as { code?: string } | null)?.code ?? g.id)),
            ),
          )
        : null);
    if (!geometry || geometry.coordinates.length === 0) continue;
    const style = attentionStyle(i);
    const badge = badgeImage(map, area.n);
    features.push({ type: 'Feature', properties: { n: area.n, colour: style.colour, dash: style.dash }, geometry });
    const anchor = labelAnchor(geometry);
    if (anchor && badge) features.push({ type: 'Feature', properties: { n: area.n, badge }, geometry: { type: 'Point', coordinates: anchor.at } });
  }
  return features;
}

/** Number badge drawn on a canvas (the offline style has no glyphs); its image id, or null without a canvas. */
function badgeImage(map: MapLike, n: number): string | null {
  const id = `bvk-badge-${n}`;
  if (map.hasImage(id)) return id;
  const size = 44;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, size / 2 - 3, 0, Math.PI * 2);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.lineWidth = 4;
  ctx.strokeStyle = '#000000';
  ctx.stroke();
  ctx.fillStyle = '#000000';
  ctx.font = `bold ${n > 9 ? 20 : 24}px Arial, Helvetica, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(String(n), size / 2, size / 2 + 1);
  const img = ctx.getImageData(0, 0, size, size);
  map.addImage(id, { width: size, height: size, data: new Uint8Array(img.data.buffer) }, { pixelRatio: 2 });
  return id;
}
