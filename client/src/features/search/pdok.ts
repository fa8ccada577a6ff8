// The online half of the search: streets, addresses and postcodes of the gemeente from the PDOK Locatieserver (free,
// no key). Every answer is checked with zod; a malformed or failed answer is "no online suggestions", never an error.
import { z } from 'zod/mini';

export const PDOK_LOCATIESERVER = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1';

const ADDRESS_TYPES = ['weg', 'adres', 'postcode'] as const;
export type AddressType = (typeof ADDRESS_TYPES)[number];

export interface AddressSuggestion {
  kind: 'address';
  /** The Locatieserver id, for /lookup. */
  id: string;
  naam: string;
  type: AddressType;
}

export interface AddressPoint {
  naam: string;
  /** lon, lat (WGS84). */
  at: [number, number];
  /** PDOK's own buurt of the address (CBS code), a fallback when the boundaries on the map do not hold the point. */
  buurtcode: string | null;
}

export const MAX_ADDRESS_SUGGESTIONS = 5;
/** Shorter queries match half the gemeente; the local areas answer those. */
export const MIN_ADDRESS_QUERY = 3;

function isAddressType(t: string): t is AddressType {
  return ADDRESS_TYPES.some((a) => a === t);
}

const suggestSchema = z.object({
  response: z.object({
    docs: z.array(z.object({ id: z.string().check(z.minLength(1)), type: z.string(), weergavenaam: z.string().check(z.minLength(1)) })),
  }),
});

const lookupSchema = z.object({
  response: z.object({
    docs: z.array(z.object({ id: z.string(), weergavenaam: z.string().check(z.minLength(1)), centroide_ll: z.string(), buurtcode: z.optional(z.string()) })).check(z.minLength(1)),
  }),
});

/** `/suggest` for a query within one gemeente (CBS code GM0935 -> fq=gemeentecode:0935). */
export function suggestUrl(query: string, gemeente: string): string {
  const q = new URLSearchParams();
  q.set('q', query);
  q.append('fq', `gemeentecode:${gemeente.replace(/^GM/, '')}`);
  q.append('fq', `type:(${ADDRESS_TYPES.join(' OR ')})`);
  q.set('rows', String(MAX_ADDRESS_SUGGESTIONS));
  return `${PDOK_LOCATIESERVER}/suggest?${q.toString()}`;
}

export function lookupUrl(id: string): string {
  return `${PDOK_LOCATIESERVER}/lookup?${new URLSearchParams({ id }).toString()}`;
}

/** The suggestions of a `/suggest` answer; null when the answer is not shaped like one. */
export function parseSuggestions(body: unknown): AddressSuggestion[] | null {
  const parsed = suggestSchema.safeParse(body);
  if (!parsed.success) return null;
  const out: AddressSuggestion[] = [];
  for (const d of parsed.data.response.docs) {
    if (isAddressType(d.type)) out.push({ kind: 'address', id: d.id, naam: d.weergavenaam, type: d.type });
  }
  return out.slice(0, MAX_ADDRESS_SUGGESTIONS);
}

/** "POINT(5.69 50.84)" -> [5.69, 50.84]; null for anything else or a point outside the Netherlands' surroundings. */
export function parsePoint(wkt: string): [number, number] | null {
  const m = /^POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$/.exec(wkt.trim());
  if (!m) return null;
  const lon = Number(m[1]);
  const lat = Number(m[2]);
  return lon >= 2 && lon <= 8 && lat >= 50 && lat <= 54 ? [lon, lat] : null;
}

/** The point of a `/lookup` answer; null when the answer is not shaped like one. */
export function parseLookup(body: unknown): AddressPoint | null {
  const parsed = lookupSchema.safeParse(body);
  if (!parsed.success) return null;
  const doc = parsed.data.response.docs[0];
  const at = parsePoint(doc.centroide_ll);
  if (!at) return null;
  const buurtcode = doc.buurtcode && /^BU\d{8}$/.test(doc.buurtcode) ? doc.buurtcode : null;
  return { naam: doc.weergavenaam, at, buurtcode };
}

async function getJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const res = await fetch(url, { signal, credentials: 'omit', headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`PDOK ${res.status}`);
  return res.json();
}

/** Rejects when PDOK cannot be reached or answers something else than suggestions. */
export async function fetchAddressSuggestions(query: string, gemeente: string, signal?: AbortSignal): Promise<AddressSuggestion[]> {
  const found = parseSuggestions(await getJson(suggestUrl(query, gemeente), signal));
  if (!found) throw new Error('PDOK: unexpected suggest answer');
  return found;
}

/** Rejects when PDOK cannot be reached or the answer has no usable point. */
export async function lookupAddress(id: string, signal?: AbortSignal): Promise<AddressPoint> {
  const found = parseLookup(await getJson(lookupUrl(id), signal));
  if (!found) throw new Error('PDOK: unexpected lookup answer');
  return found;
}
