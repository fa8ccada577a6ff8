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

export async function startServer(overrides: Partial<Record<string, string>> = {}, log: (m: string) => void = console.log) {
  const config = loadConfig({ ...process.env, ...overrides });
  const dataset = openDataset(config, log);
  // Reports are printed by one Chromium, started on the first PDF request and closed with the server.
  const pdfRenderer = new PdfRenderer();
  const app = createApp({
    pdfRenderer,
    dataset,
    lowPopulationThreshold: config.LOW_POPULATION_THRESHOLD,
    basemapStyleUrl: config.BASEMAP_STYLE_URL,
    defaultGemeente: config.DEFAULT_GEMEENTE,
    clientDir: path.join(ROOT, 'dist/client'),
    suppressionThreshold: config.SUPPRESSION_THRESHOLD,
    trustProxy: config.TRUST_PROXY,
    maxUploadBytes: config.MAX_UPLOAD_MB * 1024 * 1024,
  });
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
        close: () => new Promise<void>((r) => server.close(() => { dataset.stopWarming(); dataset.store.close(); void pdfRenderer.close().then(r); })),
      });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  startServer().catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
}
