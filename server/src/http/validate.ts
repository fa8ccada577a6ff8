// Request validation as middleware: the schema is part of the route's type, so hc<AppType> (the
// client and the API tests) knows each route's inputs, and the handler reads c.req.valid(target).
// The first problem becomes the API's one error shape, 400 { error: "<parameter>: <reason>", parameter }.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../compute/errors.ts';

/** The 400 for a zod issue: query parameters are named by their key, body fields by their path (`codes.2`). */
export function issueError(issues: readonly z.core.$ZodIssue[], target: keyof ValidationTargets): ApiError {
  const issue = issues[0];
  const parameter = target === 'query' ? String(issue.path[0] ?? '') : issue.path.map(String).join('.');
  const fallback = target === 'json' ? 'body' : undefined;
  return new ApiError(400, `${parameter ? `${parameter}: ` : ''}${issue.message}`, parameter || fallback);
}

/**
 * zValidator with the API's error shape. Query parameters given twice arrive as a list and are
 * refused like any other wrong value (400 naming the parameter).
 */
export function validate<T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw issueError(result.error.issues, target);
  });
}
