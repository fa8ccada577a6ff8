// Small reference resources: health, gemeenten, categories, client configuration.
import { Hono } from 'hono';
import type { Dataset } from '../store/dataset.ts';
import type { Category, Gemeente } from '../domain/model.ts';

export function metaRoutes(ds: Dataset, clientConfig: { basemapStyleUrl: string; defaultGemeente: string }) {
  return new Hono()
    .get('/health', (c) =>
      c.json({ status: 'ok' as const, gemeenten: ds.gemeenten().length, storeRevision: ds.store.revision(), geodataBuiltAt: ds.index.builtAt }, 200),
    )
    .get('/config', (c) => c.json(clientConfig, 200))
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
