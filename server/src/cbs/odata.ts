// Reads rows of a CBS OData v3 table (`<base>/<table>/TypedDataSet`), page by page through
// `odata.nextLink`: the network half of `npm run update`. It never writes anything; every failure is one
// ODataError that says in Dutch which table, which address and what went wrong (for the beheerder).
import { z } from 'zod';

/** One row as CBS sends it: property names are the CSV column names of a StatLine download. */
export type ODataRow = Record<string, string | number | null>;

const pageSchema = z.object({
  value: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  'odata.nextLink': z.string().optional(),
});

/** A run-away server (a nextLink that never ends) stops here instead of filling the memory. */
const MAX_PAGES = 1000;

export class ODataError extends Error {
  constructor(
    readonly table: string,
    readonly url: string,
    readonly reason: string,
  ) {
    super(`tabel ${table}, adres ${url}: ${reason}`);
    this.name = 'ODataError';
  }
}

export interface ODataFetchOptions {
  /** Per request (answer and body), in milliseconds. */
  timeoutMs: number;
}

/**
 * The URL of one filtered query. Built by hand, not with URLSearchParams: that writes a space as `+`,
 * which an OData server may read as a literal plus inside the filter.
 */
export function typedDataSetUrl(base: string, table: string, filter: string): string {
  return `${base.replace(/\/+$/, '')}/${table}/TypedDataSet?$filter=${encodeURIComponent(filter)}&$format=json`;
}

/** Every row of a query, all pages joined; throws ODataError, never a partial result. */
export async function fetchAllRows(table: string, url: string, opts: ODataFetchOptions): Promise<ODataRow[]> {
  const rows: ODataRow[] = [];
  const seen = new Set<string>();
  let next: string | undefined = url;
  while (next !== undefined) {
    if (seen.has(next)) throw new ODataError(table, next, 'de server verwijst steeds naar dezelfde pagina (odata.nextLink herhaalt zich)');
    if (seen.size >= MAX_PAGES) throw new ODataError(table, next, `meer dan ${MAX_PAGES} pagina's: het ophalen is afgebroken`);
    seen.add(next);
    const page = await fetchPage(table, next, opts);
    for (const r of page.value) rows.push(r);
    next = page['odata.nextLink'];
  }
  return rows;
}

async function fetchPage(table: string, url: string, opts: ODataFetchOptions): Promise<z.infer<typeof pageSchema>> {
  const fail = (reason: string) => new ODataError(table, url, reason);
  let text: string;
  try {
    const res = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(opts.timeoutMs) });
    text = await res.text();
    if (!res.ok) {
      const detail = text.replace(/\s+/g, ' ').trim().slice(0, 200);
      throw fail(`de server antwoordt met HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${detail ? ` (${detail})` : ''}`);
    }
  } catch (e) {
    if (e instanceof ODataError) throw e;
    throw fail(networkReason(e, opts.timeoutMs));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw fail(`het antwoord is geen JSON (begint met ${JSON.stringify(text.slice(0, 40))})`);
  }
  const page = pageSchema.safeParse(json);
  if (!page.success) throw fail('het antwoord heeft niet de vorm van een OData-tabel (verwacht { "value": [ ...rijen... ] } met alleen teksten, getallen of null)');
  return page.data;
}

/** What a failed fetch means for someone who cannot read a stack trace. */
function networkReason(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `geen antwoord binnen ${timeoutMs / 1000} s`;
  const code = err.cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `de servernaam is niet te vinden (${code}): is er een internetverbinding?`;
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return `de server is niet bereikbaar (${code}): is er een internetverbinding, en klopt het adres?`;
  }
  // fetch refuses some ports outright (the WHATWG "bad ports", port 1 among them).
  if (err.cause?.message === 'bad port') return 'fetch weigert dit poortnummer (bad port): klopt het adres?';
  if (err.name === 'TypeError' && /invalid url|failed to parse url/i.test(`${err.message} ${err.cause?.message ?? ''}`)) return 'dit is geen geldig adres';
  return `de server is niet bereikbaar (${err.cause?.message ?? err.message ?? String(e)})`;
}
