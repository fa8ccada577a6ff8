// One error shape for the whole API: { error, parameter? }. Routes throw ApiError; app.onError
// turns it (and anything unexpected) into JSON without leaking stack traces.
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

export class ApiError extends HTTPException {
  constructor(status: ContentfulStatusCode, readonly error: string, readonly parameter?: string) {
    super(status, { message: error });
  }
}

/** Validates a query object; the first problem becomes a 400 naming the parameter. */
export function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, string | undefined>): z.infer<S> {
  const r = schema.safeParse(query);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const parameter = String(issue.path[0] ?? '');
  throw new ApiError(400, `${parameter ? `${parameter}: ` : ''}${issue.message}`, parameter || undefined);
}
