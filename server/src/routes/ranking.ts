// Ranking of buurten/wijken on criteria the analyst weighs (computed in compute/ranking.ts).
import { Hono } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import type { AreaGeometry } from '../store/geometry.ts';
import { computeRanking, defaultCriteria, DEFAULT_WEIGHTS, type CriteriaRegistry } from '../compute/ranking.ts';
import { resolveScope } from '../compute/scope.ts';
import { validate } from '../http/validate.ts';
import { scopeFields } from '../http/params.ts';

const query = z.object({ ...scopeFields, weights: z.string().max(500, 'is too long').default(DEFAULT_WEIGHTS) });

export function rankingRoutes(ds: Dataset, geometry: AreaGeometry, lowPopulation: () => number, registry: CriteriaRegistry = defaultCriteria()) {
  return new Hono().get('/ranking', validate('query', query), (c) => {
    const q = resolveScope(ds, c.req.valid('query'));
    return c.json(computeRanking(ds, geometry, registry, lowPopulation(), q), 200);
  });
}
