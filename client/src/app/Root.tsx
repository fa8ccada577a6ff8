// The outermost shell: asks the server who is signed in, shows the login form when needed, and chooses between
// the presentation (?view=presentatie&presentation=<id>), the presentatie role's list and the app itself.
import { useCallback, useEffect, useState } from 'react';
import { fetchSession, logout, UNAUTHORIZED_EVENT, type Session } from '../api/client.ts';
import { presentationOnly } from '../features/auth/capabilities.ts';
import { LoginForm } from '../features/auth/LoginForm.tsx';
import { UserBar } from '../features/auth/UserBar.tsx';
import { PresentationList } from '../features/presentation/PresentationList.tsx';
import { App } from './App.tsx';
import { PresentationApp } from './PresentationApp.tsx';

export function Root() {
  const [search, setSearch] = useState(() => window.location.search);
  const [session, setSession] = useState<Session | null>(null);
  const [sessionError, setSessionError] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(null);

  const check = useCallback(() => {
    fetchSession().then(
      (s) => {
        setSession(s);
        setSessionError(null);
      },
      (e) => setSessionError(e instanceof Error ? e.message : String(e)),
    );
  }, []);

  useEffect(() => {
    check();
    const onUnauthorized = () => {
      setReason('Uw sessie is verlopen. Meld u opnieuw aan.');
      check();
    };
    const onPop = () => setSearch(window.location.search);
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
      window.removeEventListener('popstate', onPop);
    };
  }, [check]);

  const onLoggedIn = useCallback(() => {
    setReason(null);
    check();
  }, [check]);

  const onLogout = useCallback(() => {
    logout().then(check, check);
  }, [check]);

  const navigate = useCallback((next: string) => {
    window.history.pushState(null, '', `${window.location.pathname}${next}`);
    setSearch(next);
  }, []);

  if (!session) {
    return sessionError ? (
      <main className="page" id="inhoud">
        <h1>Buurtveiligheidskaart</h1>
        <p role="alert">De server is niet bereikbaar: {sessionError}</p>
        <button type="button" onClick={check}>
          Opnieuw proberen
        </button>
      </main>
    ) : (
      <p className="app-loading">Laden…</p>
    );
  }
  if (!session.authenticated) return <LoginForm onLoggedIn={onLoggedIn} reason={reason} />;

  const q = new URLSearchParams(search);
  const presentation = Number(q.get('presentation'));
  if (q.get('view') === 'presentatie' && Number.isInteger(presentation) && presentation > 0) {
    return <PresentationApp key={presentation} id={presentation} onLeave={navigate} />;
  }
  if (presentationOnly(session)) {
    return (
      <>
        <header className="app-header">
          <div className="app-header-inner">
            <h1>Buurtveiligheidskaart</h1>
            <UserBar session={session} onLogout={onLogout} />
          </div>
        </header>
        <PresentationList />
      </>
    );
  }
  // A new user (or a new login after the session ended) starts the app afresh, so all data is fetched again.
  return <App key={session.username ?? 'open'} session={session} onLogout={onLogout} />;
}
