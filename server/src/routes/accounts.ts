// The beheerder's account desk and audit trail over HTTP (messages in Dutch: the beheerder's screen shows them as they are): the same rules as `npm run user` (domain/accounts.ts,
// enforced again by the store), for the beheerder only, and every change written to the audit trail.
import { Hono, type Context, type Next } from 'hono';
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MAX_USERNAME_LENGTH, wijkenProblem } from '../domain/accounts.ts';
import { mayManageUsers, ROLES, type Principal } from '../domain/roles.ts';
import { csvDocument, csvText } from '../domain/csv.ts';
import { AccountError, type User, type UserStore } from '../store/users.ts';
import type { Dataset } from '../store/dataset.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../compute/errors.ts';
import { jsonBody } from '../http/body.ts';
import { validate } from '../http/validate.ts';
import { principalOf } from '../http/session.ts';

const roleField = z.enum(ROLES, { error: `kies een van ${ROLES.join(', ')}` });
const wijkenField = z.array(z.string().trim().toUpperCase().max(10, 'is te lang'), { error: 'verwacht een lijst wijkcodes' }).max(200, 'hoogstens 200 wijken').default([]);

const newAccount = z.object({
  username: z.string({ error: 'vul een gebruikersnaam in' }).trim().min(1, 'vul een gebruikersnaam in').max(MAX_USERNAME_LENGTH, 'is te lang'),
  password: z.string({ error: 'vul een wachtwoord in' }).min(1, 'vul een wachtwoord in').max(MAX_PASSWORD_LENGTH, 'is te lang'),
  role: roleField,
  wijken: wijkenField,
});

const accountChange = z
  .object({
    role: roleField.optional(),
    wijken: wijkenField.optional(),
    password: z.string({ error: 'verwacht tekst' }).min(1, 'vul een wachtwoord in').max(MAX_PASSWORD_LENGTH, 'is te lang').optional(),
  })
  .refine((b) => b.role !== undefined || b.password !== undefined, { message: 'geef een rol (met wijken) of een nieuw wachtwoord' });

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
  username: z.string().trim().max(MAX_USERNAME_LENGTH, 'is too long').optional(),
  action: z.string().trim().max(60, 'is too long').optional(),
  resource: z.string().trim().max(200, 'is too long').regex(/^\/api\/[\w\-/]*$/, 'expected a part of the API, e.g. /api/accounts').optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  format: z.enum(['json', 'csv'], { error: "expected 'json' or 'csv'" }).default('json'),
});

/** What the API tells about an account: never the hash, never the internal id. */
const accountOut = (u: User) => ({ username: u.username, role: u.role, wijken: u.wijken, createdAt: u.createdAt });

/** The day after an ISO date (the audit window's `to` is inclusive for the reader, exclusive in SQL). */
function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

export function accountsRoutes(ds: Dataset, users: UserStore) {
  const beheerder = (c: Context<AppEnv>): Principal => {
    const p = principalOf(c);
    if (!mayManageUsers(p)) throw new ApiError(403, 'alleen een beheerder beheert accounts en leest de audittrail');
    return p;
  };
  /** Who may manage accounts is checked before the body is read (403 before any 400). */
  const beheerderFirst = (c: Context<AppEnv>, next: Next) => {
    beheerder(c);
    return next();
  };
  const knownWijken = (wijken: readonly string[]) => new Set(wijken.filter((w) => ds.area(w)?.level === 'wijk'));
  const checkWijken = (role: (typeof ROLES)[number], wijken: string[]) => {
    const problem = wijkenProblem(role, wijken, knownWijken(wijken));
    if (problem) throw new ApiError(400, problem, 'wijken');
  };
  /** A refusal of the store (weak password, taken name, last beheerder) as a 400/409 naming the field;
   * the message is the Dutch rule the screen shows as it is. */
  const refused = <T>(fn: () => T, parameter: string): T => {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof AccountError)) throw e;
      const conflict = /laatste beheerder|bestaat al/.test(e.message);
      const field = e.message.startsWith('wachtwoord') ? 'password' : e.message.startsWith('gebruikersnaam') ? 'username' : parameter;
      throw new ApiError(conflict ? 409 : 400, e.message, field);
    }
  };
  const audit = (p: Principal, action: string, username: string, detail: Record<string, unknown>) =>
    users.audit({ username: p.username, role: p.role, action, resource: `/api/accounts/${username}`, detail });
  const existing = (name: string): User => {
    const u = users.get(name);
    if (!u) throw new ApiError(404, `account ${name} bestaat niet (meer)`, 'username');
    return u;
  };

  return new Hono<AppEnv>()
    .get('/accounts', (c) => {
      beheerder(c);
      return c.json({ accounts: users.list().map(accountOut) }, 200);
    })
    .post('/accounts', beheerderFirst, jsonBody(newAccount), (c) => {
      const p = beheerder(c);
      const body = c.req.valid('json');
      checkWijken(body.role, body.wijken);
      const created = refused(() => users.add(body.username, body.password, body.role, body.wijken), 'username');
      audit(p, 'account-added', created.username, { role: created.role, wijken: created.wijken });
      return c.json(accountOut(created), 201);
    })
    .patch('/accounts/:username', (c, next) => {
      beheerder(c);
      existing(c.req.param('username'));
      return next();
    }, jsonBody(accountChange), (c) => {
      const p = beheerder(c);
      const user = existing(c.req.param('username'));
      const body = c.req.valid('json');
      let changed = user;
      if (body.role !== undefined) {
        const wijken = body.wijken ?? [];
        checkWijken(body.role, wijken);
        changed = refused(() => users.setRole(user.username, body.role!, wijken), 'role') ?? user;
        audit(p, 'account-changed', user.username, { from: { role: user.role, wijken: user.wijken }, to: { role: changed.role, wijken: changed.wijken } });
      }
      if (body.password !== undefined) {
        refused(() => users.setPassword(user.username, body.password!), 'password');
        // The password itself never goes into the trail; its sessions were ended by the store.
        audit(p, 'account-password-reset', user.username, {});
      }
      return c.json(accountOut(changed), 200);
    })
    .delete('/accounts/:username', (c) => {
      const p = beheerder(c);
      const user = existing(c.req.param('username'));
      refused(() => users.remove(user.username), 'username');
      audit(p, 'account-removed', user.username, { role: user.role, wijken: user.wijken });
      return c.json({ removed: user.username }, 200);
    })
    .get('/audit', validate('query', auditQuery), (c) => {
      beheerder(c);
      const q = c.req.valid('query');
      if (q.from && q.to && q.to < q.from) throw new ApiError(400, `to: ${q.to} is before from (${q.from})`, 'to');
      const entries = users.auditLog(q.limit, {
        username: q.username || undefined,
        action: q.action || undefined,
        resource: q.resource || undefined,
        from: q.from ? `${q.from}T00:00:00.000Z` : undefined,
        to: q.to ? dayAfter(q.to) : undefined,
      });
      if (q.format === 'csv') {
        const rows = entries.map((e) => [e.at, e.username ?? '', e.role, e.action, e.resource, JSON.stringify(e.detail)].map(csvText));
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header('Content-Disposition', `attachment; filename="audittrail${q.from ? `_${q.from}` : ''}${q.to ? `_${q.to}` : ''}.csv"`);
        return c.body(csvDocument(['Tijdstip (UTC)', 'Gebruiker', 'Rol', 'Actie', 'Onderdeel', 'Details'], rows));
      }
      return c.json({ entries }, 200);
    });
}
