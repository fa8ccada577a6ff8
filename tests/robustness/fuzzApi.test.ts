// Seeded fuzzing of every API endpoint's parameters and JSON bodies through app.request: never a
// 5xx, a 4xx is always JSON { error }, and no response ever carries a stack trace or a server path.
// A failure prints the exact request, so it can be replayed by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { SqliteUserStore } from '../../server/src/store/sqliteUsers.ts';
import { LoginThrottle } from '../../server/src/http/loginThrottle.ts';
import { ROOT } from '../../server/src/compose.ts';
import { makeTestApp } from '../support/testApp.ts';

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PW = 'correct horse battery';
const ROLES = ['ana', 'beheer', 'agent', 'scherm'] as const;

/** Every GET endpoint with parameters that make a valid request; the fuzzer starts from these. */
const GETS: { path: string; params: Record<string, string> }[] = [
  { path: '/api/health', params: {} },
  { path: '/api/config', params: {} },
  { path: '/api/gemeenten', params: {} },
  { path: '/api/categories', params: {} },
  { path: '/api/auth/me', params: {} },
  { path: '/api/audit', params: { limit: '20' } },
  { path: '/api/areas', params: { gemeente: 'GM0935' } },
  { path: '/api/stats', params: { gemeente: 'GM0935', level: 'buurt', category: 'HIC', from: '2024-01', to: '2024-12', area: '1' } },
  { path: '/api/series', params: { gemeente: 'GM0935', code: 'BU09350000', category: '1.1.1', from: '2023-01', to: '2024-12' } },
  { path: '/api/neighbours', params: { gemeente: 'GM0935', level: 'wijk' } },
  { path: '/api/hotspots', params: { gemeente: 'GM0935', level: 'buurt', category: '0.0.0', from: '2024-01', to: '2024-12', method: 'gistar', measure: 'count', alpha: '0.05' } },
  { path: '/api/ranking', params: { gemeente: 'GM0935', level: 'buurt', category: '0.0.0', from: '2024-01', to: '2024-12', weights: 'smoothedRate:2,change:1,hotspot:1,hicShare:1' } },
  { path: '/api/export', params: { format: 'csv', gemeente: 'GM0935', level: 'wijk', category: '0.0.0', from: '2024-01', to: '2024-12', codes: 'WK093500,WK093501' } },
  { path: '/api/selections', params: { gemeente: 'GM0935' } },
  { path: '/api/selections/1', params: {} },
  { path: '/api/attention-areas', params: { gemeente: 'GM0935' } },
  { path: '/api/attention-areas/1', params: {} },
  { path: '/api/survey/indicators', params: {} },
  { path: '/api/survey', params: { gemeente: 'GM0935', level: 'wijk', indicator: 'onveilig_buurt_pct', year: '2014' } },
  { path: '/api/targets', params: { gemeente: 'GM0935' } },
  { path: '/api/benchmark', params: { gemeente: 'GM0935', year: '2024', group: 'G32' } },
  { path: '/api/context', params: { gemeente: 'GM0935', level: 'wijk' } },
  { path: '/api/incidents', params: { gemeente: 'GM0935', wijk: 'WK093502', category: '0.0.0', from: '2024-01', to: '2024-12' } },
  { path: '/api/density', params: { gemeente: 'GM0935', category: '0.0.0', from: '2024-01', to: '2024-12' } },
  { path: '/api/mijn-wijk', params: { wijk: 'WK093502', month: '2024-06' } },
  { path: '/api/streets', params: { gemeente: 'GM0935', code: 'BU09350000', category: '0.0.0', from: '2024-01', to: '2024-12' } },
  { path: '/api/presentations', params: { gemeente: 'GM0935' } },
  { path: '/api/presentations/1', params: {} },
  // PDF rendering needs Chromium: the fuzzer keeps these on format=html (see mutate()).
  { path: '/api/reports/monthly', params: { gemeente: 'GM0935', month: '2024-06', format: 'html' } },
  { path: '/api/reports/quarterly', params: { gemeente: 'GM0935', quarter: '2024-Q2', format: 'html' } },
];

const LONG = 'A'.repeat(100_000);
const NASTY = [
  '', ' ', '  GM0935  ', 'gm0935', 'GM0000', 'GM9999', 'NL', 'GM', 'BU00000000', 'WK000000', 'BU0935ZZZZ', 'WK0935ZZ',
  '2024-00', '9999-99', '0000-01', '2024-13', '2024-1', '2024-01-01', '-2024-01', '2025-12', '1900-01', '9999-12', '2024-Q0', '2024-Q5', '0000-Q1',
  'NaN', 'Infinity', '-Infinity', '1e308', '-1e308', '1e-400', '99999999999999999999', '-1', '0', '-0', '0.5', '1.0000000001', '0x10', '1_000',
  '../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '/etc/passwd', 'C:\\Windows\\win.ini', '\u0000', '%00', '\u202e\u0645\u0631\u062d\u0628\u0627', 'ĳ€ 🚲 \ud83d', 'ＧＭ０９３５',
  "' OR 1=1 --", '"; DROP TABLE monthly; --', '1; SELECT pg_sleep(10)', '<script>alert(1)</script>', '${jndi:ldap://x}', '{{7*7}}', '__proto__', 'constructor',
  'true', 'null', 'undefined', '[]', '{}', '[object Object]', 'smoothedRate:NaN', 'smoothedRate:1e308', 'x:1,,', ':', ',,,', 'change:-1', 'hotspot:Infinity',
  'gistar', 'lisa', 'count', 'buurt', 'wijk', 'gemeente', 'csv', 'geojson', 'html', 'HIC', '0.0.0', 'G1.1', '1.1.1', 'reference', 'G32', 'G40',
  LONG, 'WK093500,'.repeat(3000), '2024-01'.repeat(1000),
];
const PARAM_NAMES = ['gemeente', 'level', 'category', 'from', 'to', 'code', 'codes', 'area', 'method', 'measure', 'alpha', 'weights', 'format', 'indicator', 'year', 'group', 'wijk', 'month', 'quarter', 'limit', 'id', '__proto__', 'constructor', '', 'x'.repeat(5000)];

function randomString(rnd: () => number): string {
  const n = Math.floor(rnd() * 40);
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = rnd();
    s += r < 0.6 ? String.fromCharCode(32 + Math.floor(rnd() * 95)) : r < 0.9 ? String.fromCharCode(Math.floor(rnd() * 0x3000)) : String.fromCodePoint(0x1f300 + Math.floor(rnd() * 500));
  }
  return s;
}

/** A mutated query: pairs (so a parameter may repeat), 1-3 mutations of a valid one. */
function mutate(params: Record<string, string>, rnd: () => number): [string, string][] {
  const pairs: [string, string][] = Object.entries(params);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const value = () => (rnd() < 0.75 ? pick(NASTY) : randomString(rnd));
  const n = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < n; k++) {
    const op = rnd();
    if (op < 0.45 && pairs.length) pick(pairs)[1] = value(); // replace a value
    else if (op < 0.6 && pairs.length) pairs.splice(Math.floor(rnd() * pairs.length), 1); // drop one
    else if (op < 0.75 && pairs.length) { const p = pick(pairs); pairs.push([p[0], value()]); } // repeat one
    else if (op < 0.9) pairs.push([pick(PARAM_NAMES), value()]); // add one
    else pairs.push([randomString(rnd), value()]); // a random name
  }
  return pairs;
}

function query(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '\ufffd'))}`).join('&');
}

const STACK = [/^\s*at\s+\S.*:\d+:\d+\)?\s*$/m, /node_modules/, /\.ts:\d+/, /\b(TypeError|RangeError|ReferenceError|SyntaxError|SqliteError)\b/, new RegExp(ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))];

let t: ReturnType<typeof makeTestApp>;
const cookies: Record<string, string> = {};
const failures: string[] = [];
let ids: { selection: number; area: number } = { selection: 1, area: 1 };

/** What is wrong with one response (empty = nothing). */
function judge(what: string, status: number, type: string, text: string): string[] {
  const out: string[] = [];
  if (status >= 500) out.push(`${what}: ${status} ${text.slice(0, 200)}`);
  if (status >= 400) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!type.includes('application/json') || typeof (body as { error?: unknown })?.error !== 'string') out.push(`${what}: ${status} is not JSON { error }: ${type} ${text.slice(0, 200)}`);
  }
  for (const re of STACK) if (re.test(text)) out.push(`${what}: ${status} body matches ${re}: ${text.slice(0, 300)}`);
  return out;
}

/** Sends one request and records (rather than throws) anything that breaks the rules. */
async function probe(method: string, url: string, init: RequestInit = {}): Promise<number> {
  const what = `${method} ${url.length > 300 ? url.slice(0, 300) + '…' : url}${init.body !== undefined ? ` body=${JSON.stringify(String(init.body).slice(0, 200))}` : ''}`;
  let res: Response;
  try {
    res = await Promise.race([
      t.app.request(url, { method, ...init }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer in 20 s')), 20_000)),
    ]);
  } catch (e) {
    failures.push(`${what}: threw ${(e as Error).message}`);
    return 0;
  }
  const text = await res.text();
  failures.push(...judge(what, res.status, res.headers.get('Content-Type') ?? '', text));
  return res.status;
}

beforeAll(async () => {
  t = makeTestApp(':memory:', { loginThrottle: new LoginThrottle({ windowMs: 1000, freeAttempts: 1000, maxAttempts: 100_000, baseDelayMs: 0, maxDelayMs: 0, addressFactor: 1 }) });
  const users = new SqliteUserStore(t.store.db);
  users.add('ana', PW, 'analist', []);
  users.add('beheer', PW, 'beheerder', []);
  users.add('agent', PW, 'wijkagent', ['WK093502']);
  users.add('scherm', PW, 'presentatie', []);
  for (const u of ROLES) {
    const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: u, password: PW }) });
    cookies[u] = (res.headers.get('Set-Cookie') ?? '').split(';')[0];
  }
  // Something to find under /:id.
  const json = { 'Content-Type': 'application/json', Cookie: cookies.ana };
  const sel = await t.app.request('/api/selections', { method: 'POST', headers: json, body: JSON.stringify({ name: 'fuzz', gemeente: 'GM0935', codes: ['BU09350000'] }) });
  const area = await t.app.request('/api/attention-areas', { method: 'POST', headers: json, body: JSON.stringify({ name: 'fuzz', gemeente: 'GM0935', codes: ['BU09350000'] }) });
  ids = { selection: ((await sel.json()) as { id: number }).id, area: ((await area.json()) as { id: number }).id };
});

describe('fuzz: API parameters', () => {
  it('the judge itself catches a 5xx, a non-JSON error, and a stack trace', () => {
    const json = 'application/json';
    expect(judge('x', 500, json, '{"error":"internal error"}')).toHaveLength(1);
    expect(judge('x', 400, 'text/plain', 'Bad Request')).toHaveLength(1);
    expect(judge('x', 404, json, '{"message":"no"}')).toHaveLength(1);
    expect(judge('x', 200, json, `{"e":"TypeError: x\\n    at f (${ROOT}/server/src/routes/stats.ts:10:5)"}`).length).toBeGreaterThan(0);
    expect(judge('x', 200, 'text/html', 'Error\n    at Object.<anonymous> (/srv/app.js:1:1)\n')).toHaveLength(1);
    expect(judge('x', 400, json, '{"error":"from: expected a month as YYYY-MM, e.g. 2024-01","parameter":"from"}')).toEqual([]);
  });

  it('the valid base requests answer 2xx (so the mutations start from working requests)', async () => {
    for (const e of GETS) {
      const status = await probe('GET', `${e.path}?${query(Object.entries(e.params))}`, { headers: { Cookie: cookies.ana } });
      expect([200, 403, 404], e.path).toContain(status); // 403/404: role- or id-dependent endpoints
    }
    expect(failures).toEqual([]);
  });

  it('3,000 seeded mutations of query parameters over every GET endpoint and role', async () => {
    const rnd = mulberry32(7022);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 3000; i++) {
      const e = GETS[i % GETS.length];
      const pairs = mutate(e.params, rnd);
      // Reports as PDF need Chromium: never ask for one (any other format value is fair game).
      if (e.path.startsWith('/api/reports/')) {
        for (const p of pairs) if (p[0] === 'format' && p[1].trim().toLowerCase() === 'pdf') p[1] = 'html';
        if (!pairs.some(([k]) => k === 'format')) pairs.push(['format', 'html']);
      }
      const role = ROLES[Math.floor(rnd() * ROLES.length)];
      const s = await probe('GET', `${e.path}?${query(pairs)}`, { headers: { Cookie: cookies[role] } });
      statuses.set(s, (statuses.get(s) ?? 0) + 1);
    }
    if (process.env.FUZZ_VERBOSE) console.log(Object.fromEntries(statuses));
    expect(failures.slice(0, 20)).toEqual([]);
    // Both outcomes are exercised: valid answers and refusals.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(500);
  }, 600_000);

  it('path ids: garbage, huge, negative, traversal', async () => {
    const rnd = mulberry32(42);
    const idValues = ['0', '-1', '1.5', '1e3', 'NaN', 'Infinity', '99999999999999999999', '9007199254740993', '%2e%2e%2f', '..', 'abc', '%00', '١٢٣', LONG.slice(0, 5000), String(ids.selection), String(ids.area)];
    for (let i = 0; i < 300; i++) {
      const base = ['/api/selections/', '/api/attention-areas/', '/api/presentations/'][i % 3];
      const id = rnd() < 0.7 ? idValues[Math.floor(rnd() * idValues.length)] : encodeURIComponent(randomString(rnd));
      await probe(rnd() < 0.8 ? 'GET' : 'DELETE', `${base}${id}`, { headers: { Cookie: cookies[ROLES[i % 2]] } });
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });
});

/** Malformed and hostile JSON bodies for the POST endpoints. */
function badBodies(rnd: () => number, valid: Record<string, unknown>): string[] {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const bodies = [
    '', ' ', '{', '}', '[', '[]', 'null', 'true', '0', '"x"', '{"name":', '{"name": "x",}', "{'name': 'x'}", '{"name": NaN}', '{"name": Infinity}',
    '\u0000', '\ufeff{}', '{"__proto__": {"polluted": 1}}', '{"constructor": {"prototype": {"polluted": 1}}}', deep(50_000), `{"a":${deep(5000)}}`,
    JSON.stringify({ ...valid, name: LONG }), JSON.stringify({ ...valid, codes: 'BU09350000' }), JSON.stringify({ ...valid, codes: [1, 2, null] }),
    JSON.stringify({ ...valid, codes: Array(10_000).fill('BU09350000') }), JSON.stringify({ ...valid, gemeente: 'GM9999' }), JSON.stringify({ ...valid, gemeente: null }),
    JSON.stringify({ ...valid, geometry: { type: 'Polygon', coordinates: [[[1e308, 1e308], [0, 0], [1, 1]]] } }),
    JSON.stringify({ ...valid, geometry: { type: 'Polygon', coordinates: [[[5.69, 50.85], [5.7, 50.85]]] } }),
    JSON.stringify({ ...valid, geometry: { type: 'MultiPolygon', coordinates: 'x' } }),
    JSON.stringify({ ...valid, geometry: { type: 'Polygon', coordinates: [[[176000, 318000], [177000, 318000], [177000, 319000], [176000, 318000]]] }, codes: undefined }),
    JSON.stringify({ ...valid, criteria: { a: { b: { c: LONG } } } }), JSON.stringify({ username: 'ana', password: LONG }), JSON.stringify({ username: ['ana'], password: PW }),
    JSON.stringify({ username: 'ana\u0000', password: PW }), JSON.stringify({ username: "' OR 1=1 --", password: "' OR 1=1 --" }),
  ];
  for (let i = 0; i < 150; i++) {
    const s = JSON.stringify(valid);
    const r = rnd();
    if (r < 0.3) bodies.push(s.slice(0, Math.floor(rnd() * s.length))); // truncated
    else if (r < 0.6) {
      const p = Math.floor(rnd() * s.length);
      bodies.push(s.slice(0, p) + randomString(rnd) + s.slice(p)); // noise inside
    } else if (r < 0.8) {
      const keys = Object.keys(valid);
      bodies.push(JSON.stringify({ ...valid, [keys[Math.floor(rnd() * keys.length)]]: [NASTY[Math.floor(rnd() * NASTY.length)], 1e308, -1, null, {}, [], true][Math.floor(rnd() * 7)] }));
    } else bodies.push(Buffer.from(Array.from({ length: Math.floor(rnd() * 300) }, () => Math.floor(rnd() * 256))).toString('latin1'));
  }
  return bodies;
}

describe('fuzz: JSON bodies', () => {
  const targets: { path: string; valid: Record<string, unknown> }[] = [
    { path: '/api/selections', valid: { name: 'Mijn selectie', note: 'x', gemeente: 'GM0935', codes: ['BU09350000', 'WK093501'], criteria: { category: 'HIC' } } },
    { path: '/api/attention-areas', valid: { name: 'Gebied', gemeente: 'GM0935', codes: ['BU09350000'] } },
    { path: '/api/presentations', valid: { name: 'Presentatie', gemeente: 'GM0935', slides: [] } },
    { path: '/api/auth/login', valid: { username: 'ana', password: 'wrong password' } },
  ];
  it.each(targets)('POST $path with malformed and hostile bodies', async ({ path, valid }) => {
    const rnd = mulberry32(path.length * 131);
    const types = ['application/json', 'application/json; charset=latin1', 'text/plain', '', 'multipart/form-data; boundary=x'];
    for (const [i, body] of badBodies(rnd, valid).entries()) {
      const headers: Record<string, string> = { Cookie: cookies[i % 3 === 0 ? 'beheer' : 'ana'] };
      const type = types[i % types.length];
      if (type) headers['Content-Type'] = type;
      await probe('POST', path, { headers, body });
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 300_000);
});
