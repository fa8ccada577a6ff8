// Query validation at the edge: the first problem becomes a 400 naming the parameter, in the
// API's one error shape (see compute/errors.ts).
import type { z } from 'zod';
import { ApiError } from '../compute/errors.ts';

/** Validates a query object; the first problem becomes a 400 naming the parameter. */
export function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, string | undefined>): z.infer<S> {
  const r = schema.safeParse(query);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const parameter = String(issue.path[0] ?? '');
  throw new ApiError(400, `${parameter ? `${parameter}: ` : ''}${issue.message}`, parameter || undefined);
}
