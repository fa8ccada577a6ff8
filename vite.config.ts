// Client build: root is client/, output to dist/client (served by the Hono server), /api proxied in dev.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.ts';
import { preloadFirstMap } from './scripts/preloadFirstMap.ts';

/** The first map's helpers that other views import too (see codeSplitting below). */
const FIRST_MAP_HELPERS =
  /node_modules[\\/](d3-[a-z-]+|internmap|simple-statistics|zod|hono[\\/]dist[\\/](client|utils[\\/]cookie))[\\/]|client[\\/]src[\\/](api[\\/](client|early)|lib[\\/](format|overlayStyles|classes|measures|level|changeText|unclassed)|app[\\/]urlState)\.ts$|server[\\/]src[\\/]domain[\\/](hotspotWords|percentBase)\.ts$/;

export default defineConfig({
  root: 'client',
  envDir: '..',
  plugins: [react(), preloadFirstMap(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // MapLibre's code changes rarely: its own chunk caches well across app releases. Its style sheet stays out: the
        // entry imports it, and must not import MapLibre's chunk to do so (main.tsx runs before MapLibre has arrived).
        // The first map's helpers that the page's views use too (the API client, the view in the URL, classes and number
        // format, d3-scale, zod) are one chunk, not one per set of importers (four, two of them of 1 to 6 KB): a first
        // visit then asks for eight files instead of eleven, over the six connections a browser opens to one server.
        // Its map code (app/countryFirst.ts, features/map/) keeps its own chunk: one chunk of both made it later.
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/].*\.m?js$/ },
            { name: 'shared', test: FIRST_MAP_HELPERS },
          ],
        },
      },
    },
  },
  server: {
    // BVK_API_TARGET lets a second server (other port) back the dev client.
    proxy: { '/api': process.env.BVK_API_TARGET ?? 'http://127.0.0.1:8787' },
  },
});
