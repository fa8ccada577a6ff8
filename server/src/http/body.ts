// JSON request bodies, validated by route middleware (`jsonBody(schema)`), so the schema is part of the
// route's type and hc<AppType> knows what each POST/PUT takes; the handler reads c.req.valid('json').
// Every refusal is the API's one error shape: 400 { error, parameter } naming 'body' or the field (`codes.2`).
import type { z } from 'zod';
import { ApiError } from '../compute/errors.ts';
import { validate } from './validate.ts';

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

/** hono/validator's own test for a JSON body: any other Content-Type it does not read and validates `{}` instead. */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Validates the JSON body against `schema` before the handler runs. Refused with 400 naming 'body': a
 * missing or other Content-Type, text that is not JSON, nesting deeper than MAX_JSON_DEPTH (checked before
 * zod walks it); a schema issue names its field. The size limit is app.ts's, before any route.
 */
export function jsonBody<S extends z.ZodType>(schema: S) {
  const check = validate('json', schema);
  const middleware: typeof check = async (c, next) => {
    const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0].trim();
    if (!JSON_MEDIA_TYPE.test(mediaType)) throw new ApiError(400, 'body: expected Content-Type: application/json', 'body');
    let raw: unknown;
    try {
      // Parsed once: the validator below reads the same cached body.
      raw = await c.req.json();
    } catch {
      throw new ApiError(400, 'body: expected a JSON object', 'body');
    }
    if (depthOver(raw, MAX_JSON_DEPTH)) throw new ApiError(400, `body: nested deeper than ${MAX_JSON_DEPTH} levels`, 'body');
    return check(c, next);
  };
  return middleware;
}

/** `:id` path parameter as a positive integer. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0 || !/^\d+$/.test(value ?? '')) throw new ApiError(400, 'id: expected a positive whole number', 'id');
  return id;
}
