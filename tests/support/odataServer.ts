// A local stand-in for a CBS OData v3 service (node:http on a random port), so the update is tested
// without the internet. `answer` decides per request; every request URL is recorded.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import type { makeTestApp } from './testApp.ts';

export interface ODataAnswer {
  status?: number;
  /** A string is sent as is (to test broken answers); anything else as JSON. */
  body: unknown;
}

export interface ODataServer {
  base: string;
  /** Path and query of every request, decoded. */
  requests: string[];
  close(): Promise<void>;
}

type Answerer = (url: URL, base: string) => ODataAnswer | 'hang';

export async function startODataServer(answer: Answerer): Promise<ODataServer> {
  const requests: string[] = [];
  const open = new Set<http.ServerResponse>();
  let base = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    requests.push(decodeURIComponent(url.pathname + url.search));
    const a = answer(url, base);
    if (a === 'hang') {
      open.add(res);
      return;
    }
    res.writeHead(a.status ?? 200, { 'Content-Type': 'application/json;odata=minimalmetadata' });
    res.end(typeof a.body === 'string' ? a.body : JSON.stringify(a.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A stand-in per test, for the test file that calls this at its top level: the function it returns starts one, and
 * it is closed after the test (also when the test failed halfway).
 */
export function odataPerTest(): (answer: Answerer) => Promise<ODataServer> {
  let server: ODataServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return async (answer) => (server = await startODataServer(answer));
}

/** The day the update tests run on: CBS has published January 2026, and the shared data ends in 2025-12. */
export const UPDATE_DAY = new Date('2026-02-10T09:00:00Z');

/** What an update that fails must leave as it was: the data's revision, the import history, Maastricht's months and inhabitants. */
export function updateState(t: ReturnType<typeof makeTestApp>) {
  return { revision: t.store.revision(), imports: t.store.listImports().length, months: t.store.monthlyCells('GM0935').length, population: JSON.stringify(t.store.population('GM0935')) };
}

const FIXTURES = path.join(import.meta.dirname, '../fixtures/cbs-odata');

/** A recorded-format page with the server's own address in its links. */
export function odataFixture(name: string, base: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8').replaceAll('{{BASE}}', base));
}

/**
 * The service of the fixtures: 47022NED for GM0935 in 2026-01 on two pages, every other query an
 * empty answer (a period CBS has not published yet); and Maastricht's inhabitants (85984NED) on two pages.
 */
export function maastrichtJanuary2026(url: URL, base: string): ODataAnswer {
  const filter = url.searchParams.get('$filter') ?? '';
  if (url.pathname === '/47022NED/TypedDataSet') {
    if (url.searchParams.has('$skiptoken')) return { body: odataFixture('47022NED-2026MM01-page2.json', base) };
    if (filter.includes("Perioden eq '2026MM01'") && filter.includes("startswith(WijkenEnBuurten,'BU0935')")) return { body: odataFixture('47022NED-2026MM01-page1.json', base) };
  }
  if (url.pathname === '/85984NED/TypedDataSet') {
    if (url.searchParams.has('$skiptoken')) return { body: odataFixture('85984NED-page2.json', base) };
    if (filter.includes("startswith(WijkenEnBuurten,'BU0935')")) return { body: odataFixture('85984NED-page1.json', base) };
  }
  return { body: { 'odata.metadata': `${base}${url.pathname}/$metadata`, value: [] } };
}

/** An address nothing listens on (a port that was just free): connecting is refused at once. */
export async function closedAddress(): Promise<string> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
