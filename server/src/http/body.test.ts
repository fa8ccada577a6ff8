import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../compute/errors.ts';
import { jsonBody } from './body.ts';

const schema = z.object({ name: z.string().trim().min(1, 'must not be empty'), codes: z.array(z.string().regex(/^BU/, 'expected a buurt code')) });

const app = new Hono()
  .post('/x', jsonBody(schema), (c) => {
    // Typed: the handler gets the schema's output (name trimmed).
    const body: { name: string; codes: string[] } = c.req.valid('json');
    return c.json(body, 200);
  })
  .onError((err, c) => (err instanceof ApiError ? c.json({ error: err.error, parameter: err.parameter }, err.status) : c.json({ error: String(err) }, 500)));

const post = async (body: string, contentType?: string) => {
  const res = await app.request('/x', { method: 'POST', body, headers: contentType ? { 'Content-Type': contentType } : {} });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('jsonBody', () => {
  it('hands the validated body to the handler', async () => {
    expect(await post('{"name":" Wyck ","codes":["BU09350000"]}', 'application/json; charset=utf-8')).toEqual({ status: 200, body: { name: 'Wyck', codes: ['BU09350000'] } });
    expect((await post('{"name":"a","codes":[]}', 'application/geo+json')).status).toBe(200);
  });

  it('a missing or other Content-Type is a 400 naming body (not an empty object checked field by field)', async () => {
    expect(await post('{"name":"a","codes":[]}')).toEqual({ status: 400, body: { error: 'body: expected Content-Type: application/json', parameter: 'body' } });
    expect(await post('{"name":"a","codes":[]}', 'text/plain')).toMatchObject({ status: 400, body: { parameter: 'body' } });
    expect(await post('name=a', 'application/x-www-form-urlencoded')).toMatchObject({ status: 400, body: { parameter: 'body' } });
  });

  it('text that is not JSON, or JSON nested too deep, is a 400 naming body', async () => {
    expect(await post('{"name":', 'application/json')).toEqual({ status: 400, body: { error: 'body: expected a JSON object', parameter: 'body' } });
    const deep = '['.repeat(40) + ']'.repeat(40);
    expect(await post(`{"name":"a","codes":${deep}}`, 'application/json')).toEqual({ status: 400, body: { error: 'body: nested deeper than 32 levels', parameter: 'body' } });
  });

  it('a schema issue names the field by its path; one about the whole body names body', async () => {
    expect(await post('{"name":"a","codes":["BU1","WK1"]}', 'application/json')).toEqual({ status: 400, body: { error: 'codes.1: expected a buurt code', parameter: 'codes.1' } });
    expect(await post('{"name":"  ","codes":[]}', 'application/json')).toEqual({ status: 400, body: { error: 'name: must not be empty', parameter: 'name' } });
    expect(await post('[1, 2]', 'application/json')).toMatchObject({ status: 400, body: { parameter: 'body' } });
  });
});
