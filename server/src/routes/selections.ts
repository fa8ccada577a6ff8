// Saved selections of the workbench: POST/GET/DELETE /selections.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import type { SelectionStore } from '../store/selections.ts';
import { ApiError } from '../compute/errors.ts';
import { validate } from '../http/validate.ts';
import { gemeenteParam } from '../http/params.ts';
import { idParam, parseJsonBody } from '../http/body.ts';
import { checkCodes, requireGemeente } from '../compute/scope.ts';

const areaCode = z.string().trim().toUpperCase().regex(/^(BU\d{4}[0-9A-Z]{4}|WK\d{4}[0-9A-Z]{2})$/, 'expected a CBS buurt or wijk code like BU09350000');

export const selectionBody = z.object({
  name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200, 'is too long'),
  note: z.string().max(5000, 'is too long').optional(),
  gemeente: gemeenteParam,
  codes: z.array(areaCode, { error: 'expected a list of buurt/wijk codes' }).min(1, 'must list at least one area').max(5000, 'too many codes'),
  criteria: z.record(z.string(), z.unknown(), { error: 'expected an object' }).optional(),
});

export function selectionsRoutes(ds: Dataset, store: SelectionStore) {
  return new Hono()
    .post('/selections', async (c) => {
      const body = await parseJsonBody(c, selectionBody);
      requireGemeente(ds, body.gemeente);
      const created = store.create({ ...body, codes: checkCodes(ds, body.gemeente, body.codes) });
      return c.json(created, 201);
    })
    .get('/selections', validate('query', z.object({ gemeente: gemeenteParam.optional() })), (c) => {
      const q = c.req.valid('query');
      return c.json(store.list(q.gemeente), 200);
    })
    .get('/selections/:id', (c) => {
      const found = store.get(idParam(c.req.param('id')));
      if (!found) throw new ApiError(404, `selection ${c.req.param('id')} does not exist`, 'id');
      return c.json(found, 200);
    })
    .delete('/selections/:id', (c) => {
      const id = idParam(c.req.param('id'));
      if (!store.delete(id)) throw new ApiError(404, `selection ${id} does not exist`, 'id');
      return c.json({ deleted: id }, 200);
    });
}
