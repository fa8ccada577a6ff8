// Vitest globalSetup for the browser tests: builds the client once per run (dist/client, served by the server).
import path from 'node:path';
import { build } from 'vite';
import { ROOT } from './support.ts';

export async function setup(): Promise<void> {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build (StrictMode double effects).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
