// The plan's effect indicators against their targets: /targets?gemeente=GM0935. The answer is computed
// in compute/targets.ts (shared with the reports); this route only validates the query.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import { loadSurveyIndicators, loadTargets } from '../store/planData.ts';
import { computeTargets } from '../compute/targets.ts';
import { ApiError } from '../compute/errors.ts';
import { validate } from '../http/validate.ts';
import { gemeenteParam } from '../http/params.ts';


const query = z.object({ gemeente: gemeenteParam });

export function targetsRoutes(ds: Dataset) {
  const indicators = loadSurveyIndicators();
  const file = loadTargets(indicators, (code) => ds.categories.has(code));
  const survey = ds.store.features().survey;

  return new Hono().get('/targets', validate('query', query), (c) => {
    const { gemeente } = c.req.valid('query');
    if (!ds.gemeente(gemeente)) throw new ApiError(404, `gemeente ${gemeente} is not in the data`, 'gemeente');
    return c.json(computeTargets(ds, file, survey, gemeente, {}, indicators), 200);
  });
}
