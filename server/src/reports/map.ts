// The report map: the real CBS boundaries of one gemeente (from its derived TopoJSON) drawn as an
// inline SVG choropleth, with quantile classes in the client's colour-blind-safe YlOrRd palette,
// a legend with the classes and the number of areas per class, a scale bar, a north arrow and the
// source credit. Server-rendered so the PDF shows the same map on every machine, without tiles.
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { geoArea, geoMercator, geoPath } from 'd3-geo';
import { scaleQuantile, scaleThreshold } from 'd3-scale';
import { esc, num } from './format.ts';
import { NO_DATA_FILL, sequentialPalette } from '../domain/palette.ts';
import type { MapLevel } from '../domain/model.ts';

export const CREDIT = 'Bron: CBS, Politie (via CBS), Kadaster/PDOK';

const EARTH_RADIUS_M = 6_371_008.8;

/** Areas with too few inhabitants for a rate: flat grey, apart from the hatched "geen gegevens" by pattern
 * (the same grey as the app's map, client/src/app/sources/policeColours.ts). */
export const TOO_FEW_FILL = '#e6e6e6';
export const TOO_FEW_WORDS = 'te weinig inwoners';

type AreaFeature = Feature<Polygon | MultiPolygon, { code?: string; naam?: string }>;

export interface MapValue {
  code: string;
  value: number | null;
  /** Hidden for privacy (a count of 1 up to the threshold): drawn like no data, counted separately. */
  suppressed?: boolean;
  /** Too few inhabitants for the measure (a rate per 1,000): no class, left out of the class breaks and
   * counted apart, as on the app's own map. */
  tooFew?: boolean;
}

export interface MapOptions {
  /** The gemeente's TopoJSON (objects buurten, wijken, gemeente). */
  topology: Buffer | string;
  level: MapLevel;
  values: MapValue[];
  /** What the colours mean, e.g. "Misdrijven per 1.000 inwoners (EB), juli 2023 – juni 2024". */
  title: string;
  decimals: number;
  width?: number;
  height?: number;
  classes?: number;
  /** Areas drawn with a thick outline and a short label (e.g. their rank), on top of the classes. */
  highlight?: { code: string; label: string }[];
}

export interface LegendClass {
  colour: string;
  label: string;
  count: number;
}

export interface RenderedMap {
  svg: string;
  legend: LegendClass[];
  noData: number;
  suppressed: number;
  tooFew: number;
  /** The whole figure: map, legend and credit, ready to place in a report. */
  html: string;
}

/** d3-geo wants clockwise exterior rings; GeoJSON (RFC 7946) has them counter-clockwise. */
function rewind<F extends AreaFeature>(f: F): F {
  if (geoArea(f) <= 2 * Math.PI) return f;
  const g = f.geometry;
  const flip = (rings: number[][][]) => rings.map((r) => [...r].reverse());
  const geometry = g.type === 'Polygon' ? { ...g, coordinates: flip(g.coordinates) } : { ...g, coordinates: g.coordinates.map(flip) };
  return { ...f, geometry } as F;
}

/** The polygons of one TopoJSON object, rewound for d3-geo, each with its `code`. */
export function featuresOf(topo: Topology, name: string): AreaFeature[] {
  const obj = topo.objects[name] as GeometryCollection | undefined;
  if (!obj) return [];
  const fc = feature(topo, obj) as FeatureCollection;
  return (fc.features as AreaFeature[])
    .filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
    .map((f) => rewind({ ...f, properties: { ...f.properties, code: f.properties?.code ?? String(f.id) } }));
}

/** Quantile thresholds (the client's method): unique, strictly above the minimum. */
function quantileBreaks(values: number[], k: number): number[] {
  const distinct = new Set(values).size;
  const n = Math.max(1, Math.min(k, distinct));
  if (n === 1 || values.length === 0) return [];
  const min = Math.min(...values);
  const q = scaleQuantile<number>().domain(values).range(Array.from({ length: n }, (_, i) => i)).quantiles();
  return [...new Set(q.filter((t) => Number.isFinite(t) && t > min))].sort((a, b) => a - b);
}

/** A round length (1, 2 or 5 × 10ⁿ metres) not longer than `max`. */
function niceLength(max: number): number {
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [5, 2, 1]) if (m * p <= max) return m * p;
  return p;
}

const shortWijk = (naam: string) => naam.replace(/^Wijk\s+\d+\s+/i, '');

export function renderMap(o: MapOptions): RenderedMap {
  const width = o.width ?? 600;
  const height = o.height ?? 580;
  const topo = JSON.parse(typeof o.topology === 'string' ? o.topology : o.topology.toString('utf8')) as Topology;
  const areas = featuresOf(topo, o.level === 'buurt' ? 'buurten' : 'wijken');
  const wijken = o.level === 'buurt' ? featuresOf(topo, 'wijken') : [];
  const byCode = new Map(o.values.map((v) => [v.code, v]));

  const finite = o.values.filter((v) => !v.suppressed && !v.tooFew && v.value !== null && Number.isFinite(v.value)).map((v) => v.value!);
  const breaks = quantileBreaks(finite, o.classes ?? 5);
  const colours = sequentialPalette(breaks.length + 1);
  const scale = scaleThreshold<number, number>().domain(breaks).range(colours.map((_, i) => i));
  const classOf = (v: MapValue | undefined) => (!v || v.suppressed || v.tooFew || v.value === null || !Number.isFinite(v.value) ? -1 : scale(v.value));

  const legend: LegendClass[] = finite.length === 0 ? [] : colours.map((colour, i) => {
    const inClass = finite.filter((v) => scale(v) === i);
    const lo = i === 0 ? Math.min(...inClass) : breaks[i - 1];
    const hi = i === colours.length - 1 ? Math.max(...inClass) : breaks[i];
    const label = inClass.length === 0 ? (i === 0 ? `< ${num(hi, o.decimals)}` : `≥ ${num(lo, o.decimals)}`) : lo === hi ? num(lo, o.decimals) : `${num(lo, o.decimals)} – ${num(hi, o.decimals)}`;
    return { colour, label, count: inClass.length };
  });
  let noData = 0;
  let suppressed = 0;
  let tooFew = 0;
  for (const f of areas) {
    const v = byCode.get(f.properties.code!);
    if (v?.suppressed) suppressed++;
    else if (v?.tooFew) tooFew++;
    else if (classOf(v) < 0) noData++;
  }

  const pad = 16;
  const fc: FeatureCollection = { type: 'FeatureCollection', features: areas };
  const projection = geoMercator().fitExtent([[pad, pad], [width - pad, height - pad - 34]], fc);
  const path = geoPath(projection);
  const paths = areas.map((f) => {
    const v = byCode.get(f.properties.code!);
    const c = classOf(v);
    const grey = !v?.suppressed && v?.tooFew;
    const fill = grey ? TOO_FEW_FILL : c < 0 ? 'url(#nodata)' : colours[c];
    const value = v?.suppressed ? 'afgeschermd' : grey ? TOO_FEW_WORDS : c < 0 ? 'geen gegevens' : num(v!.value, o.decimals);
    return `<path d="${path(f) ?? ''}" fill="${fill}" stroke="#555" stroke-width="0.6"><title>${esc(f.properties.naam ?? f.properties.code)}: ${esc(value)}</title></path>`;
  });
  const wijkOutlines = wijken.map((f) => `<path d="${path(f) ?? ''}" fill="none" stroke="#111" stroke-width="1.8"/>`);
  const areaBy = new Map(areas.map((f) => [f.properties.code!, f]));
  const highlighted = (o.highlight ?? []).flatMap((h) => {
    const f = areaBy.get(h.code);
    if (!f) return [];
    const [x, y] = path.centroid(f);
    const badge = Number.isFinite(x) && Number.isFinite(y)
      ? `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="10" fill="#fff" stroke="#08306b" stroke-width="1.5"/><text x="${x.toFixed(1)}" y="${(y + 4).toFixed(1)}" text-anchor="middle" class="rank-label">${esc(h.label)}</text>`
      : '';
    const box = { x0: x - 12, x1: x + 12, y0: y - 12, y1: y + 12 };
    return [{ outline: `<path d="${path(f) ?? ''}" fill="none" stroke="#08306b" stroke-width="3"/>`, badge, box }];
  });
  const labelSource = o.level === 'buurt' ? wijken : areas;
  const candidates = labelSource.length > 0 && labelSource.length <= 15
    ? labelSource
        .map((f) => ({ c: path.centroid(f), text: shortWijk(f.properties.naam ?? ''), area: path.area(f) }))
        .filter(({ c }) => Number.isFinite(c[0]) && Number.isFinite(c[1]))
        .sort((a, b) => b.area - a.area)
        .map(({ c, text }) => ({ x: c[0], y: c[1], text }))
    : [];
  // Rank badges first: a wijk name gives way to them.
  const labels = placeLabels(candidates, LABEL_FONT_PX, highlighted.filter((h) => h.badge).map((h) => h.box)).map(
    (l) => `<text x="${l.x.toFixed(1)}" y="${l.y.toFixed(1)}" class="map-label" text-anchor="middle">${esc(l.text)}</text>`,
  );

  // Scale bar: Mercator stretches by 1/cos(latitude); metres per pixel at the gemeente's centre.
  const centre = projection.invert!([width / 2, height / 2]) ?? [0, 52];
  const metresPerPixel = (EARTH_RADIUS_M * Math.cos((centre[1] * Math.PI) / 180)) / projection.scale();
  const barMetres = niceLength((metresPerPixel * width) / 5);
  const barPx = barMetres / metresPerPixel;
  const barLabel = barMetres >= 1000 ? `${num(barMetres / 1000, barMetres % 1000 === 0 ? 0 : 1)} km` : `${num(barMetres)} m`;
  const by = height - 22;
  const scaleBar = `<g class="scale-bar" transform="translate(${pad},${by})">
<rect x="0" y="0" width="${(barPx / 2).toFixed(1)}" height="6" fill="#111"/><rect x="${(barPx / 2).toFixed(1)}" y="0" width="${(barPx / 2).toFixed(1)}" height="6" fill="#fff" stroke="#111" stroke-width="1"/>
<text x="0" y="18" class="map-small">0</text><text x="${barPx.toFixed(1)}" y="18" class="map-small" text-anchor="middle">${esc(barLabel)}</text></g>`;
  const north = `<g class="north-arrow" transform="translate(${width - pad - 14},${pad + 4})" aria-label="Noorden is boven">
<path d="M14 0 L24 30 L14 23 L4 30 Z" fill="#111"/><path d="M14 0 L14 23 L4 30 Z" fill="#fff" stroke="#111" stroke-width="1"/>
<text x="14" y="46" text-anchor="middle" class="map-north">N</text></g>`;
  const credit = `<text x="${width - pad}" y="${height - 8}" text-anchor="end" class="map-small">${esc(CREDIT)}</text>`;
  const titleId = `map-${o.level}-${Math.abs(hash(o.title))}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" class="report-map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${titleId}">
<title id="${titleId}">${esc(o.title)}</title>
<defs><pattern id="nodata" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${NO_DATA_FILL}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#888" stroke-width="1.5"/></pattern></defs>
<g class="areas">${paths.join('')}</g>
<g class="wijken">${wijkOutlines.join('')}</g>
<g class="labels">${labels.join('')}</g>
${highlighted.length ? `<g class="highlight">${highlighted.map((h) => h.outline).join('')}${highlighted.map((h) => h.badge).join('')}</g>` : ''}
${scaleBar}
${north}
${credit}
</svg>`;
  const unit = o.level === 'buurt' ? ['buurt', 'buurten'] : ['wijk', 'wijken'];
  const n = (k: number) => `${num(k)} ${k === 1 ? unit[0] : unit[1]}`;
  const swatch = (fill: string) => `<svg width="22" height="14" aria-hidden="true"><rect width="22" height="14" fill="${fill}" stroke="#555" stroke-width="1"/></svg>`;
  const legendRows = legend.map((c) => `<tr><td>${swatch(c.colour)}</td><td>${esc(c.label)}</td><td class="num">${esc(n(c.count))}</td></tr>`);
  if (noData > 0) legendRows.push(`<tr><td><svg width="22" height="14" aria-hidden="true"><rect width="22" height="14" fill="url(#nodata)" stroke="#555" stroke-width="1"/></svg></td><td>geen gegevens</td><td class="num">${esc(n(noData))}</td></tr>`);
  if (tooFew > 0) legendRows.push(`<tr><td>${swatch(TOO_FEW_FILL)}</td><td>${esc(TOO_FEW_WORDS)}</td><td class="num">${esc(n(tooFew))}</td></tr>`);
  if (suppressed > 0) legendRows.push(`<tr><td><svg width="22" height="14" aria-hidden="true"><rect width="22" height="14" fill="url(#nodata)" stroke="#555" stroke-width="1"/></svg></td><td>afgeschermd (klein aantal)</td><td class="num">${esc(n(suppressed))}</td></tr>`);
  const html = `<figure class="map-figure">
${svg}
<figcaption>
<p class="legend-title">${esc(o.title)}</p>
<table class="legend"><caption class="sr">Legenda: klassen (kwantielen) en aantal ${esc(unit[1])} per klasse</caption>
<thead><tr><th scope="col"><span class="sr">kleur</span></th><th scope="col">klasse</th><th scope="col" class="num">aantal</th></tr></thead>
<tbody>${legendRows.join('')}</tbody></table>
<p class="legend-note">Klassen: kwantielen (ongeveer evenveel ${esc(unit[1])} per klasse).${tooFew > 0 ? ` Grijs (${esc(TOO_FEW_WORDS)}): een cijfer per 1.000 zegt daar niets; zulke ${esc(unit[1])} krijgen geen kleur en tellen niet mee voor de klassen.` : ''} Dikke lijnen: wijkgrenzen. ${esc(CREDIT)}.</p>
</figcaption>
</figure>`;
  return { svg, legend, noData, suppressed, tooFew, html };
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** Font size of .map-label (reports/layout.ts). */
const LABEL_FONT_PX = 15;

/** A rectangle on the map that a label must not cover (e.g. a rank badge). */
interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface MapLabel {
  x: number;
  y: number;
  text: string;
}

/** Places labels (most important first) so that none overlaps another: each tries its own point, then
 * points moved up, down, left and right; a label that fits nowhere is left out (the tables name every
 * wijk). Widths are estimated from the text (bold sans-serif ≈ 0.62 em per character). */
export function placeLabels(labels: MapLabel[], fontPx: number, obstacles: readonly Box[] = []): MapLabel[] {
  const placed: Box[] = [...obstacles];
  const out: MapLabel[] = [];
  const h = fontPx * 1.25;
  const step = h;
  const offsets: [number, number][] = [[0, 0]];
  for (let k = 1; k <= 3; k++) offsets.push([0, -k * step], [0, k * step], [-k * step * 2, 0], [k * step * 2, 0]);
  for (const l of labels) {
    const w = l.text.length * fontPx * 0.62 + 4;
    for (const [dx, dy] of offsets) {
      const x = l.x + dx;
      const y = l.y + dy;
      // Text is anchored in the middle, baseline at y.
      const box = { x0: x - w / 2, x1: x + w / 2, y0: y - fontPx, y1: y - fontPx + h };
      if (placed.some((b) => box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1)) continue;
      placed.push(box);
      out.push({ x, y, text: l.text });
      break;
    }
  }
  return out;
}
