// Baseline for the `tiles` figure: bare node:http serving the same tile bytes (fetched once from the app,
// gzip) with the same caching headers, nothing else. Started as a child process by bench/run.ts.
// Usage: tsx bench/rawTileServer.ts <app base URL> <comma-separated tile paths>  (prints "listening <port>")
import http from 'node:http';

const [appUrl, list] = process.argv.slice(2);
const tiles = new Map<string, { body: Buffer; headers: Record<string, string> }>();

function fetchTile(p: string): Promise<void> {
  return new Promise((resolve, reject) => {
    http.get(`${appUrl}${p}`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`${p}: HTTP ${res.statusCode}`));
        const headers: Record<string, string> = {};
        for (const k of ['etag', 'cache-control', 'vary', 'content-type', 'content-encoding']) if (res.headers[k]) headers[k] = String(res.headers[k]);
        tiles.set(p, { body: Buffer.concat(parts), headers });
        resolve();
      });
    }).on('error', reject);
  });
}

for (const p of list.split(',')) await fetchTile(p);

const server = http.createServer((req, res) => {
  const t = tiles.get(req.url ?? '');
  if (!t) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { ...t.headers, 'Content-Length': String(t.body.length) });
  res.end(t.body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  console.log(`listening ${typeof addr === 'object' && addr ? addr.port : 0}`);
});
