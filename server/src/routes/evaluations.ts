// Effect evaluations: POST /evaluations (define), GET /evaluations (list), GET/DELETE
// /evaluations/:id (the result, computed from the current registrations by compute/evaluations.ts).
import { Hono } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import type { AreaGeometry } from '../store/geometry.ts';
import type { AttentionAreaStore } from '../store/attentionAreas.ts';
import type { EvaluationStore } from '../store/evaluations.ts';
import { evaluationAnswer, prepareEvaluation } from '../compute/evaluations.ts';
import { ApiError } from '../compute/errors.ts';
import { validate } from '../http/validate.ts';
import { idParam, parseJsonBody } from '../http/body.ts';
import { categoryParam, gemeenteParam, monthParam } from '../http/params.ts';

const wholeMonths = (max: number) =>
  z.number({ error: 'expected a whole number of months' }).int('expected a whole number of months').min(1, 'must be at least 1').max(max, `must be at most ${max}`);

export const evaluationBody = z
  .object({
    name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200, 'is too long'),
    codes: z.array(z.string().trim().toUpperCase(), { error: 'expected a list of buurt/wijk codes' }).min(1, 'must list at least one area').max(1000, 'too many codes').optional(),
    attentionAreaId: z.number({ error: 'expected an attention area id' }).int('expected an attention area id').positive('expected an attention area id').optional(),
    start: monthParam,
    categories: z.array(categoryParam, { error: 'expected a list of category codes' }).min(1, 'must list at least one category').max(20, 'too many categories'),
    preMonths: wholeMonths(120),
    postMonths: wholeMonths(60),
  })
  .refine((b) => (b.codes === undefined) !== (b.attentionAreaId === undefined), { message: 'give either codes or attentionAreaId (exactly one)', path: ['codes'] });

export function evaluationsRoutes(ds: Dataset, geometry: AreaGeometry, store: EvaluationStore, attentionAreas: AttentionAreaStore) {
  const find = (raw: string | undefined) => {
    const found = store.get(idParam(raw));
    if (!found) throw new ApiError(404, `evaluation ${raw} does not exist`, 'id');
    return found;
  };
  return new Hono()
    .post('/evaluations', async (c) => {
      const body = await parseJsonBody(c, evaluationBody);
      const { id } = store.create(prepareEvaluation(ds, attentionAreas, body));
      return c.json({ id }, 201);
    })
    .get('/evaluations', validate('query', z.object({ gemeente: gemeenteParam.optional() })), (c) => {
      const q = c.req.valid('query');
      return c.json(store.list(q.gemeente), 200);
    })
    .get('/evaluations/:id', (c) => c.json(evaluationAnswer(ds, geometry, { evaluations: store, attentionAreas }, find(c.req.param('id'))), 200))
    .delete('/evaluations/:id', (c) => {
      const id = find(c.req.param('id')).id;
      store.delete(id);
      return c.json({ deleted: id }, 200);
    });
}
