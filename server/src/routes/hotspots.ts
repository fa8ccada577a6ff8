// Hot spots of registered crime per buurt/wijk: Gi* (default) or Local Moran's I, FDR-controlled,
// with a 12-month Gi* history per area (computed in compute/hotspots.ts).
import { Hono } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import type { AreaGeometry } from '../store/geometry.ts';
import { hotspotsAnswer } from '../compute/hotspots.ts';
import { resolveScope } from '../compute/scope.ts';
import { validate } from '../http/validate.ts';
import { scopeFields } from '../http/params.ts';

const query = z.object({
  ...scopeFields,
  method: z.enum(['gistar', 'lisa'], { error: "expected 'gistar' or 'lisa'" }).default('gistar'),
  measure: z.enum(['ratePer1000Smoothed', 'densityPerKm2', 'count'], { error: "expected 'ratePer1000Smoothed', 'densityPerKm2' or 'count'" }).optional(),
  alpha: z.coerce
    .number({ error: 'expected a number' })
    .refine((a) => Number.isFinite(a) && a > 0 && a < 1, 'must be a number strictly between 0 and 1, e.g. 0.05')
    .default(0.05),
});

export function hotspotsRoutes(ds: Dataset, geometry: AreaGeometry, lowPopulation: () => number) {
  return new Hono().get('/hotspots', validate('query', query), (c) => {
    const q = resolveScope(ds, c.req.valid('query'));
    return c.json(hotspotsAnswer(ds, geometry, q, lowPopulation()), 200);
  });
}
