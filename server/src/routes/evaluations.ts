// Effect evaluations: POST /evaluations (define), GET /evaluations (list), GET/DELETE
// /evaluations/:id (the result, computed from the current registrations by compute/evaluations.ts).
// An evaluation has an owner like a selection: others see it only when it is shared (the default), only
// the owner or a beheerder deletes it, and creating and deleting are audited.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import type { AreaGeometry } from '../store/geometry.ts';
import type { AttentionAreaStore } from '../store/attentionAreas.ts';
import type { EvaluationStore, StoredEvaluation } from '../store/evaluations.ts';
import { evaluationAnswer, prepareEvaluation } from '../compute/evaluations.ts';
import { ApiError } from '../compute/errors.ts';
import { validate } from '../http/validate.ts';
import { idParam, jsonBody } from '../http/body.ts';
import { categoryParam, gemeenteParam, monthParam } from '../http/params.ts';
import { mayChangeItem, mayReadItem } from '../domain/ownership.ts';
import type { AppEnv } from '../http/env.ts';
import { principalOf } from '../http/session.ts';
import type { UserStore } from '../store/users.ts';

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
    shared: z.boolean({ error: 'expected true or false' }).optional(),
  })
  .refine((b) => (b.codes === undefined) !== (b.attentionAreaId === undefined), { message: 'give either codes or attentionAreaId (exactly one)', path: ['codes'] });

export function evaluationsRoutes(ds: Dataset, geometry: AreaGeometry, store: EvaluationStore, attentionAreas: AttentionAreaStore, users: UserStore) {
  /** The evaluation if this user may see it; a private one of someone else is as absent as a deleted one. */
  const readable = (c: Context<AppEnv>, raw: string | undefined): StoredEvaluation => {
    const id = idParam(raw);
    const found = store.get(id);
    if (!found || !mayReadItem(principalOf(c), found)) throw new ApiError(404, `evaluation ${id} does not exist`, 'id');
    return found;
  };
  const audit = (c: Context<AppEnv>, action: string, id: number, detail: Record<string, unknown>) => {
    const p = principalOf(c);
    users.audit({ username: p.username, role: p.role, action, resource: `/api/evaluations/${id}`, detail });
  };
  return new Hono<AppEnv>()
    .post('/evaluations', jsonBody(evaluationBody), (c) => {
      const { shared, ...body } = c.req.valid('json');
      const p = principalOf(c);
      // Someone else's private attention area cannot lend its buurten to an evaluation: it answers as absent.
      const visibleAreas = { get: (id: number) => { const a = attentionAreas.get(id); return a && mayReadItem(p, a) ? a : undefined; } };
      const created = store.create({ ...prepareEvaluation(ds, visibleAreas, body), shared }, p.username);
      audit(c, 'evaluation-created', created.id, { name: created.name, shared: created.shared });
      return c.json({ id: created.id, createdBy: created.createdBy, shared: created.shared }, 201);
    })
    .get('/evaluations', validate('query', z.object({ gemeente: gemeenteParam.optional() })), (c) => {
      const q = c.req.valid('query');
      const p = principalOf(c);
      return c.json(store.list(q.gemeente).filter((x) => mayReadItem(p, x)), 200);
    })
    .get('/evaluations/:id', (c) => c.json(evaluationAnswer(ds, geometry, { evaluations: store, attentionAreas }, readable(c, c.req.param('id'))), 200))
    .delete('/evaluations/:id', (c) => {
      const found = readable(c, c.req.param('id'));
      const id = found.id;
      if (!mayChangeItem(principalOf(c), found)) throw new ApiError(403, `evaluation ${id} belongs to ${found.createdBy ?? 'nobody'}: only they or a beheerder may delete it`, 'id');
      if (!store.delete(id)) throw new ApiError(404, `evaluation ${id} does not exist`, 'id');
      audit(c, 'evaluation-deleted', id, { name: found.name });
      return c.json({ deleted: id }, 200);
    });
}
