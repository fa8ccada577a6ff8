// Background maps under the choropleth. Every Dutch government map viewer stands on the PDOK
// BRT-Achtergrondkaart; the grey variant is the default because it keeps the choropleth's colours
// readable. A setting is a preset id, 'none', an XYZ tile template or a MapLibre style URL.

export interface Basemap {
  /** A preset id, 'none', or 'eigen' for a configured template or style. */
  id: string;
  label: string;
  /** XYZ template of 256 px raster tiles in Web Mercator; null for none or a style. */
  tiles: string | null;
  /** A MapLibre style URL (used as the map's style when the map is made); null otherwise. */
  style: string | null;
  attribution: string;
}

const BRT = (variant: string) => `https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/${variant}/EPSG:3857/{z}/{x}/{y}.png`;

/** The choices the map's basemap control offers, in its order. */
export const BASEMAP_PRESETS: readonly Basemap[] = [
  { id: 'pdok-grijs', label: 'Grijs (PDOK)', tiles: BRT('grijs'), style: null, attribution: 'Kadaster / PDOK' },
  { id: 'pdok-standaard', label: 'Standaard (PDOK)', tiles: BRT('standaard'), style: null, attribution: 'Kadaster / PDOK' },
  { id: 'pdok-pastel', label: 'Pastel (PDOK)', tiles: BRT('pastel'), style: null, attribution: 'Kadaster / PDOK' },
  { id: 'pdok-water', label: 'Water (PDOK)', tiles: BRT('water'), style: null, attribution: 'Kadaster / PDOK' },
  {
    id: 'luchtfoto', label: 'Luchtfoto (PDOK)', tiles: 'https://service.pdok.nl/hwh/luchtfotorgb/wmts/v1_0/Actueel_orthoHR/EPSG:3857/{z}/{x}/{y}.jpeg',
    style: null, attribution: 'Beeldmateriaal Nederland / PDOK',
  },
  { id: 'none', label: 'Geen', tiles: null, style: null, attribution: '' },
];

export const DEFAULT_BASEMAP = 'pdok-grijs';

/** http only for a tile server on the machine itself (a test or an offline installation). */
function allowedUrl(v: string): URL | null {
  try {
    const u = new URL(v.replace(/\{[xyz]\}/g, '0'));
    return u.protocol === 'https:' || (u.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(u.hostname)) ? u : null;
  } catch {
    return null;
  }
}

/** The basemap a setting names; null when the setting is none of the accepted forms. */
export function resolveBasemap(setting: string): Basemap | null {
  const v = setting.trim();
  const preset = BASEMAP_PRESETS.find((b) => b.id === v);
  if (preset) return preset;
  if (v === '') return BASEMAP_PRESETS.find((b) => b.id === 'none')!;
  const url = allowedUrl(v);
  if (!url) return null;
  const isTemplate = v.includes('{z}') && v.includes('{x}') && v.includes('{y}');
  return { id: 'eigen', label: 'Eigen achtergrondkaart', tiles: isTemplate ? v : null, style: isTemplate ? null : v, attribution: url.hostname };
}

/** Origins the browser must be allowed to load tiles (and styles) from: every preset, and the configured one. */
export function basemapOrigins(configured: Basemap | null): string[] {
  const urls = [...BASEMAP_PRESETS, ...(configured ? [configured] : [])].flatMap((b) => [b.tiles, b.style]).filter((u): u is string => !!u);
  return [...new Set(urls.map((u) => allowedUrl(u)?.origin).filter((o): o is string => !!o))];
}
