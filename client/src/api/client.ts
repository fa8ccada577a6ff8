// The only module that talks to the server: the typed Hono RPC client (hc<AppType>) for every /api route.
import { hc } from 'hono/client';
import type { Topology } from 'topojson-specification';
import type { AppType } from '../../../server/src/app.ts';
import type { ApiError, Category, Gemeente, Level, SeriesResponse, StatsResponse } from '../../../server/src/domain/model.ts';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | null,
  ) {
    super(body?.error ?? `Serverfout (${status})`);
    this.name = 'ApiRequestError';
  }
}

/** Counts requests per route so the browser tests can check that geometry is fetched once per gemeente. */
export const requestCounts = { areas: 0, stats: 0, series: 0 };

// Relative to the page origin: the same build works behind any host/port and through the Vite dev proxy.
const api = hc<AppType>(new URL('/api', window.location.origin).href);

interface JsonResponse {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}

/** Throws the server's `{ error, parameter }` as an ApiRequestError; otherwise hands the typed response back. */
async function checked<R extends JsonResponse>(res: R): Promise<R> {
  if (res.ok) return res;
  let body: ApiError | null = null;
  try {
    body = (await res.json()) as ApiError;
  } catch {
    body = null;
  }
  throw new ApiRequestError(res.status, body);
}

export interface ClientConfig {
  basemapStyleUrl: string;
  defaultGemeente: string;
}

export async function fetchConfig(signal?: AbortSignal): Promise<ClientConfig> {
  return (await checked(await api.config.$get(undefined, { init: { signal } }))).json();
}

export async function fetchGemeenten(signal?: AbortSignal): Promise<Gemeente[]> {
  return (await checked(await api.gemeenten.$get(undefined, { init: { signal } }))).json();
}

export async function fetchCategories(signal?: AbortSignal): Promise<Category[]> {
  return (await checked(await api.categories.$get(undefined, { init: { signal } }))).json();
}

/** Properties the server puts on each TopoJSON geometry. */
export interface AreaProperties {
  code: string;
  naam: string;
  wijkcode?: string;
  inwoners?: number | null;
  oppervlakteKm2?: number | null;
}

export type AreasTopology = Topology;

/** TopoJSON bytes (the route streams a precomputed file, so its body is not typed by Hono). */
export async function fetchAreas(gemeente: string, signal?: AbortSignal): Promise<AreasTopology> {
  requestCounts.areas++;
  const res = await checked(await api.areas.$get({ query: { gemeente } }, { init: { signal } }));
  return (await res.json()) as AreasTopology;
}

export interface StatsQuery {
  gemeente: string;
  level: Level;
  category: string;
  from: string;
  to: string;
}

export async function fetchStats(q: StatsQuery, signal?: AbortSignal): Promise<StatsResponse> {
  requestCounts.stats++;
  return (await checked(await api.stats.$get({ query: { ...q } }, { init: { signal } }))).json();
}

export interface SeriesQuery {
  gemeente: string;
  code: string;
  category: string;
}

export async function fetchSeries(q: SeriesQuery, signal?: AbortSignal): Promise<SeriesResponse> {
  requestCounts.series++;
  return (await checked(await api.series.$get({ query: { ...q } }, { init: { signal } }))).json();
}

export function isAbort(err: unknown): boolean {
  return (err instanceof DOMException && err.name === 'AbortError') || (err instanceof Error && err.name === 'AbortError');
}
