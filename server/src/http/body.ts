// JSON request bodies: parsed and validated at the edge; the first problem becomes a 400 naming
// the field (e.g. `codes.2`), the same error shape as query parameters.
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../compute/errors.ts';

/** No request body of this API nests deeper than a few levels; 3,000 deep once made every later list answer 500. */
const MAX_JSON_DEPTH = 32;

/** Whether a parsed JSON value nests deeper than `max` arrays/objects; iterative, so depth itself cannot overflow the stack. */
function depthOver(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}

export async function parseJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ApiError(400, 'body: expected a JSON object', 'body');
  }
  if (depthOver(raw, MAX_JSON_DEPTH)) throw new ApiError(400, `body: nested deeper than ${MAX_JSON_DEPTH} levels`, 'body');
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const parameter = issue.path.map(String).join('.');
  throw new ApiError(400, `${parameter ? `${parameter}: ` : ''}${issue.message}`, parameter || 'body');
}

/** `:id` path parameter as a positive integer. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0 || !/^\d+$/.test(value ?? '')) throw new ApiError(400, 'id: expected a positive whole number', 'id');
  return id;
}
