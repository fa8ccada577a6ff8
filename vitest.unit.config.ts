// Unit tests only: pure code under server/src (domain, importers, http helpers, layering), the client's
// logic, the geodata build and the build scripts. No derived geodata, no app: well under a minute on two cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'client/**/*.test.{ts,tsx}', 'geodata/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
