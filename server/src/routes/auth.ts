// Login, logout and who am I (the audit trail and the accounts are in accounts.ts).
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MAX_USERNAME_LENGTH } from '../domain/accounts.ts';
import type { UserStore } from '../store/users.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../compute/errors.ts';
import { LoginThrottle } from '../http/loginThrottle.ts';
import { isHttps, SESSION_COOKIE } from '../http/session.ts';

const loginBody = z.object({
  username: z.string({ error: 'is required' }).trim().min(1, 'is required').max(MAX_USERNAME_LENGTH, 'is too long'),
  password: z.string({ error: 'is required' }).min(1, 'is required').max(MAX_PASSWORD_LENGTH, 'is too long'),
});

const SESSION_TTL_MS = 12 * 60 * 60 * 1000; // a working day, then log in again

export function authRoutes(users: UserStore, opts: { trustProxy: boolean; throttle?: LoginThrottle }) {
  const throttle = opts.throttle ?? new LoginThrottle();
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  return new Hono<AppEnv>()
    .post('/auth/login', async (c) => {
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch {
        throw new ApiError(400, 'body: expected JSON { "username": ..., "password": ... }', 'body');
      }
      const parsed = loginBody.safeParse(raw);
      if (!parsed.success) {
        const i = parsed.error.issues[0];
        throw new ApiError(400, `${String(i.path[0] ?? 'body')}: ${i.message}`, String(i.path[0] ?? 'body'));
      }
      const { username, password } = parsed.data;
      const ip = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? 'local';
      // Reserved before anything is awaited: parallel guesses each take one of the allowed attempts.
      const decision = throttle.attempt(username, ip);
      if (decision.retryAfterSec || !decision.ticket) {
        c.header('Retry-After', String(decision.retryAfterSec ?? 1));
        throw new ApiError(429, `too many failed logins from this address: try again in ${decision.retryAfterSec ?? 1} s`);
      }
      if (decision.delayMs) await sleep(decision.delayMs);
      const user = await users.verify(username, password);
      if (!user) {
        users.audit({ username, role: '-', action: 'login-failed', resource: '/api/auth/login', detail: { ip } });
        throw new ApiError(401, 'unknown username or wrong password');
      }
      throttle.succeed(decision.ticket);
      const token = users.createSession(user.id, SESSION_TTL_MS);
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttps(c, opts.trustProxy),
        path: '/',
        maxAge: SESSION_TTL_MS / 1000,
      });
      users.audit({ username: user.username, role: user.role, action: 'login', resource: '/api/auth/login', detail: { ip } });
      return c.json({ username: user.username, role: user.role, wijken: user.wijken }, 200);
    })
    .post('/auth/logout', (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) users.deleteSession(token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true as const }, 200);
    })
    .get('/auth/me', (c) => {
      const p = c.get('principal');
      if (!p) return c.json({ authenticated: false as const, openMode: false }, 200);
      return c.json({ authenticated: true as const, openMode: p.role === 'open', username: p.username, role: p.role, wijken: p.wijken }, 200);
    });
}
