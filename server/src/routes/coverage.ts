// Where the data stands for one gemeente: /coverage?gemeente= (computed in compute/coverage.ts).
import { Hono } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import { computeCoverage } from '../compute/coverage.ts';
import { requireGemeente } from '../compute/scope.ts';
import { validate } from '../http/validate.ts';
import { gemeenteParam } from '../http/params.ts';

const query = z.object({ gemeente: gemeenteParam });

export function coverageRoutes(ds: Dataset) {
  return new Hono().get('/coverage', validate('query', query), (c) => {
    const q = c.req.valid('query');
    requireGemeente(ds, q.gemeente);
    return c.json(computeCoverage(ds, q.gemeente), 200);
  });
}
