// Roles and what each may see. Pure: the routes ask these questions, the rules live here.

export type Role = 'beheerder' | 'analist' | 'wijkagent' | 'presentatie';
export const ROLES: readonly Role[] = ['beheerder', 'analist', 'wijkagent', 'presentatie'];

/**
 * Who is asking. `open` is the first-run mode before any account exists: only the aggregated
 * open-data figures that CBS publishes anyway, never restricted detail (points, streets).
 */
export interface Principal {
  username: string | null;
  role: Role | 'open';
  /** Wijk codes a wijkagent is bound to. */
  wijken: string[];
}

export const OPEN_PRINCIPAL: Principal = Object.freeze({ username: null, role: 'open', wijken: [] }) as Principal;

/** Incident points and street-level figures: analist everywhere, wijkagent in own wijken only. */
export function mayAccessRestricted(p: Principal, wijkcode: string | null): boolean {
  if (p.role === 'analist') return true;
  if (p.role === 'wijkagent') return wijkcode !== null && p.wijken.includes(wijkcode);
  return false;
}

/** Small counts are suppressed for presentations on a public screen. */
export function suppressesSmallCounts(p: Principal): boolean {
  return p.role === 'presentatie';
}

export function mayManageUsers(p: Principal): boolean {
  return p.role === 'beheerder';
}

/** Entering a plan's targets and changing the settings: the application's manager only. */
export function mayAdminister(p: Principal): boolean {
  return p.role === 'beheerder';
}

/** Saving selections, attention areas, presentations: not for a presentation screen, and not in
 * open mode (no account, so nobody could own, change or answer for what is saved). */
export function mayWrite(p: Principal): boolean {
  return p.role === 'beheerder' || p.role === 'analist' || p.role === 'wijkagent';
}
