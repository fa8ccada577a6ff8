// The OData client against a local server: pages joined, and every failure one Dutch ODataError.
import { afterEach, describe, expect, it } from 'vitest';
import { closedAddress, startODataServer, maastrichtJanuary2026, type ODataServer } from '../../../tests/support/odataServer.ts';
import { fetchAllRows, ODataError, typedDataSetUrl } from './odata.ts';

let server: ODataServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const FILTER = "Perioden eq '2026MM01' and (startswith(WijkenEnBuurten,'BU0935'))";

async function failure(p: Promise<unknown>): Promise<ODataError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ODataError);
  return e as ODataError;
}

describe('fetchAllRows', () => {
  it('follows odata.nextLink and joins the pages in order', async () => {
    server = await startODataServer(maastrichtJanuary2026);
    const rows = await fetchAllRows('47022NED', typedDataSetUrl(server.base, '47022NED', FILTER), { timeoutMs: 5000 });
    expect(rows).toHaveLength(11);
    expect(rows[0]).toMatchObject({ ID: 5012340, WijkenEnBuurten: 'GM0935    ' });
    expect(rows[5]).toMatchObject({ ID: 5012345 });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]).toBe(`/47022NED/TypedDataSet?$filter=${FILTER}&$format=json`);
    expect(server.requests[1]).toMatch(/\$skiptoken=5012344/);
  });

  it('builds the URL with %20 for spaces and without a doubled slash', () => {
    expect(typedDataSetUrl('https://example.test/odata/', '47022NED', "Perioden eq '2026MM01'")).toBe(
      "https://example.test/odata/47022NED/TypedDataSet?$filter=Perioden%20eq%20'2026MM01'&$format=json",
    );
  });

  it('an unreachable server: names the table, the address and the reason', async () => {
    const base = await closedAddress();
    const url = typedDataSetUrl(base, '47022NED', FILTER);
    const e = await failure(fetchAllRows('47022NED', url, { timeoutMs: 5000 }));
    expect(e.message).toContain('tabel 47022NED');
    expect(e.message).toContain(`${base}/47022NED/TypedDataSet`);
    expect(e.reason).toMatch(/niet bereikbaar \(ECONNREFUSED\)/);
  });

  it('port 1, which fetch refuses before connecting', async () => {
    expect((await failure(fetchAllRows('47022NED', 'http://127.0.0.1:1/x', { timeoutMs: 5000 }))).reason).toMatch(/bad port/);
  });

  it('an HTTP error: the status and the start of what CBS said', async () => {
    server = await startODataServer(() => ({ status: 500, body: { 'odata.error': { message: { value: 'query returns more than 10000 records' } } } }));
    const e = await failure(fetchAllRows('47018NED', typedDataSetUrl(server.base, '47018NED', FILTER), { timeoutMs: 5000 }));
    expect(e.reason).toMatch(/HTTP 500 Internal Server Error .*more than 10000 records/);
  });

  it('an answer that is not JSON, or not an OData table', async () => {
    server = await startODataServer((url) => (url.pathname.startsWith('/html') ? { body: '<html>Onderhoud</html>' } : { body: { rows: [] } }));
    expect((await failure(fetchAllRows('47022NED', `${server.base}/html`, { timeoutMs: 5000 }))).reason).toMatch(/geen JSON \(begint met "<html>Onderhoud/);
    expect((await failure(fetchAllRows('47022NED', `${server.base}/other`, { timeoutMs: 5000 }))).reason).toMatch(/niet de vorm van een OData-tabel/);
  });

  it('a rows value of the wrong type is refused, not passed on', async () => {
    server = await startODataServer(() => ({ body: { value: [{ ID: 1, Nested: { a: 1 } }] } }));
    expect((await failure(fetchAllRows('47022NED', `${server.base}/x`, { timeoutMs: 5000 }))).reason).toMatch(/OData-tabel/);
  });

  it('a server that does not answer: stops after the timeout', async () => {
    server = await startODataServer(() => 'hang');
    const started = Date.now();
    const e = await failure(fetchAllRows('47024NED', `${server.base}/47024NED/TypedDataSet`, { timeoutMs: 300 }));
    expect(e.reason).toBe('geen antwoord binnen 0.3 s');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a nextLink that points back to itself is stopped', async () => {
    server = await startODataServer((url, base) => ({ body: { value: [], 'odata.nextLink': `${base}${url.pathname}` } }));
    expect((await failure(fetchAllRows('47022NED', `${server.base}/loop`, { timeoutMs: 5000 }))).reason).toMatch(/dezelfde pagina/);
  });
});
