// Reading the typed client's answers in API tests: the status is asserted where the body is read, so a
// test says what it expects in one call and gets the server's own answer type back (no `any`).
import { expect } from 'vitest';
import type { ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';

/** The body type of the 2xx branches of a typed response (an unknown status, as in `c.json(x)`, counts). */
type SuccessBody<R> = R extends ClientResponse<infer T, infer S, infer F>
  ? number extends S ? (F extends 'json' ? T : never) : S extends SuccessStatusCode ? (F extends 'json' ? T : never) : never
  : never;

/** Asserts a 2xx answer and returns its JSON body, typed as the server declares it. */
export async function answerOf<R extends ClientResponse<unknown, number, 'json' | 'text' | 'body'>>(res: R, what = ''): Promise<SuccessBody<R>> {
  const text = await res.text();
  expect(res.status >= 200 && res.status < 300, `${what || res.url}: ${res.status} ${text.slice(0, 300)}`).toBe(true);
  // The type is the server's (the client trusts it too): the check above is the test's assertion.
  return JSON.parse(text) as SuccessBody<R>;
}

const errorBody = z.object({ error: z.string(), parameter: z.string().optional(), details: z.unknown().optional() });

/** The API's one error shape, `{ error, parameter }` (server/src/domain/model.ts). */
export type ErrorBody = z.infer<typeof errorBody>;

/** Asserts a 4xx answer (or exactly `status`) in the API's error shape and returns it. */
export async function errorOf(res: { status: number; text(): Promise<string>; url: string }, status?: number): Promise<ErrorBody> {
  const text = await res.text();
  if (status === undefined) expect(res.status >= 400 && res.status < 500, `${res.url}: ${res.status} ${text.slice(0, 300)}`).toBe(true);
  else expect(res.status, `${res.url}: ${text.slice(0, 300)}`).toBe(status);
  return errorBody.parse(JSON.parse(text));
}

/** Asserts that a value is there (not null or undefined) and narrows its type. */
export function defined<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}

/**
 * `?view=presentatie` is read by the privacy middleware, not by a route's schema, so the typed query has no
 * `view`: spread this into the query (as client/src/api does; a spread is not checked for extra keys).
 */
export const PRESENTATION_VIEW = { view: 'presentatie' } as const;
