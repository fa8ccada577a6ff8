// Unit and API tests: fast, no browser, no server process (API tests use app.request()).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'server/**/*.test.ts',
      'client/**/*.test.{ts,tsx}',
      'geodata/**/*.test.ts',
      'tests/api/**/*.test.ts',
      'tests/store/**/*.test.ts',
      'tests/robustness/**/*.test.ts',
    ],
    environment: 'node',
    globalSetup: ['tests/support/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
