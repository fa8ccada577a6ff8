// PostgreSQL in the tests: TEST_DATABASE_URL names a server (.ci/run starts one; without it the PostgreSQL tests
// skip and say so). Each test works in throwaway schemas of its own and drops them when done.
import { endClient, loadPgNative } from '../../server/src/store/postgresClient.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

let made = 0;
/** A schema name no other test or run uses: `bvk_<purpose>_<pid>_<time>_<n>`. */
export function throwawaySchema(purpose: string): string {
  return `bvk_${purpose}_${process.pid}_${Date.now().toString(36)}_${made++}`;
}

/** Runs statements on a connection of their own, without the notices of IF EXISTS. */
export function runSql(url: string, ...statements: string[]): void {
  const c = new (loadPgNative())();
  c.connectSync(url);
  try {
    c.querySync('SET client_min_messages TO warning');
    for (const s of statements) c.querySync(s);
  } finally {
    endClient(c);
  }
}

export function dropSchema(url: string, schema: string): void {
  runSql(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}
