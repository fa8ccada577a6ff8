// Boundaries per gemeente (or `NL`, the whole country) as precomputed TopoJSON bytes: no
// JSON.stringify per request, compressed once at build time, validated by ETag so the browser
// downloads them once. Shared by routes/areas.ts and the fast path in app.ts.
import { z } from 'zod';
import type { AreaFile, Dataset } from '../store/dataset.ts';
import { gemeenteOrNationalParam } from './params.ts';
import type { BytesAnswer } from './bytesAnswer.ts';

export const areasQuery = z.object({ gemeente: gemeenteOrNationalParam });

// Views on the precomputed Buffers (new Uint8Array(buffer) would copy them on every request). At
// module level: a closure made per request costs an allocation (and tsx's __name() call) each time.
const bytes = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

/** The four answers for one boundaries file, built once: frozen, shared by every request. */
interface Variants {
  br: BytesAnswer;
  gzip: BytesAnswer;
  identity: BytesAnswer;
  notModified: BytesAnswer;
}

// Per AreaFile (the Dataset keeps those for its lifetime): no header record or Uint8Array view is
// built per request, and app.ts's fast path can key its merged header records on these objects.
const variantsByFile = new WeakMap<AreaFile, Variants>();

function variantsOf(f: AreaFile): Variants {
  let v = variantsByFile.get(f);
  if (!v) {
    const base = { ETag: f.etag, 'Cache-Control': 'public, max-age=0, must-revalidate', Vary: 'Accept-Encoding' };
    const json = { ...base, 'Content-Type': 'application/json; charset=utf-8' };
    v = {
      br: { status: 200, headers: Object.freeze({ ...json, 'Content-Encoding': 'br' }), body: bytes(f.brotli) },
      gzip: { status: 200, headers: Object.freeze({ ...json, 'Content-Encoding': 'gzip' }), body: bytes(f.gzip) },
      identity: { status: 200, headers: Object.freeze(json), body: bytes(f.raw) },
      notModified: { status: 304, headers: Object.freeze(base), body: null },
    };
    variantsByFile.set(f, v);
  }
  return v;
}

// ?gemeente= values that passed the zod schema (which trims and upper-cases) and named a gemeente
// in the data, with their normalised code: later requests skip the schema. Bounded: only values
// that name a real code are added.
const validGemeenten = new Map<string, string>();

/**
 * The one place that negotiates ETag and encoding, used by the route below and by the fast path in
 * app.ts. Returns undefined for anything that is not a 200/304 (invalid or unknown gemeente): those
 * answers (errors) are left to the route. The returned objects are shared: do not mutate them.
 */
export function areaAnswer(ds: Dataset, gemeente: string | undefined, ifNoneMatch: string | undefined | null, acceptEncoding: string | undefined | null): BytesAnswer | undefined {
  if (gemeente === undefined) return undefined;
  let code = validGemeenten.get(gemeente);
  if (code === undefined) {
    const q = areasQuery.safeParse({ gemeente });
    if (!q.success) return undefined;
    code = q.data.gemeente;
  }
  if (!ds.hasScope(code)) return undefined;
  if (validGemeenten.size < 10_000) validGemeenten.set(gemeente, code);
  const f = ds.areaFile(code);
  const v = variantsOf(f);
  if (ifNoneMatch === f.etag) return v.notModified;
  const accept = acceptEncoding ?? '';
  if (/\bbr\b/.test(accept)) return v.br;
  if (/\bgzip\b/.test(accept)) return v.gzip;
  return v.identity;
}

