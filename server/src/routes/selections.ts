// Saved selections of the workbench: POST/GET/DELETE /selections. A selection has an owner: others see it only
// when it is shared (the default), only the owner or a beheerder deletes it, and creating and deleting are audited.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import type { SelectionStore } from '../store/selections.ts';
import { ApiError } from '../compute/errors.ts';
import { validate } from '../http/validate.ts';
import { gemeenteParam } from '../http/params.ts';
import { idParam, jsonBody } from '../http/body.ts';
import { checkCodes, requireGemeente } from '../compute/scope.ts';
import { mayChangeItem, mayReadItem } from '../domain/ownership.ts';
import type { AppEnv } from '../http/env.ts';
import { principalOf } from '../http/session.ts';
import type { UserStore } from '../store/users.ts';

const areaCode = z.string().trim().toUpperCase().regex(/^(BU\d{4}[0-9A-Z]{4}|WK\d{4}[0-9A-Z]{2})$/, 'expected a CBS buurt or wijk code like BU09350000');

export const selectionBody = z.object({
  name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200, 'is too long'),
  note: z.string().max(5000, 'is too long').optional(),
  gemeente: gemeenteParam,
  codes: z.array(areaCode, { error: 'expected a list of buurt/wijk codes' }).min(1, 'must list at least one area').max(5000, 'too many codes'),
  criteria: z.record(z.string(), z.unknown(), { error: 'expected an object' }).optional(),
  shared: z.boolean({ error: 'expected true or false' }).optional(),
});

export function selectionsRoutes(ds: Dataset, store: SelectionStore, users: UserStore) {
  /** The selection if this user may see it; a private one of someone else is as absent as a deleted one. */
  const readable = (c: Context<AppEnv>, id: number) => {
    const found = store.get(id);
    if (!found || !mayReadItem(principalOf(c), found)) throw new ApiError(404, `selection ${id} does not exist`, 'id');
    return found;
  };
  const audit = (c: Context<AppEnv>, action: string, id: number, detail: Record<string, unknown>) => {
    const p = principalOf(c);
    users.audit({ username: p.username, role: p.role, action, resource: `/api/selections/${id}`, detail });
  };
  return new Hono<AppEnv>()
    .post('/selections', jsonBody(selectionBody), (c) => {
      const body = c.req.valid('json');
      requireGemeente(ds, body.gemeente);
      const created = store.create({ ...body, codes: checkCodes(ds, body.gemeente, body.codes) }, principalOf(c).username);
      audit(c, 'selection-created', created.id, { name: created.name, shared: created.shared });
      return c.json(created, 201);
    })
    .get('/selections', validate('query', z.object({ gemeente: gemeenteParam.optional() })), (c) => {
      const q = c.req.valid('query');
      const p = principalOf(c);
      return c.json(store.list(q.gemeente).filter((x) => mayReadItem(p, x)), 200);
    })
    .get('/selections/:id', (c) => c.json(readable(c, idParam(c.req.param('id'))), 200))
    .delete('/selections/:id', (c) => {
      const id = idParam(c.req.param('id'));
      const found = readable(c, id);
      if (!mayChangeItem(principalOf(c), found)) throw new ApiError(403, `selection ${id} belongs to ${found.createdBy ?? 'nobody'}: only they or a beheerder may delete it`, 'id');
      if (!store.delete(id)) throw new ApiError(404, `selection ${id} does not exist`, 'id');
      audit(c, 'selection-deleted', id, { name: found.name });
      return c.json({ deleted: id }, 200);
    });
}
