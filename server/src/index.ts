// Starts the server: opens and seeds the store (compose.ts), builds the cubes it needs first,
// and serves app and API from node:http (nodeListener: the /api/areas fast path, then Hono).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.ts';
import { createApp, nodeListener } from './app.ts';
import { PdfRenderer } from './reports/pdf.ts';
import { openDataset, ROOT } from './compose.ts';
import { loadDisclosureKey } from './store/disclosureKey.ts';
import { sweepStaleUploads } from './routes/imports.ts';
import { startCbsSchedule } from './cbs/schedule.ts';

/** How long requests in flight may take to finish once the server is asked to stop. */
const SHUTDOWN_GRACE_MS = 2000;

export async function startServer(overrides: Partial<Record<string, string>> = {}, log: (m: string) => void = console.log) {
  const config = loadConfig({ ...process.env, ...overrides });
  const dataset = openDataset(config, log);
  // Uploads a killed server left in the temporary folder (their request never finished).
  const swept = sweepStaleUploads();
  if (swept.length) log(`removed ${swept.length} unfinished upload(s) of an earlier run`);
  // Reports are printed by one Chromium, started on the first PDF request and closed with the server.
  const pdfRenderer = new PdfRenderer();
  const app = createApp({
    pdfRenderer,
    dataset,
    lowPopulationThreshold: config.LOW_POPULATION_THRESHOLD,
    basemap: config.BASEMAP,
    defaultGemeente: config.DEFAULT_GEMEENTE,
    clientDir: path.join(ROOT, 'dist/client'),
    suppressionThreshold: config.SUPPRESSION_THRESHOLD,
    disclosureKey: loadDisclosureKey(config.DISCLOSURE_KEY, config.dataDir),
    trustProxy: config.TRUST_PROXY,
    maxUploadBytes: config.MAX_UPLOAD_MB * 1024 * 1024,
    database: config.DATABASE_URL ? 'postgres' : 'sqlite',
    keptUploadsDir: path.join(config.dataDir, 'uploads'),
    cbsUpdate: { policeBaseUrl: config.CBS_POLICE_ODATA_URL, baseUrl: config.CBS_ODATA_URL, timeoutMs: config.CBS_ODATA_TIMEOUT_S * 1000, schedule: config.CBS_UPDATE_SCHEDULE },
  });
  // The monthly update from CBS, when asked for: a daily check in the background (cbs/schedule.ts).
  const schedule = config.CBS_UPDATE_SCHEDULE === 'maandelijks' ? startCbsSchedule(app.cbsUpdater, { log }) : null;
  if (schedule) log('cbs-update: the newest figures are fetched from CBS monthly (checked daily)');
  // Build the default gemeente's cube now, so the first visitor does not wait for it.
  dataset.cube(config.DEFAULT_GEMEENTE);
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    const server = http.createServer(nodeListener(app));
    server.listen(config.PORT, config.HOST, () => {
      const info = server.address() as AddressInfo;
      const url = `http://${config.HOST}:${info.port}`;
      log(`Buurtveiligheidskaart: ${url}  (data: ${config.geodataDir})`);
      // The national view needs every gemeente's cube: read them from DATA_DIR/cubes (or build them the
      // first time) in the background, one gemeente per event-loop turn, after the server listens.
      void dataset.warmAll(log).catch((e: Error) => console.error(`cubes: ${e.message}`));
      resolve({
        url,
        close: () => new Promise<void>((r) => {
          // Stop accepting, let requests in flight finish for a moment, then cut what is left (keep-alive
          // sockets, a slow upload) so shutting down never waits on a client.
          const scheduleStopped = schedule?.stop();
          server.close(() => { dataset.stopWarming(); void Promise.all([pdfRenderer.close(), scheduleStopped]).then(() => { dataset.store.close(); r(); }); });
          server.closeIdleConnections();
          setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
        }),
      });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Everything the server writes (store, cubes, uploads) is readable by its own user only.
  process.umask(0o077);
  startServer().then((server) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      // A second signal while stopping means: now.
      if (stopping) process.exit(1);
      stopping = true;
      console.log(`${signal}: stopping`);
      setTimeout(() => { console.error('stopping took too long; exiting'); process.exit(1); }, 3 * SHUTDOWN_GRACE_MS).unref();
      server.close().then(() => process.exit(0), (e: Error) => { console.error(e.message); process.exit(1); });
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  }, (e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
}
