// A precomputed answer (a gemeente's boundaries, a vector tile): status, headers and bytes, built once and shared by
// every request, and sent alike by its route and by the node:http fast path (app.ts): with its Content-Length, which
// node:http cannot know of a body it is handed whole, and otherwise sends the bytes in chunks.
import type { Context } from 'hono';

export type BytesAnswer =
  | { status: 200; headers: Readonly<Record<string, string>>; body: Uint8Array<ArrayBuffer> }
  | { status: 304; headers: Readonly<Record<string, string>>; body: null };

/** A route's answer of precomputed bytes. */
export function sendBytes(c: Context, answer: BytesAnswer): Response {
  for (const [k, v] of Object.entries(answer.headers)) c.header(k, v);
  if (answer.status === 304) return c.body(null, 304);
  c.header('Content-Length', String(answer.body.byteLength));
  return c.body(answer.body, 200);
}

/** The headers of an answer with a body, with its length (the shared header records are per kind of answer). */
export function withLength(headers: Readonly<Record<string, string>>, body: Uint8Array | null): Readonly<Record<string, string>> {
  return body ? { ...headers, 'Content-Length': String(body.byteLength) } : headers;
}
