// Session handling: resolves the cookie to a Principal for every /api request, and refuses data
// requests without a session (401). Before the first account exists the app runs in open mode.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { OPEN_PRINCIPAL, type Principal } from '../domain/roles.ts';
import { accountWriteCount, type UserStore } from '../store/users.ts';
import type { AppEnv } from './env.ts';
import { ApiError } from '../compute/errors.ts';

export const SESSION_COOKIE = 'bvk_session';

/** Paths that answer without a session. */
const PUBLIC = new Set(['/api/health', '/api/config', '/api/auth/login', '/api/auth/logout', '/api/auth/me']);

/** How long "are there accounts?" may be answered from memory. */
const ACCOUNTS_TTL_MS = 1000;

/**
 * users.count() is a query (a read transaction on the SQLite WAL, a round trip to PostgreSQL) that
 * every API request asked; under wrk on /api/areas it was ~9% of the server's CPU. The answer is
 * cached for at most ACCOUNTS_TTL_MS. Safe because:
 * - accounts added or removed in this process (by any UserStore instance: routes, tests) bump
 *   accountWriteCount(), which drops the cached answer before the next request;
 * - an account created by another process (`npm run user add` next to a running server) is seen
 *   within 1 s; during that second the server behaves exactly as it did the moment before the first
 *   account existed (open mode: aggregates only, which were public until then);
 * - the other way round (the last account removed elsewhere) errs on the closed side for ≤ 1 s;
 * - only the open/closed switch is cached: the session itself is still looked up on every request,
 *   so logout, expiry and password changes take effect immediately.
 */
function accountsExist(users: UserStore): () => boolean {
  let known: boolean | undefined;
  let until = 0;
  let writes = -1;
  return () => {
    const now = Date.now();
    if (known === undefined || now >= until || writes !== accountWriteCount()) {
      writes = accountWriteCount();
      known = users.count() > 0;
      until = now + ACCOUNTS_TTL_MS;
    }
    return known;
  };
}

/**
 * Who is asking, from the session cookie's value: OPEN_PRINCIPAL before the first account exists,
 * else the session's user, else null (not logged in). Shared by the session middleware and the
 * /api/areas fast path in app.ts, so both decide in exactly the same way.
 */
export function principalResolver(users: UserStore): (token: string | undefined) => Principal | null {
  const hasAccounts = accountsExist(users);
  return (token) => {
    if (!hasAccounts()) return OPEN_PRINCIPAL;
    const user = token ? users.sessionUser(token) : undefined;
    return user ? { username: user.username, role: user.role, wijken: user.wijken } : null;
  };
}

export function sessionMiddleware(resolve: (token: string | undefined) => Principal | null): MiddlewareHandler<AppEnv> {
  // Not async: for a request that passes it returns next()'s promise instead of wrapping it in one more.
  return (c, next) => {
    const principal = resolve(getCookie(c, SESSION_COOKIE));
    if (principal) c.set('principal', principal);
    else if (!PUBLIC.has(c.req.path)) throw new ApiError(401, 'not logged in: POST /api/auth/login first');
    return next();
  };
}

export function principalOf(c: Context<AppEnv>): Principal {
  const p = c.get('principal');
  if (!p) throw new ApiError(401, 'not logged in');
  return p;
}

/** Whether the request came in over HTTPS (directly or behind a proxy that says so). */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('x-forwarded-proto') === 'https';
}
