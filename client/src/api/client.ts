// The only module that talks to the server: the typed Hono RPC client (hc<AppType>) for every /api route.
import { hc } from 'hono/client';
import { z } from 'zod/mini';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { AppType } from '../../../server/src/app.ts';
import type {
  ApiError, AttentionArea, AttentionAreaSummary, AttentionKind, BenchmarkResponse, Category, CoverageResponse, ClientConfig, ContextResponse, Gemeente, HotspotMethod, HotspotsResponse, Level,
  AuditEntry, ImportHistory, ImportHistoryRow, UndoAnswer, PresentationOut, PresentationView, RankingResponse, Selection, SeriesResponse, StatsAnswer, SurveyIndicator, SurveyResponse, TargetOut,
  Operator, PlanAnswer, PlanContent, PlanVersion, TargetIndicator, LiveValues, SettingsAnswer, Basemap, CbsUpdateAnswer, CbsUpdateStatus,
} from '../../../server/src/api/types.ts';

export type { BenchmarkResponse, ClientConfig, CoverageResponse, ContextResponse, SurveyIndicator, SurveyResponse, TargetOut };
export type { AttentionArea, AttentionAreaSummary, AttentionKind, AuditEntry, Category, ImportHistoryRow, HotspotMethod, HotspotsResponse, RankingResponse, Selection };
export type { Operator, PlanAnswer, PlanContent, PlanVersion, TargetIndicator, LiveValues, SettingsAnswer, Basemap };
export type { CbsUpdateAnswer, CbsUpdateStatus };

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | null,
    /** Seconds from a Retry-After header (429 on login). */
    readonly retryAfter: number | null = null,
  ) {
    super(body?.error ?? `Serverfout (${status})`);
    this.name = 'ApiRequestError';
  }
}

/** Fired on window when a data request answers 401 (session ended), so the shell can show the login form. */
export const UNAUTHORIZED_EVENT = 'bvk:unauthorized';

/** Counts requests per route so the browser tests can check that geometry is fetched once per gemeente. */
export const requestCounts = { areas: 0, stats: 0, series: 0, hotspots: 0 };

// Relative to the page origin: the same build works behind any host/port and through the Vite dev proxy.
const api = hc<AppType>(new URL('/api', window.location.origin).href);

interface JsonResponse {
  ok: boolean;
  status: number;
  headers: Headers;
  url: string;
  json(): Promise<unknown>;
}

const apiErrorSchema = z.object({ error: z.string(), parameter: z.optional(z.string()), details: z.optional(z.unknown()) });

/**
 * A few answers are JSON text the server prepared itself (the cached /stats answer, the stored TopoJSON) or come from
 * a request hc cannot describe; hc sees no body type for them. The server declares their type (api/types.ts); this
 * reads the body as that type.
 */
async function declaredJson<T>(res: { text(): Promise<string> }): Promise<T> {
  const body: T = JSON.parse(await res.text());
  return body;
}

/** Throws the server's `{ error, parameter }` as an ApiRequestError; otherwise hands the typed response back. */
async function checked<R extends JsonResponse>(res: R): Promise<R> {
  if (res.ok) return res;
  let body: ApiError | null = null;
  try {
    const parsed = apiErrorSchema.safeParse(await res.json());
    body = parsed.success ? parsed.data : null;
  } catch {
    body = null;
  }
  const retry = Number(res.headers.get('Retry-After'));
  if (res.status === 401 && !/\/api\/auth\//.test(res.url) && typeof window !== 'undefined') window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
  throw new ApiRequestError(res.status, body, Number.isFinite(retry) && retry > 0 ? retry : null);
}

export async function fetchConfig(signal?: AbortSignal): Promise<ClientConfig> {
  return (await checked(await api.config.$get(undefined, { init: { signal } }))).json();
}

export async function fetchGemeenten(signal?: AbortSignal): Promise<Gemeente[]> {
  return (await checked(await api.gemeenten.$get(undefined, { init: { signal } }))).json();
}

export async function fetchCategories(signal?: AbortSignal, view?: 'presentatie'): Promise<Category[]> {
  return (await checked(await api.categories.$get(view ? { query: { view } } : undefined, { init: { signal } }))).json();
}

export type AreasTopology = Topology;

/** TopoJSON bytes (the route streams a precomputed file, so its body is not typed by Hono). */
export async function fetchAreas(gemeente: string, signal?: AbortSignal, view?: 'presentatie'): Promise<AreasTopology> {
  requestCounts.areas++;
  const res = await checked(await api.areas.$get({ query: { gemeente, ...(view ? { view } : {}) } }, { init: { signal } }));
  return declaredJson<AreasTopology>(res);
}

export interface StatsQuery {
  gemeente: string;
  level: Level;
  category: string;
  from: string;
  to: string;
  /** Attention area id: only its areas, and `meta.area` with the area as a whole. */
  area?: number | null;
  /** 'presentatie': the server hides counts 1..4 (presentation mode). */
  view?: 'presentatie';
}

export type ScopedStatsResponse = StatsAnswer;

export async function fetchStats(q: StatsQuery, signal?: AbortSignal): Promise<ScopedStatsResponse> {
  requestCounts.stats++;
  const { area, ...rest } = q;
  const query = { ...rest, ...(area ? { area: String(area) } : {}) };
  return declaredJson<ScopedStatsResponse>(await checked(await api.stats.$get({ query }, { init: { signal } })));
}

export interface SeriesQuery {
  gemeente: string;
  code: string;
  category: string;
  /** Period of the breakdown by crime type (the series always covers every month). */
  from?: string;
  to?: string;
}

export async function fetchSeries(q: SeriesQuery, signal?: AbortSignal): Promise<SeriesResponse> {
  requestCounts.series++;
  return (await checked(await api.series.$get({ query: { ...q } }, { init: { signal } }))).json();
}

// --- Veiligheidsmonitor, targets, benchmark, kerncijfers

export async function fetchSurveyIndicators(signal?: AbortSignal): Promise<SurveyIndicator[]> {
  return (await checked(await api.survey.indicators.$get(undefined, { init: { signal } }))).json();
}

export interface SurveyQuery {
  gemeente: string;
  level: Level;
  indicator: string;
  /** Omitted: the latest year with figures. */
  year?: number | null;
  /** 'presentatie': a request made from presentation mode (the server applies the presentation's privacy rules). */
  view?: 'presentatie';
}

export async function fetchSurvey(q: SurveyQuery, signal?: AbortSignal): Promise<SurveyResponse> {
  const query = { gemeente: q.gemeente, level: q.level, indicator: q.indicator, ...(q.year ? { year: String(q.year) } : {}), ...(q.view ? { view: q.view } : {}) };
  return (await checked(await api.survey.$get({ query }, { init: { signal } }))).json();
}

export async function fetchTargets(gemeente: string, signal?: AbortSignal): Promise<TargetOut[]> {
  return (await checked(await api.targets.$get({ query: { gemeente } }, { init: { signal } }))).json();
}

/** The plan that applies to a gemeente (for the beheerder), with every version saved in the browser. */
export async function fetchTargetPlan(gemeente: string, signal?: AbortSignal): Promise<PlanAnswer> {
  return (await checked(await api.targets.plan.$get({ query: { gemeente } }, { init: { signal } }))).json();
}

/** Saves `plan` as the gemeente's new version (the server validates it and keeps the old ones). */
export async function saveTargetPlan(gemeente: string, plan: PlanContent): Promise<PlanAnswer> {
  return (await checked(await api.targets.plan.$put({ query: { gemeente }, json: plan }))).json();
}

export interface BenchmarkQuery {
  gemeente: string;
  /** '' = the group the server chooses for this gemeente. */
  group: string;
  year?: number | null;
  /** '0.0.0' (default) or a crime type with real figures per gemeente. */
  category?: string;
}

export async function fetchBenchmark(q: BenchmarkQuery, signal?: AbortSignal): Promise<BenchmarkResponse> {
  const query = { gemeente: q.gemeente, ...(q.group ? { group: q.group } : {}), ...(q.year ? { year: String(q.year) } : {}), ...(q.category && q.category !== '0.0.0' ? { category: q.category } : {}) };
  return (await checked(await api.benchmark.$get({ query }, { init: { signal } }))).json();
}

export async function fetchCoverage(gemeente: string, signal?: AbortSignal): Promise<CoverageResponse> {
  return (await checked(await api.coverage.$get({ query: { gemeente } }, { init: { signal } }))).json();
}

export async function fetchContext(q: { gemeente: string; level: Level }, signal?: AbortSignal): Promise<ContextResponse> {
  return (await checked(await api.context.$get({ query: { ...q } }, { init: { signal } }))).json();
}

// --- Hotspots, ranking, selections, export, attention areas

export interface ScopeQuery {
  gemeente: string;
  level: 'buurt' | 'wijk';
  category: string;
  from: string;
  to: string;
  /** 'presentatie': the server hides counts 1..4 (presentation mode). */
  view?: 'presentatie';
}

export async function fetchHotspots(q: ScopeQuery & { method: HotspotMethod }, signal?: AbortSignal): Promise<HotspotsResponse> {
  requestCounts.hotspots++;
  return (await checked(await api.hotspots.$get({ query: { ...q } }, { init: { signal } }))).json();
}

export async function fetchRanking(q: ScopeQuery & { weights?: string | null }, signal?: AbortSignal): Promise<RankingResponse> {
  const { weights, ...rest } = q;
  const query = { ...rest, ...(weights ? { weights } : {}) };
  return (await checked(await api.ranking.$get({ query }, { init: { signal } }))).json();
}

export async function fetchSelections(gemeente: string, signal?: AbortSignal): Promise<Selection[]> {
  return (await checked(await api.selections.$get({ query: { gemeente } }, { init: { signal } }))).json();
}

export interface SelectionBody {
  name: string;
  note?: string;
  gemeente: string;
  codes: string[];
  criteria?: Record<string, unknown>;
  /** false: only its owner and the beheerders see it (default true). */
  shared?: boolean;
}

const jsonInit = (body: unknown): RequestInit => ({ body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

export async function createSelection(body: SelectionBody): Promise<Selection> {
  return (await checked(await api.selections.$post({ json: body }))).json();
}

export async function deleteSelection(id: number): Promise<void> {
  await checked(await api.selections[':id'].$delete({ param: { id: String(id) } }));
}

export async function fetchAttentionAreas(gemeente: string, signal?: AbortSignal): Promise<AttentionArea[]> {
  return (await checked(await api['attention-areas'].$get({ query: { gemeente } }, { init: { signal } }))).json();
}

/** Either buurt/wijk codes or a polygon; the server takes exactly one of the two. */
export type AttentionAreaBody = { name: string; gemeente: string; kind: AttentionKind; note?: string } & (
  | { codes: string[] }
  | {
      geometry: Polygon | MultiPolygon;
      /** Without it the server takes coordinates beyond degree ranges as RD New. */
      crs?: 'EPSG:4326' | 'EPSG:28992';
    }
);

export async function createAttentionArea(body: AttentionAreaBody): Promise<AttentionArea> {
  return (await checked(await api['attention-areas'].$post({ json: body }))).json();
}

export async function deleteAttentionArea(id: number): Promise<void> {
  await checked(await api['attention-areas'][':id'].$delete({ param: { id: String(id) } }));
}

export type ExportFormat = 'csv' | 'geojson' | 'gpkg' | 'html';

/** Link for a download: the browser fetches it itself (Content-Disposition names the file). */
/** The Werkbank's export: its scope, the areas, and the weights and selection name the ranking used. */
export function exportUrl(q: ScopeQuery, format: ExportFormat, codes: string[] = [], ranking: { weights?: string | null; selection?: string | null } = {}): string {
  return api.export
    .$url({
      query: {
        ...q,
        format,
        ...(codes.length > 0 ? { codes: codes.join(',') } : {}),
        ...(ranking.weights ? { weights: ranking.weights } : {}),
        ...(ranking.selection ? { selection: ranking.selection } : {}),
      },
    })
    .toString();
}


export async function fetchSession(signal?: AbortSignal) {
  return (await checked(await api.auth.me.$get(undefined, { init: { signal } }))).json();
}

/** Who is asking, as GET /api/auth/me answers (open mode counts as signed in, role 'open'). */
export type Session = Awaited<ReturnType<typeof fetchSession>>;
export type SessionRole = Extract<Session, { authenticated: true }>['role'];

/** Throws ApiRequestError: 401 wrong name/password, 429 throttled (with retryAfter), 400 empty field. */
export async function login(username: string, password: string): Promise<void> {
  await checked(await api.auth.login.$post(undefined, { init: jsonInit({ username, password }) }));
}

export async function logout(): Promise<void> {
  await checked(await api.auth.logout.$post());
}

/** The period of Mijn wijk: the newest registrations (empty), a chosen ISO week ('2025-W49') or month ('2025-11'). */
export interface MyWijkPeriod {
  week?: string;
  month?: string;
}

export async function fetchMyWijk(wijk: string, period: MyWijkPeriod = {}, signal?: AbortSignal) {
  return (await checked(await api['mijn-wijk'].$get({ query: { wijk, ...period } }, { init: { signal } }))).json();
}

export type MyWijkResponse = Awaited<ReturnType<typeof fetchMyWijk>>;

export async function fetchStreets(q: { gemeente: string; code: string; category: string; from: string; to: string }, signal?: AbortSignal) {
  return (await checked(await api.streets.$get({ query: { ...q } }, { init: { signal } }))).json();
}

export async function fetchDensity(
  q: { gemeente: string; wijk?: string | null; category: string; from: string; to: string; cell: number },
  signal?: AbortSignal,
) {
  const { wijk, cell, ...rest } = q;
  const query = { ...rest, cell: String(cell), ...(wijk ? { wijk } : {}) };
  return (await checked(await api.density.$get({ query }, { init: { signal } }))).json();
}

export type DensityResponse = Awaited<ReturnType<typeof fetchDensity>>;

/** Registrations as points (restricted: analist, or a wijkagent in their own wijken; the server decides and audits). */
export async function fetchIncidents(q: { gemeente: string; wijk?: string | null; category: string; from: string; to: string }, signal?: AbortSignal) {
  const { wijk, ...rest } = q;
  return (await checked(await api.incidents.$get({ query: { ...rest, ...(wijk ? { wijk } : {}) } }, { init: { signal } }))).json();
}

export type IncidentsResponse = Awaited<ReturnType<typeof fetchIncidents>>;

export type { PresentationOut, PresentationView };

/** What POST/PUT /api/presentations take: the server derives focus.gemeente from the codes. */
export interface PresentationBody {
  title: string;
  views: (Omit<PresentationView, 'focus'> & { focus: { level: PresentationView['focus']['level']; codes: string[] } })[];
}

export async function fetchPresentation(id: number, signal?: AbortSignal): Promise<PresentationOut> {
  // view=presentatie makes the server apply the presentation's privacy rules; the route declares no query, so hc
  // cannot add it and the request is made by hand.
  const url = api.presentations[':id'].$url({ param: { id: String(id) } });
  url.searchParams.set('view', 'presentatie');
  return declaredJson<PresentationOut>(await checked(await fetch(url, { signal })));
}

export async function fetchPresentations(signal?: AbortSignal): Promise<PresentationOut[]> {
  return (await checked(await api.presentations.$get({ query: {} }, { init: { signal } }))).json();
}

export async function savePresentation(body: PresentationBody, id: number | null): Promise<PresentationOut> {
  const res = id === null ? await api.presentations.$post({ json: body }) : await api.presentations[':id'].$put({ param: { id: String(id) }, json: body });
  return (await checked(res)).json();
}

/** Links to the generated PDF reports (the browser opens them itself). */
export function monthlyReportUrl(gemeente: string, month: string): string {
  return api.reports.monthly.$url({ query: { gemeente, month } }).toString();
}

/** The wijkagent's printable wijkbrief (PDF; the server checks that the user may see this wijk). */
export function wijkbriefUrl(wijk: string, period: MyWijkPeriod = {}): string {
  return api.reports.wijkbrief.$url({ query: { wijk, ...period } }).toString();
}

export function quarterlyReportUrl(gemeente: string, quarter: string): string {
  return api.reports.quarterly.$url({ query: { gemeente, quarter } }).toString();
}

// --- Signals and effect evaluations -------------------------------------------------------------------

export interface SignalsQuery {
  gemeente: string;
  level: 'buurt' | 'wijk';
  category: string;
  month: string;
  view?: 'presentatie';
}

export async function fetchSignals(q: SignalsQuery, signal?: AbortSignal) {
  return (await checked(await api.signals.$get({ query: { ...q } }, { init: { signal } }))).json();
}

export async function fetchEvaluations(gemeente: string, signal?: AbortSignal) {
  return (await checked(await api.evaluations.$get({ query: { gemeente } }, { init: { signal } }))).json();
}

export type EvaluationListItem = Awaited<ReturnType<typeof fetchEvaluations>>[number];

export async function fetchEvaluation(id: number, signal?: AbortSignal) {
  return (await checked(await api.evaluations[':id'].$get({ param: { id: String(id) } }, { init: { signal } }))).json();
}

export type EvaluationResponse = Awaited<ReturnType<typeof fetchEvaluation>>;

export interface EvaluationBody {
  name: string;
  codes?: string[];
  attentionAreaId?: number;
  start: string;
  categories: string[];
  preMonths: number;
  postMonths: number;
  /** false: only its owner and the beheerders see it (default true). */
  shared?: boolean;
}

export async function createEvaluation(body: EvaluationBody): Promise<number> {
  const created = await (await checked(await api.evaluations.$post({ json: body }))).json();
  return created.id;
}

/** Buurt codes and names of a gemeente (for choosing the treated buurten of an evaluation). */
export async function fetchBuurtNames(q: { gemeente: string; from: string; to: string }, signal?: AbortSignal): Promise<{ code: string; naam: string }[]> {
  const stats = await fetchStats({ ...q, level: 'buurt', category: '0.0.0' }, signal);
  return stats.rows.map((r) => ({ code: r.code, naam: r.naam })).sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
}

// --- The beheerder's desk: accounts, audit trail, imports --------------------------------------------

/** The settings a beheerder may change without a restart, the fixed ones and the history. */
export async function fetchSettings(signal?: AbortSignal): Promise<SettingsAnswer> {
  return (await checked(await api.settings.$get(undefined, { init: { signal } }))).json();
}

export async function saveSettings(values: LiveValues): Promise<SettingsAnswer> {
  return (await checked(await api.settings.$put({ json: values }))).json();
}

export async function fetchAccounts(signal?: AbortSignal) {
  return (await checked(await api.accounts.$get(undefined, { init: { signal } }))).json();
}
export type Account = Awaited<ReturnType<typeof fetchAccounts>>['accounts'][number];
export type AccountRole = Account['role'];

export async function createAccount(body: { username: string; password: string; role: AccountRole; wijken: string[] }): Promise<Account> {
  return (await checked(await api.accounts.$post({ json: body }))).json();
}

/** A new role (with its wijken) and/or a new password. */
export async function changeAccount(username: string, change: { role?: AccountRole; wijken?: string[]; password?: string }): Promise<Account> {
  return (await checked(await api.accounts[':username'].$patch({ param: { username }, json: change }))).json();
}

export async function removeAccount(username: string): Promise<void> {
  await checked(await api.accounts[':username'].$delete({ param: { username } }));
}

export interface AuditFilter {
  username?: string;
  action?: string;
  /** The part of the application, as the start of the resource (e.g. '/api/imports'). */
  resource?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
}

/** The filter as query parameters, leaving out the empty ones (the server reads an empty value as a bad one). */
function auditQuery(f: AuditFilter): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (typeof v === 'string' && v !== '') query[k] = v;
  return query;
}

/** The route also answers CSV, so hc cannot type the JSON body; the server declares it (api/types.ts). */
export async function fetchAudit(f: AuditFilter, signal?: AbortSignal): Promise<{ entries: AuditEntry[] }> {
  return declaredJson<{ entries: AuditEntry[] }>(await checked(await api.audit.$get({ query: auditQuery(f) }, { init: { signal } })));
}

/** The same filter as a CSV download (the browser fetches it itself). */
export function auditCsvUrl(f: AuditFilter): string {
  return api.audit.$url({ query: { ...auditQuery(f), format: 'csv' } }).toString();
}

/** Every stored import, newest first, with whether it can still be undone. */
export async function fetchImports(signal?: AbortSignal): Promise<ImportHistory> {
  return (await checked(await api.imports.$get(undefined, { init: { signal } }))).json();
}

/** Undoes the most recent import (the server refuses any other with 409, naming why). */
export async function undoImport(id: number): Promise<UndoAnswer> {
  return (await checked(await api.imports[':id'].undo.$post({ param: { id: String(id) } }))).json();
}

/** Imports an undone upload again from its kept file; answers the import report like an upload. */
export async function reimportImport(id: number): Promise<ImportReport> {
  return (await checked(await api.imports[':id'].reimport.$post({ param: { id: String(id) } }))).json();
}

/** What an update from CBS fetches, whether the monthly schedule is on, and when the last one ran. */
export async function fetchCbsUpdateStatus(signal?: AbortSignal): Promise<CbsUpdateStatus> {
  return (await checked(await api.imports['cbs-update'].$get(undefined, { init: { signal } }))).json();
}

/**
 * Fetches the newest police figures from CBS and imports them now. CBS out of reach (502), another import
 * running (409): ApiRequestError with the server's Dutch reason; nothing has changed then.
 */
export async function runCbsUpdate(): Promise<CbsUpdateAnswer> {
  const res = await checked(await api.imports['cbs-update'].$post({ json: {} }));
  if (res.status === 200) return res.json();
  throw new ApiRequestError(res.status, await res.json());
}

const importRefusal = z.object({
  error: z.string(),
  issueCount: z.optional(z.number()),
  issues: z.optional(z.array(z.object({ line: z.number(), field: z.string(), reason: z.string() }))),
  more: z.optional(z.number()),
});
export type ImportRefusal = z.infer<typeof importRefusal>;

/** What an accepted import reports (the body of a 200 from POST /api/imports). */
export interface ImportReport {
  file: string;
  format: string;
  alreadyImported: boolean;
  changedRows: number;
  summary: Record<string, unknown>;
  warnings: string[];
  bytes: number;
}
const importReport = z.object({
  file: z.string(), format: z.string(), alreadyImported: z.boolean(), changedRows: z.number(),
  summary: z.record(z.string(), z.unknown()), warnings: z.array(z.string()), bytes: z.number(),
});

export type UploadOutcome = { ok: true; report: ImportReport } | { ok: false; refusal: ImportRefusal };

/**
 * Uploads a file to import, reporting the share sent so far (0..1). XMLHttpRequest rather than fetch: only it
 * reports upload progress, which a 200 MB police extract needs. Answers the import report, or the refusal with
 * its bad lines (nothing stored); other failures throw ApiRequestError like every other call.
 */
/** `allowPartialMonths`: a police extract may replace months it holds only part of (refused otherwise). */
export function uploadImport(file: File, gemeente: string | null, onProgress: (share: number) => void, allowPartialMonths = false): Promise<UploadOutcome> {
  const url = api.imports.$url({ query: { name: file.name, ...(gemeente ? { gemeente } : {}), ...(allowPartialMonths ? { allowPartialMonths: 'true' as const } : {}) } }).toString();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiRequestError(0, { error: 'De server is niet bereikbaar.' }));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      const ok = importReport.safeParse(body);
      if (xhr.status === 200 && ok.success) return resolve({ ok: true, report: ok.data });
      const refused = importRefusal.safeParse(body);
      if (xhr.status === 400 && refused.success && refused.data.issues) return resolve({ ok: false, refusal: refused.data });
      const err = apiErrorSchema.safeParse(body);
      reject(new ApiRequestError(xhr.status, err.success ? err.data : null));
    };
    xhr.send(file);
  });
}
