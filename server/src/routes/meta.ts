// Small reference resources: health, gemeenten, categories, client configuration.
import { Hono } from 'hono';
import type { Dataset } from '../store/dataset.ts';
import type { Category, ClientConfig, Gemeente } from '../domain/model.ts';
import { BASEMAP_PRESETS, resolveBasemap } from '../domain/basemap.ts';

/** What the client needs to know before its first data request (GET /config). */
export interface ConfigSettings {
  /** The basemap setting (domain/basemap.ts). */
  basemap: string;
  defaultGemeente: string;
  suppressionThreshold: number;
  lowPopulationThreshold: number;
}

/**
 * `settings` is called per request: the basemap and the low-population threshold may change without a restart.
 * `tileVersion` likewise (a rebuilt geodata folder gives new tiles).
 */
export function metaRoutes(ds: Dataset, settings: () => ConfigSettings, tileVersion: () => string | null) {
  return new Hono()
    .get('/health', (c) =>
      c.json({ status: 'ok' as const, gemeenten: ds.gemeenten().length, storeRevision: ds.store.revision(), geodataBuiltAt: ds.index.builtAt }, 200),
    )
    .get('/config', (c) => {
      const { basemap: setting, ...rest } = settings();
      const basemap = resolveBasemap(setting) ?? BASEMAP_PRESETS.find((b) => b.id === 'none')!;
      const basemaps = basemap.id === 'eigen' ? [basemap, ...BASEMAP_PRESETS] : [...BASEMAP_PRESETS];
      const body: ClientConfig = { ...rest, basemapStyleUrl: basemap.style ?? '', basemap, basemaps, months: ds.monthSpan(), tileVersion: tileVersion() };
      return c.json(body, 200);
    })
    .get('/gemeenten', (c) => {
      const list: Gemeente[] = ds.gemeenten().map((g) => ({ code: g.code, naam: g.naam }));
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(list, 200);
    })
    .get('/categories', (c) => {
      const list: Category[] = ds.categories.list;
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(list, 200);
    });
}
