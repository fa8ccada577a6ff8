// CBS kerncijfers per gemeente, wijk and buurt: /context?gemeente=&level= (computed in compute/context.ts).
import { Hono } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import { contextAnswers } from '../compute/context.ts';
import { validate } from '../http/validate.ts';
import { gemeenteParam, levelParam } from '../http/params.ts';

const query = z.object({ gemeente: gemeenteParam, level: levelParam.default('buurt') });

export function contextRoutes(ds: Dataset) {
  const answer = contextAnswers(ds);
  return new Hono().get('/context', validate('query', query), (c) => c.json(answer(c.req.valid('query')), 200));
}
