// What the signed-in role may see in the client. The server enforces every rule; this only hides what would be refused.
import type { Session, SessionRole } from '../../api/client.ts';

export const ROLE_WORDS: Record<SessionRole, string> = {
  beheerder: 'beheerder',
  analist: 'analist',
  wijkagent: 'wijkagent',
  presentatie: 'presentatie',
  open: 'open modus',
};

type Signed = Extract<Session, { authenticated: true }>;

/** Incident points, streets, heatmap and "Mijn wijk" of this wijk (null = the whole gemeente). */
export function mayViewRestricted(session: Signed, wijk: string | null): boolean {
  if (session.role === 'analist') return true;
  if (session.role === 'wijkagent') return wijk !== null && session.wijken.includes(wijk);
  return false;
}

/** Whether any restricted feature is available at all (analist; wijkagent with at least one wijk). */
export function hasRestrictedAccess(session: Signed): boolean {
  return session.role === 'analist' || (session.role === 'wijkagent' && session.wijken.length > 0);
}

/** Saving draaiboeken and other writes: not for a presentation screen, nor in open mode (the server only reads then). */
export function mayPrepare(session: Signed): boolean {
  return session.role === 'analist' || session.role === 'beheerder';
}

/** The presentatie role sees presentations only. */
export function presentationOnly(session: Signed): boolean {
  return session.role === 'presentatie';
}
