// HTTP load against loopback only: `wrk` when it is installed (C, so the generator is never the
// bottleneck on a 2-core machine), else a bounded node:http keep-alive generator. The report says which.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  requests: number;
}

export interface LoadOptions {
  /** Base URL on 127.0.0.1. */
  base: string;
  paths: string[];
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}

export function generatorName(): string {
  return hasWrk() ? 'wrk' : 'node:http';
}

let wrk: boolean | null = null;
function hasWrk(): boolean {
  if (wrk === null) {
    try {
      execFileSync('wrk', ['--version'], { stdio: 'ignore' });
      wrk = true;
    } catch (e) {
      // wrk --version exits 1 but exists; ENOENT means missing.
      wrk = (e as NodeJS.ErrnoException).code !== 'ENOENT';
    }
  }
  return wrk;
}

export async function load(opts: LoadOptions): Promise<LoadResult> {
  const u = new URL(opts.base);
  if (u.hostname !== '127.0.0.1' && u.hostname !== 'localhost') throw new Error('the load generator only targets loopback');
  return hasWrk() ? loadWrk(opts) : loadNode(opts);
}

async function loadWrk(opts: LoadOptions): Promise<LoadResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-wrk-'));
  const script = path.join(dir, 'paths.lua');
  const hdrs = Object.entries(opts.headers ?? {}).map(([k, v]) => `[${JSON.stringify(k)}]=${JSON.stringify(v)}`).join(', ');
  fs.writeFileSync(
    script,
    `local paths = { ${opts.paths.map((p) => JSON.stringify(p)).join(', ')} }
local headers = { ${hdrs} }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], headers)
end
`,
  );
  const out = await new Promise<string>((resolve, reject) => {
    const p = spawn('wrk', ['-t1', `-c${opts.connections}`, `-d${opts.seconds}s`, '--latency', '--timeout', '10s', '-s', script, opts.base]);
    let s = '';
    p.stdout.on('data', (d) => (s += d));
    p.stderr.on('data', (d) => (s += d));
    p.on('error', reject);
    p.on('close', () => resolve(s));
  });
  fs.rmSync(dir, { recursive: true, force: true });
  const ms = (v: string, unit: string) => Number(v) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);
  const pct = (p: number) => {
    const m = new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    return m ? ms(m[1], m[2]) : NaN;
  };
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const errors = non2xx + (socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
  if (!Number.isFinite(rps)) throw new Error(`wrk output not understood:\n${out}`);
  return { rps, p50Ms: pct(50), p99Ms: pct(99), errors, requests };
}

/** `connections` keep-alive sockets, each sending its next request when the previous answer is read. */
async function loadNode(opts: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const u = new URL(opts.base);
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const end = performance.now() + opts.seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.get({ host: u.hostname, port: u.port, path: opts.paths[i++ % opts.paths.length], agent, headers: opts.headers }, (res) => {
        res.on('data', () => {});
        res.on('end', () => {
          if ((res.statusCode ?? 0) >= 400) errors++;
          latencies.push(performance.now() - t0);
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
    });
  const t0 = performance.now();
  await Promise.all(Array.from({ length: opts.connections }, async () => {
    while (performance.now() < end) await one();
  }));
  const secs = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { rps: latencies.length / secs, p50Ms: q(0.5), p99Ms: q(0.99), errors, requests: latencies.length };
}
