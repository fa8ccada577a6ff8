// Client build: root is client/, output to dist/client (served by the Hono server), /api proxied in dev.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.ts';
import { preloadFirstMap } from './scripts/preloadFirstMap.ts';

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
        codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/].*\.m?js$/ }] },
      },
    },
  },
  server: {
    // BVK_API_TARGET lets a second server (other port) back the dev client.
    proxy: { '/api': process.env.BVK_API_TARGET ?? 'http://127.0.0.1:8787' },
  },
});
