// The settings a beheerder may change without a restart (GET/PUT /settings; which ones and why the
// others are fixed: compute/settings.ts). Every change is a version and in the audit trail.
import { Hono } from 'hono';
import { z } from 'zod';
import type { LiveSettings } from '../compute/settings.ts';
import { ApiError } from '../compute/errors.ts';
import { mayAdminister } from '../domain/roles.ts';
import type { UserStore } from '../store/users.ts';
import type { AppEnv } from '../http/env.ts';
import { parseJsonBody } from '../http/body.ts';
import { principalOf } from '../http/session.ts';

const NOT_ALLOWED = 'alleen een beheerder wijzigt de instellingen';

export function settingsRoutes(settings: LiveSettings, users: UserStore) {
  return new Hono<AppEnv>()
    .get('/settings', (c) => {
      if (!mayAdminister(principalOf(c))) throw new ApiError(403, NOT_ALLOWED);
      return c.json(settings.answer(), 200);
    })
    .put('/settings', async (c) => {
      const who = principalOf(c);
      if (!mayAdminister(who)) throw new ApiError(403, NOT_ALLOWED);
      const before = settings.current();
      const saved = settings.save(await parseJsonBody(c, z.unknown()), who.username ?? '');
      users.audit({ username: who.username, role: who.role, action: 'settings-changed', resource: '/api/settings', detail: { before, after: saved.values } });
      return c.json(settings.answer(), 200);
    });
}
