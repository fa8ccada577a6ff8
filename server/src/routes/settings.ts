// The settings a beheerder may change without a restart (GET/PUT /settings; which ones and why the
// others are fixed: compute/settings.ts). Every change is a version and in the audit trail.
import { Hono, type Context, type Next } from 'hono';
import { z } from 'zod';
import type { LiveSettings } from '../compute/settings.ts';
import { ApiError } from '../compute/errors.ts';
import { mayAdminister } from '../domain/roles.ts';
import type { UserStore } from '../store/users.ts';
import type { AppEnv } from '../http/env.ts';
import { jsonBody } from '../http/body.ts';
import { principalOf } from '../http/session.ts';

const NOT_ALLOWED = 'alleen een beheerder wijzigt de instellingen';

/** Before the body is read: someone who may not change the settings learns nothing about their form. */
const beheerderOnly = (c: Context<AppEnv>, next: Next) => {
  if (!mayAdminister(principalOf(c))) throw new ApiError(403, NOT_ALLOWED);
  return next();
};

export function settingsRoutes(settings: LiveSettings, users: UserStore) {
  return new Hono<AppEnv>()
    .get('/settings', beheerderOnly, (c) => c.json(settings.answer(), 200))
    // The body's fields are checked by LiveSettings.save, which refuses a fixed setting by name, in Dutch.
    .put('/settings', beheerderOnly, jsonBody(z.unknown()), (c) => {
      const who = principalOf(c);
      const before = settings.current();
      const saved = settings.save(c.req.valid('json'), who.username ?? '');
      users.audit({ username: who.username, role: who.role, action: 'settings-changed', resource: '/api/settings', detail: { before, after: saved.values } });
      return c.json(settings.answer(), 200);
    });
}
