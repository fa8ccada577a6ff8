// The Hono application: middleware, one error handler, and the chain of API routes.
// Exports AppType so the client's hc<AppType> knows every route and response shape.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { compress } from 'hono/compress';
import { bodyLimit } from 'hono/body-limit';
import type { RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { NATIONAL, type Dataset } from './store/dataset.ts';
import { ApiError } from './compute/errors.ts';
import { metaRoutes } from './routes/meta.ts';
import { areasRoutes } from './routes/areas.ts';
import { tilesRoutes } from './routes/tiles.ts';
import { tileSetOf, type TileSet } from './compute/tiles.ts';
import { TILE_SECURITY, tileAddress, tileAnswer } from './http/tileAnswer.ts';
import { statsRoutes } from './routes/stats.ts';
import { surveyRoutes } from './routes/survey.ts';
import { targetsRoutes } from './routes/targets.ts';
import { benchmarkRoutes } from './routes/benchmark.ts';
import { coverageRoutes } from './routes/coverage.ts';
import { contextRoutes } from './routes/context.ts';
import { neighboursRoutes } from './routes/neighbours.ts';
import { hotspotsRoutes } from './routes/hotspots.ts';
import { rankingRoutes } from './routes/ranking.ts';
import { exportRoutes } from './routes/export.ts';
import { selectionsRoutes } from './routes/selections.ts';
import { attentionAreasRoutes } from './routes/attentionAreas.ts';
import { importsRoutes } from './routes/imports.ts';
import { presentationsRoutes } from './routes/presentations.ts';
import { reportsRoutes } from './routes/reports.ts';
import { signalsRoutes } from './routes/signals.ts';
import { evaluationsRoutes } from './routes/evaluations.ts';
import { evaluationAnswer } from './compute/evaluations.ts';
import { PdfRenderer } from './reports/pdf.ts';
import { AreaGeometry } from './store/geometry.ts';
import { KeptUploads } from './store/keptUploads.ts';
import { ImportRunner } from './store/importRunner.ts';
import type { ApiError as ApiErrorBody } from './domain/model.ts';
import type { Context, MiddlewareHandler } from 'hono';
import { authRoutes } from './routes/auth.ts';
import { accountsRoutes } from './routes/accounts.ts';
import type { LoginThrottle } from './http/loginThrottle.ts';
import { incidentRoutes } from './routes/incidents.ts';
import { sessionMiddleware, principalOf, principalResolver, SESSION_COOKIE } from './http/session.ts';
import { mustSuppress, presentationPrivacy, suppressFor } from './http/privacy.ts';
import { CellKeyRounding, isAlignedPeriod, PERIOD_RULE } from './domain/disclosure.ts';
import { areaAnswer } from './http/areaAnswer.ts';
import { getPath, getQueryParam } from 'hono/utils/url';
import { parse as parseCookie } from 'hono/utils/cookie';
import type { UserStore } from './store/users.ts';
import type { AppEnv } from './http/env.ts';
import { mayWrite } from './domain/roles.ts';
import { mayReadItem } from './domain/ownership.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from './domain/privacy.ts';
import { LiveSettings } from './compute/settings.ts';
import { basemapOrigins, resolveBasemap } from './domain/basemap.ts';
import { settingsRoutes } from './routes/settings.ts';
import { cbsUpdateRoutes } from './routes/cbsUpdate.ts';
import { CbsUpdater, type CbsUpdaterOptions } from './cbs/updater.ts';
import { withLength, type BytesAnswer } from './http/bytesAnswer.ts';

export interface AppDeps {
  dataset: Dataset;
  lowPopulationThreshold: number;
  /** The background map setting the beheerder may change (domain/basemap.ts). */
  basemap: string;
  defaultGemeente: string;
  /** Built client (dist/client); omitted in API-only tests. */
  clientDir?: string;
  /** Counts from 1 up to this are hidden for presentations. */
  suppressionThreshold?: number;
  /** Secret of the cell keys that round presentation counts; the same on every app server (omitted: random per process). */
  disclosureKey?: Buffer;
  /** Trust X-Forwarded-Proto from a reverse proxy (for the Secure cookie flag). */
  trustProxy?: boolean;
  /** Login throttling (tests use a faster one). */
  loginThrottle?: LoginThrottle;
  /** POST /api/imports: largest upload in bytes (MAX_UPLOAD_MB; default 250 MB) and its temp folder. */
  maxUploadBytes?: number;
  uploadDir?: string;
  /** Which store engine runs (shown read-only on the beheerder's settings). */
  database?: 'sqlite' | 'postgres';
  /** Where uploaded files are kept so an undone import can be imported again (DATA_DIR/uploads; omitted: not kept). */
  keptUploadsDir?: string;
  /** Prints reports to PDF (one Chromium, started on first use); the owner closes it on shutdown. */
  pdfRenderer?: PdfRenderer;
  /** Runs uploaded imports off the event loop, one at a time (made by createApp when omitted). */
  importRunner?: ImportRunner;
  /** The update from CBS (button and schedule); omitted: the public CBS service, 30 s per answer, no schedule. */
  cbsUpdate?: Omit<CbsUpdaterOptions, 'defaultGemeente'>;
  /** Made by createApp from `cbsUpdate` (shared with the schedule); tests may give their own. */
  cbsUpdater?: CbsUpdater;
}

/** GET, HEAD and OPTIONS change nothing: they skip the write checks (no array allocated per request). */
function isSafeMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}

/** Largest JSON body per route (bytes); uploads (POST /api/imports) stream to disk under their own limit. */
export const JSON_BODY_LIMITS = { login: 16 * 1024, attentionArea: 6 * 1024 * 1024, other: 1024 * 1024 } as const;

function jsonBodyLimit(path: string): number | null {
  if (path === '/api/imports') return null;
  if (path.startsWith('/api/auth/')) return JSON_BODY_LIMITS.login;
  // A polygon from a GeoJSON file of up to 5 MB (the form's limit), with room for the rest of the body.
  if (path === '/api/attention-areas') return JSON_BODY_LIMITS.attentionArea;
  return JSON_BODY_LIMITS.other;
}

const bodyLimits = new Map(Object.values(JSON_BODY_LIMITS).map((maxSize) => [maxSize, bodyLimit({
  maxSize,
  onError: () => {
    throw new ApiError(413, `body: larger than ${maxSize >= 1024 * 1024 ? `${maxSize / 1024 / 1024} MB` : `${maxSize / 1024} KB`}`, 'body');
  },
})]));

export function createApi(deps: AppDeps, users: UserStore = deps.dataset.store.users(), resolvePrincipal = principalResolver(users), settings = liveSettings(deps)) {
  const { dataset } = deps;
  const lowPopulation = () => settings.current().lowPopulationThreshold;
  const geometry = new AreaGeometry(dataset);
  const tiles = tilesOf(dataset);
  // SQLite's own tables, or PostgreSQL's with DATABASE_URL (shared by every app server).
  const { selections, attentionAreas, incidents, presentations, evaluations } = dataset.store.features();
  const threshold = deps.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const pdf = deps.pdfRenderer ?? new PdfRenderer();
  const kept = deps.keptUploadsDir ? new KeptUploads(deps.keptUploadsDir) : undefined;
  const runner = deps.importRunner ?? new ImportRunner(dataset);
  const cbsUpdater = deps.cbsUpdater ?? cbsUpdaterOf(deps, runner, users);
  /** Every API route, answering from `ds`. */
  const routes = (ds: Dataset) =>
    new Hono<AppEnv>()
      .route('/', authRoutes(users, { trustProxy: deps.trustProxy ?? false, throttle: deps.loginThrottle }))
      .route('/', accountsRoutes(ds, users))
      .route('/', incidentRoutes(ds, geometry, incidents, users, lowPopulation, { pdf }))
      .route('/', metaRoutes(ds, () => ({ ...settings.current(), defaultGemeente: deps.defaultGemeente, suppressionThreshold: threshold }), () => versionOf(tiles)))
      .route('/', settingsRoutes(settings, users))
      .route('/', areasRoutes(ds))
      .route('/', tilesRoutes(tiles))
      .route('/', statsRoutes(ds, lowPopulation, attentionAreas))
      .route('/', surveyRoutes(ds))
      .route('/', targetsRoutes(ds, users))
      .route('/', benchmarkRoutes(ds))
      .route('/', coverageRoutes(ds))
      .route('/', contextRoutes(ds))
      .route('/', neighboursRoutes(ds, geometry))
      .route('/', hotspotsRoutes(ds, geometry, lowPopulation))
      .route('/', rankingRoutes(ds, geometry, lowPopulation))
      .route('/', exportRoutes(ds, geometry, lowPopulation, threshold))
      .route('/', selectionsRoutes(ds, selections, users))
      .route('/', attentionAreasRoutes(ds, geometry, attentionAreas, users))
      .route('/', importsRoutes(ds, users, runner, { maxBytes: deps.maxUploadBytes ?? 250 * 1024 * 1024, dir: deps.uploadDir, defaultGemeente: deps.defaultGemeente, kept }))
      .route('/', cbsUpdateRoutes(ds, cbsUpdater))
      .route('/', presentationsRoutes(ds, presentations, users))
      .route('/', signalsRoutes(ds, threshold))
      .route('/', evaluationsRoutes(ds, geometry, evaluations, attentionAreas, users))
      .route('/', reportsRoutes(ds, {
        lowPopulation, suppressionThreshold: threshold, pdf,
        evaluationsOf: (gm, reader) => evaluations.list(gm).filter((e) => mayReadItem(reader, e)).map((e) => evaluationAnswer(ds, geometry, { evaluations, attentionAreas }, e)),
      }));
  // Disclosure control: the presentatie role (and every request made from a presentation) is answered
  // by the same routes over a view of the data whose counts are rounded by cell key, so every answer,
  // export and report derives its figures from the rounded counts. One place; no route can forget it.
  const disclosure = new CellKeyRounding(deps.disclosureKey ?? randomBytes(32), threshold);
  const disclosed = new Hono<AppEnv>()
    .use('*', sessionMiddleware(resolvePrincipal))
    .use('*', presentationPrivacy(threshold, disclosure.note()))
    .route(API_BASE, routes(dataset.withDisclosure(disclosure)));
  disclosed.onError(answerError);
  disclosed.notFound((c) => c.json({ error: `not found: ${c.req.path}` } satisfies ApiErrorBody, 404));
  return new Hono<AppEnv>()
    .use('*', sessionMiddleware(resolvePrincipal))
    .use('*', (c, next) => {
      // Not async: returns next()'s promise rather than wrapping it in another one (every GET passes here).
      if (isSafeMethod(c.req.method)) return next();
      // A presentation screen only reads; so does everyone on the auth routes' behalf, and so does
      // anyone before the first account exists (what they saved would outlive open mode, ownerless).
      if (!c.req.path.startsWith('/api/auth/') && !mayWrite(principalOf(c))) {
        throw new ApiError(403, principalOf(c).role === 'open' ? 'read-only until the first account exists' : 'this role may not change data');
      }
      const limit = jsonBodyLimit(c.req.path);
      const go = () => (limit === null ? next() : bodyLimits.get(limit)!(c, next));
      // While an import worker writes, a change waits for it here, without stopping the event loop, rather
      // than in SQLite's busy handler, which would (importRunner.ts). Imports answer 409 themselves.
      return c.req.path.startsWith('/api/imports') ? go() : runner.writesAllowed().then(go);
    })
    .use('*', (c, next) => {
      // Answers depend on who asks (restricted detail, suppression, per-user lists): no cache may keep
      // them. The few public, per-gemeente answers (boundaries, categories, ...) set their own header.
      c.header('Cache-Control', 'no-store');
      return next();
    })
    .use('*', (c, next) => {
      if (!isSafeMethod(c.req.method) || !mustSuppress(c)) return next();
      requireAlignedPeriod(c.req.query('from'), c.req.query('to'));
      // Through c.newResponse: keeps the headers set before (security headers) on the twin's answer.
      return Promise.resolve(disclosed.fetch(c.req.raw, c.env)).then((res) => c.newResponse(res.body, res));
    })
    // Writes made with ?view=presentatie are answered by the app itself: still no small count in them.
    .use('*', presentationPrivacy(threshold))
    .route('/', routes(dataset));
}

/** Where createApp mounts createApi (the disclosure-controlled twin is answered under the same paths). */
const API_BASE = '/api';

/**
 * Periods a disclosure-controlled reader may ask for (domain/disclosure.ts says why). A missing bound
 * is resolved by the route to a calendar-aligned default or refused there.
 */
function requireAlignedPeriod(from: string | undefined, to: string | undefined): void {
  if (!from || !to || !/^\d{4}-\d{2}$/.test(from) || !/^\d{4}-\d{2}$/.test(to) || isAlignedPeriod(from, to)) return;
  throw new ApiError(400, `from: ${PERIOD_RULE}; niet ${from} … ${to}`, 'from');
}

/** One JSON error shape for every answer (the app's and the disclosure-controlled twin's). */
function answerError(err: Error, c: Context): Response {
  if (err instanceof ApiError) {
    const body: ApiErrorBody = { error: err.error, ...(err.parameter ? { parameter: err.parameter } : {}) };
    return c.json(body, err.status);
  }
  if (err instanceof HTTPException) return c.json({ error: err.message || 'request error' } satisfies ApiErrorBody, err.status);
  // Unexpected: log for the beheerder, never leak a stack trace to the client.
  console.error(err);
  return c.json({ error: 'internal error' } satisfies ApiErrorBody, 500);
}

export type AppType = ReturnType<typeof createApi>;

/** The update from CBS over the app's store, its import lock and its (audit-deferring) user store. */
function cbsUpdaterOf(deps: AppDeps, runner: ImportRunner, users: UserStore): CbsUpdater {
  const options = deps.cbsUpdate ?? { policeBaseUrl: 'https://dataderden.cbs.nl/ODataApi/odata', timeoutMs: 30_000, schedule: 'uit' as const };
  return new CbsUpdater(deps.dataset, runner, users, { ...options, defaultGemeente: deps.defaultGemeente });
}

/** The settings a beheerder may change live, over the environment's values (compute/settings.ts). */
function liveSettings(deps: AppDeps): LiveSettings {
  return new LiveSettings(
    { lowPopulationThreshold: deps.lowPopulationThreshold, basemap: deps.basemap },
    deps.dataset.store.features().versions,
    {
      suppressionThreshold: deps.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD,
      defaultGemeente: deps.defaultGemeente,
      database: deps.database === 'postgres' ? 'PostgreSQL' : 'ingebouwd (SQLite)',
      maxUploadMb: Math.round((deps.maxUploadBytes ?? 250 * 1024 * 1024) / (1024 * 1024)),
    },
  );
}

/** The PDOK Locatieserver's origin: the search box's streets, addresses and postcodes (client/src/features/search/pdok.ts). */
const PDOK_ORIGIN = 'https://api.pdok.nl';

/** Content-Security-Policy the app really runs under: no inline scripts, MapLibre's worker from
 * 'self' or a blob, tiles/styles only from the basemap hosts, requests to the PDOK Locatieserver. */
function contentSecurityPolicy(setting: string): string {
  const basemap = basemapOrigins(resolveBasemap(setting));
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    ['img-src', "'self'", 'data:', 'blob:', ...basemap].join(' '),
    ['connect-src', "'self'", PDOK_ORIGIN, ...basemap].join(' '),
    "worker-src 'self' blob:",
    ['font-src', "'self'", 'data:', ...basemap].join(' '),
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The security headers of hono/secure-headers, set BEFORE the handler runs: that middleware sets
 * them on c.res afterwards, which materialises every response object. A plain record, so the
 * /api/areas fast path (createApp) can send the very same headers.
 */
function securityHeaderRecord(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Origin-Agent-Cluster': '?1',
    'Referrer-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'X-DNS-Prefetch-Control': 'off',
    'X-Download-Options': 'noopen',
    'X-Frame-Options': 'DENY',
    'X-Permitted-Cross-Domain-Policies': 'none',
    'X-XSS-Protection': '0',
  };
}

function securityHeaders(record: () => Readonly<Record<string, string>>): MiddlewareHandler {
  const entries = new WeakMap<object, [string, string][]>();
  // Not async: returns next()'s promise rather than wrapping it in another one.
  return (c, next) => {
    // A request for a tile gets the headers a binary subresource can act on (see TILE_SECURITY), as on the fast path.
    const r = c.req.path.startsWith('/api/tiles/') && tileAddress(c.req.path) ? TILE_SECURITY : record();
    let headers = entries.get(r);
    if (!headers) entries.set(r, (headers = Object.entries(r)));
    for (const [k, v] of headers) c.header(k, v);
    return next();
  };
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Cross-site requests may not change anything: browsers send Origin / Sec-Fetch-Site on them. */
const refuseCrossSite: MiddlewareHandler = async (c, next) => {
  const site = c.req.header('Sec-Fetch-Site');
  const origin = c.req.header('Origin');
  const host = c.req.header('Host');
  if (site === 'cross-site' || (origin && host && originHost(origin) !== host)) {
    return c.json({ error: 'cross-site request refused' } satisfies ApiErrorBody, 403);
  }
  await next();
};

/** The tiles' version, or null when the country's boundaries are not there (a data folder of a few gemeenten only). */
function versionOf(tiles: TileSet): string | null {
  try {
    return tiles.version();
  } catch {
    return null;
  }
}

/** The country's boundaries as vector tiles, one tile set per dataset (shared by the route and the fast path). */
function tilesOf(dataset: Dataset): TileSet {
  return tileSetOf(dataset, { topologyJson: () => dataset.areaFile(NATIONAL).raw, etag: () => dataset.areaFile(NATIONAL).etag });
}

export function createApp(deps: AppDeps) {
  const app = new Hono();
  const settings = liveSettings(deps);
  // The CSP names the basemap's host, which the beheerder may change: one frozen header record per basemap URL.
  const records = new Map<string, Readonly<Record<string, string>>>();
  const security = () => {
    const url = settings.current().basemap;
    let r = records.get(url);
    if (!r) records.set(url, (r = Object.freeze(securityHeaderRecord(contentSecurityPolicy(url)))));
    return r;
  };
  const importRunner = deps.importRunner ?? new ImportRunner(deps.dataset);
  // PostgreSQL's tables with DATABASE_URL, else the SQLite file's; audit rows held back while an import runs.
  const users = importRunner.deferAudits(deps.dataset.store.users());
  const resolvePrincipal = principalResolver(users);
  app.use('*', securityHeaders(security));
  // GET/HEAD/OPTIONS go straight on (no async layer that only awaits next()); the others are checked.
  app.use('/api/*', (c, next) => (isSafeMethod(c.req.method) ? next() : refuseCrossSite(c, next)));
  // Answers computed per request (stats for the whole country are 3 MB of JSON) go out gzipped to clients that
  // accept it; /api/areas is compressed once at build time and keeps its own Content-Encoding.
  app.use('/api/*', compress({ threshold: 8 * 1024 }));
  app.onError(answerError);
  app.notFound((c) => c.json({ error: `not found: ${c.req.path}` } satisfies ApiErrorBody, 404));
  const cbsUpdater = deps.cbsUpdater ?? cbsUpdaterOf(deps, importRunner, users);
  app.route(API_BASE, createApi({ ...deps, importRunner, cbsUpdater }, users, resolvePrincipal, settings));
  if (deps.clientDir && fs.existsSync(deps.clientDir)) {
    const root = path.relative(process.cwd(), deps.clientDir) || '.';
    app.use('/assets/*', async (c, next) => {
      await next();
      // Only a file that exists is cached for a year (its name carries its hash).
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    // The build writes a brotli and a gzip copy of each script and style (scripts/precompress.ts): sent as such.
    app.use('/*', serveStatic({ root, precompressed: true }));
    // An asset that does not exist is a 404, never the app shell under an asset's name.
    app.get('/assets/*', (c) => c.json({ error: `not found: ${c.req.path}` } satisfies ApiErrorBody, 404));
    // The view lives in the URL query; every non-API path serves the app shell.
    const indexHtml = fs.readFileSync(path.join(deps.clientDir, 'index.html'), 'utf8');
    app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.json({ error: `not found: ${c.req.path}` }, 404) : c.html(indexHtml)));
  }
  // Fast path for GET /api/areas, the boundaries every map view loads (README "Benchmarks"). Through
  // the chain above a request runs five middleware layers and Hono's async compose, and its headers
  // go through a Headers object. This answers from the precomputed bytes instead; startServer() calls
  // it straight from node:http, before @hono/node-server builds a Request at all, and app.fetch uses
  // it too (so tests through app.request see the same answers). It answers ONLY the plain success
  // case, deciding with the same functions as the chain:
  // - security headers: the same record the securityHeaders middleware sets;
  // - session: the same resolver as sessionMiddleware; no principal -> the chain (its 401);
  // - privacy: if presentationPrivacy would filter the answer -> the chain;
  // - CSRF and the write guard concern only non-GET requests, which never come here;
  // - ETag/encoding: areaAnswer(), shared with the route; invalid or unknown gemeente -> the chain.
  // Anything else (HEAD, other paths, errors) goes through the chain unchanged.
  // Vector tiles (GET /api/tiles/.../{y}.mvt) take the same path: a map view asks for dozens at once.
  const tiles = tilesOf(deps.dataset);
  const areasFast = (method: string, pathname: string, url: string, header: (name: string) => string | null | undefined): BytesAnswer | undefined => {
    if (method !== 'GET') return undefined;
    const tile = pathname !== '/api/areas' && pathname.startsWith('/api/tiles/') ? tileAddress(pathname) : undefined;
    if (pathname !== '/api/areas' && !tile) return undefined;
    const cookie = header('cookie');
    const principal = resolvePrincipal(cookie ? parseCookie(cookie, SESSION_COOKIE)[SESSION_COOKIE] : undefined);
    if (!principal || suppressFor(principal, getQueryParam(url, 'view') as string | undefined)) return undefined;
    const answer = tile
      ? tileAnswer(tiles, tile, getQueryParam(url, 'v') as string | undefined, header('if-none-match') ?? null, header('accept-encoding') ?? null)
      : areaAnswer(deps.dataset, getQueryParam(url, 'gemeente') as string | undefined, header('if-none-match') ?? null, header('accept-encoding') ?? null);
    if (!answer) return undefined;
    const record = tile ? TILE_SECURITY : security();
    let forRecord = withSecurity.get(record);
    if (!forRecord) withSecurity.set(record, (forRecord = new WeakMap()));
    let merged = forRecord.get(answer.headers);
    if (!merged) forRecord.set(answer.headers, (merged = Object.freeze({ ...record, ...answer.headers })));
    return { ...answer, headers: merged };
  };
  // Security headers + an answer's headers, merged once per security record (one per basemap) and (shared, frozen) answer record.
  const withSecurity = new WeakMap<object, WeakMap<object, Readonly<Record<string, string>>>>();
  const fetchChain = app.fetch;
  app.fetch = (request, env, executionCtx) => {
    const fast = areasFast(request.method, getPath(request), request.url, (name) => request.headers.get(name));
    return fast ? new Response(fast.body, { status: fast.status, headers: withLength(fast.headers, fast.body) }) : fetchChain(request, env, executionCtx);
  };
  return Object.assign(app, { areasFast, cbsUpdater });
}

/**
 * The node:http listener of the app: boundaries (GET /api/areas) answered from precomputed bytes before
 * @hono/node-server builds a Request at all (the fast path above), every other request through Hono.
 */
export function nodeListener(app: ReturnType<typeof createApp>): RequestListener {
  const chain = getRequestListener(app.fetch);
  // Each answer's headers as the flat [name, value, …] list writeHead takes without walking an object
  // (an areas answer has 17, most of them the security headers; a tile 7: computed once per shared answer record).
  const flat = new WeakMap<object, string[]>();
  return (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const fast = app.areasFast(req.method ?? 'GET', q < 0 ? url : url.slice(0, q), url, (name) => req.headers[name] as string | undefined);
    if (!fast) return void chain(req, res);
    let headers = flat.get(fast.headers);
    if (!headers) flat.set(fast.headers, (headers = Object.entries(fast.headers).flat()));
    // With its length (see http/bytesAnswer.ts), as a flat list: the shared header list stays as it is.
    res.writeHead(fast.status, fast.body ? [...headers, 'Content-Length', String(fast.body.byteLength)] : headers);
    res.end(fast.body);
  };
}
