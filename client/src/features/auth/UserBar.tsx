// Who is signed in, with which role, and "Afmelden"; in open mode a short note instead.
import type { Session } from '../../api/client.ts';
import { ROLE_WORDS } from './capabilities.ts';

type Signed = Extract<Session, { authenticated: true }>;

export function UserBar({ session, onLogout }: { session: Signed; onLogout: () => void }) {
  if (session.openMode) return <p className="user-bar">Open modus</p>;
  return (
    <div className="user-bar">
      <span>
        <span className="visually-hidden">Aangemeld als </span>
        <strong>{session.username}</strong> · {ROLE_WORDS[session.role]}
        {session.role === 'wijkagent' && session.wijken.length > 0 ? ` (${session.wijken.join(', ')})` : ''}
      </span>
      <button type="button" className="header-button" onClick={onLogout}>
        Afmelden
      </button>
    </div>
  );
}

/** Said once, unobtrusively: in open mode nothing restricted is shown and sign-in is off. */
export function OpenModeNotice({ onDismiss }: { onDismiss: () => void }) {
  return (
    <div className="open-mode-notice" role="note">
      <span>Open modus: alleen geaggregeerde open data — maak een beheerder aan om aanmelden aan te zetten</span>
      <button type="button" className="small-button" onClick={onDismiss} aria-label="Melding over open modus sluiten">
        Sluiten
      </button>
    </div>
  );
}
