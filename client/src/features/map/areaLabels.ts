// Names of the areas on the map. The offline style has no glyphs (fonts are a network resource), so each name
// is drawn once on a canvas, in the page's own font with a white halo, and placed as an icon; MapLibre's
// placement then leaves out a name that would overlap one placed before it (lower `rank` first), so at a
// gemeente's zoom the larger buurten are named and zooming in names the rest.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';

const SOURCE = 'area-labels';
export const AREA_LABEL_LAYER = 'area-labels';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** Drawn at twice the size and shown at half: sharp on high-density screens. */
const PIXEL_RATIO = 2;

export interface AreaLabel {
  code: string;
  naam: string;
  at: Position;
  /** Placed in this order (lower first), so an important name wins a collision. */
  rank: number;
}

export class AreaLabels {
  /** `fontPx`: 12 beside the analyst's tables; larger on the big screen of a presentation. */
  constructor(private readonly map: MapLibreMap, private readonly fontPx = 12) {
    map.addSource(SOURCE, { type: 'geojson', data: EMPTY });
    map.addLayer({
      id: AREA_LABEL_LAYER,
      type: 'symbol',
      source: SOURCE,
      layout: { 'icon-image': ['get', 'image'], 'icon-allow-overlap': false, 'icon-padding': 4, 'symbol-sort-key': ['get', 'rank'] },
    });
  }

  set(labels: AreaLabel[]): void {
    const features = labels.flatMap((l) => {
      const image = this.image(l.naam);
      return image ? [{ type: 'Feature' as const, properties: { code: l.code, image, rank: l.rank }, geometry: { type: 'Point', coordinates: l.at } satisfies Point }] : [];
    });
    (this.map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features });
  }

  /** The name as an image (made once per name): dark text, white halo, the page's sans-serif. */
  private image(naam: string): string | null {
    const id = `bvk-label-${this.fontPx}-${naam}`;
    if (this.map.hasImage(id)) return id;
    const font = `600 ${this.fontPx * PIXEL_RATIO}px system-ui, "Segoe UI", Roboto, Arial, sans-serif`;
    const measure = document.createElement('canvas').getContext('2d');
    if (!measure) return null;
    measure.font = font;
    const halo = Math.ceil(this.fontPx / 4) * PIXEL_RATIO;
    const width = Math.ceil(measure.measureText(naam).width) + 2 * halo;
    const height = Math.ceil(this.fontPx * 1.35) * PIXEL_RATIO + 2 * halo;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.font = font;
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    ctx.lineWidth = halo;
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.95)';
    ctx.strokeText(naam, halo, height / 2);
    ctx.fillStyle = '#1b1b1b';
    ctx.fillText(naam, halo, height / 2);
    const img = ctx.getImageData(0, 0, width, height);
    this.map.addImage(id, { width, height, data: new Uint8Array(img.data.buffer) }, { pixelRatio: PIXEL_RATIO });
    return id;
  }
}

/**
 * Where an area's name goes: the centroid of its largest ring when that lies inside, else the middle of the widest
 * stretch inside the ring on the horizontal line through the centroid (a U-shaped buurt's centroid is outside it).
 */
export function labelAnchor(g: Polygon | MultiPolygon): { at: Position; area: number } | null {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best: { area: number; c: Position; ring: Position[] } | null = null;
  for (const p of polys) {
    const ring = p[0];
    if (!ring || ring.length < 4) continue;
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      const f = x0 * y1 - x1 * y0;
      a += f;
      cx += (x0 + x1) * f;
      cy += (y0 + y1) * f;
    }
    if (Math.abs(a) < 1e-15) continue;
    const area = Math.abs(a / 2);
    if (!best || area > best.area) best = { area, c: [cx / (3 * a), cy / (3 * a)], ring };
  }
  if (!best) return null;
  const [x, y] = best.c;
  const crossings: number[] = [];
  for (let i = 0, j = best.ring.length - 1; i < best.ring.length; j = i++) {
    const [xi, yi] = best.ring[i];
    const [xj, yj] = best.ring[j];
    if (yi > y !== yj > y) crossings.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
  }
  crossings.sort((p, q) => p - q);
  // Pairs of crossings bound the stretches inside the ring; the centroid is inside when it lies in one.
  let widest: [number, number] | null = null;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const [l, r] = [crossings[i], crossings[i + 1]];
    if (x >= l && x <= r) return { at: best.c, area: best.area };
    if (!widest || r - l > widest[1] - widest[0]) widest = [l, r];
  }
  return { at: widest ? [(widest[0] + widest[1]) / 2, y] : best.ring[0], area: best.area };
}
