// Baseline for the `areas` figure: bare node:http serving the same precomputed TopoJSON bytes with the
// same caching headers as /api/areas, nothing else. Started as a child process by bench/run.ts.
// Usage: tsx bench/rawServer.ts <areas.topojson path>  (prints "listening <port>")
import fs from 'node:fs';
import http from 'node:http';
import { createHash } from 'node:crypto';

const base = process.argv[2];
const raw = fs.readFileSync(base);
const br = fs.readFileSync(`${base}.br`);
const gz = fs.readFileSync(`${base}.gz`);
const etag = `"${createHash('sha1').update(raw).digest('base64url').slice(0, 20)}"`;

const server = http.createServer((req, res) => {
  const accept = String(req.headers['accept-encoding'] ?? '');
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': 'public, max-age=0, must-revalidate',
    Vary: 'Accept-Encoding',
    'Content-Type': 'application/json; charset=utf-8',
  };
  const [body, enc] = /\bbr\b/.test(accept) ? [br, 'br'] : /\bgzip\b/.test(accept) ? [gz, 'gzip'] : [raw, null];
  if (enc) headers['Content-Encoding'] = enc;
  headers['Content-Length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  console.log(`listening ${typeof addr === 'object' && addr ? addr.port : 0}`);
});
