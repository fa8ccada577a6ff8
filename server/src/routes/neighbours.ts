// Queen contiguity between the buurten (or wijken) of a gemeente, as used by the hotspot statistics.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import type { AreaGeometry } from '../store/geometry.ts';
import { validate } from '../http/validate.ts';
import { areaLevelParam, gemeenteParam } from '../http/params.ts';
import { requireGemeente } from '../compute/scope.ts';

const query = z.object({ gemeente: gemeenteParam, level: areaLevelParam.default('buurt') });

export function neighboursRoutes(ds: Dataset, geometry: AreaGeometry) {
  return new Hono().get('/neighbours', validate('query', query), (c) => {
    const q = c.req.valid('query');
    requireGemeente(ds, q.gemeente);
    const g = geometry.neighbours(q.gemeente, q.level);
    const body: Record<string, string[]> = {};
    g.codes.forEach((code, i) => (body[code] = g.lists[i].map((j) => g.codes[j])));
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(body, 200);
  });
}
