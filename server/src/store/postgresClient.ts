// The PostgreSQL driver (pg-native, synchronous libpq) as the stores use it: loaded on demand, closed safely.
import { createRequire } from 'node:module';

/** The part of pg-native's Client this store uses (pg-native ships no types). */
export interface PgClient {
  connectSync(url: string): void;
  querySync(sql: string, params?: unknown[]): Record<string, unknown>[];
  end(cb?: () => void): void;
}

/** pg-native is an optional dependency: loaded only when DATABASE_URL asks for PostgreSQL. */
export function loadPgNative(): new () => PgClient {
  try {
    return createRequire(import.meta.url)('pg-native') as new () => PgClient;
  } catch (e) {
    throw new Error(`DATABASE_URL is set, but the PostgreSQL driver 'pg-native' cannot be loaded (${(e as Error).message.split('\n')[0]}). ` +
      'Install libpq-dev (Debian: apt-get install libpq-dev) before npm ci, or unset DATABASE_URL to use the embedded store.');
  }
}

/**
 * Closes a pg-native client safely. libpq's finish() starts closing its libuv poll handle but drops
 * the native object's last reference at once; if the garbage collector frees it before the event
 * loop completes the close, node aborts (uv__finish_close assertion). Holding the client until the
 * loop has moved on avoids that.
 */
const closing = new Set<PgClient>();
export function endClient(client: PgClient): void {
  client.end();
  closing.add(client);
  setTimeout(() => closing.delete(client), 100).unref();
}
