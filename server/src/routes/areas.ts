// Boundaries per gemeente (or `NL`, the whole country) as precomputed TopoJSON bytes: no
// JSON.stringify per request, compressed once at build time, validated by ETag so the browser
// downloads them once.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import { ApiError, parseQuery } from './errors.ts';
import { gemeenteOrNationalParam } from './params.ts';

const query = z.object({ gemeente: gemeenteOrNationalParam });

export function areasRoutes(ds: Dataset) {
  return new Hono().get('/areas', (c) => {
    const { gemeente } = parseQuery(query, c.req.query());
    if (!ds.hasScope(gemeente)) throw new ApiError(404, `gemeente ${gemeente} is not in the data`, 'gemeente');
    const f = ds.areaFile(gemeente);
    c.header('ETag', f.etag);
    c.header('Cache-Control', 'public, max-age=0, must-revalidate');
    c.header('Vary', 'Accept-Encoding');
    if (c.req.header('If-None-Match') === f.etag) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    const accept = c.req.header('Accept-Encoding') ?? '';
    // Views on the precomputed Buffers (new Uint8Array(buffer) would copy them on every request).
    const bytes = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);
    if (/\bbr\b/.test(accept)) {
      c.header('Content-Encoding', 'br');
      return c.body(bytes(f.brotli), 200);
    }
    if (/\bgzip\b/.test(accept)) {
      c.header('Content-Encoding', 'gzip');
      return c.body(bytes(f.gzip), 200);
    }
    return c.body(bytes(f.raw), 200);
  });
}
