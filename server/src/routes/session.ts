// Session handling: resolves the cookie to a Principal for every /api request, and refuses data
// requests without a session (401). Before the first account exists the app runs in open mode.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { OPEN_PRINCIPAL, type Principal } from '../domain/roles.ts';
import type { UserStore } from '../store/users.ts';
import type { AppEnv } from './env.ts';
import { ApiError } from './errors.ts';

export const SESSION_COOKIE = 'bvk_session';

/** Paths that answer without a session. */
const PUBLIC = new Set(['/api/health', '/api/config', '/api/auth/login', '/api/auth/logout', '/api/auth/me']);

export function sessionMiddleware(users: UserStore): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let principal: Principal | null = null;
    if (users.count() === 0) principal = OPEN_PRINCIPAL;
    else {
      const token = getCookie(c, SESSION_COOKIE);
      const user = token ? users.sessionUser(token) : undefined;
      if (user) principal = { username: user.username, role: user.role, wijken: user.wijken };
    }
    if (principal) c.set('principal', principal);
    else if (!PUBLIC.has(c.req.path)) throw new ApiError(401, 'not logged in: POST /api/auth/login first');
    await next();
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
