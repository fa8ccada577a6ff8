// The outermost shell: asks the server who is signed in and how it is configured, shows the login form when
// needed, and chooses between the presentation (?view=presentatie&presentation=<id>), the presentatie role's list
// and the app itself. Each signed-in user gets an empty answer cache of their own.
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { logout, UNAUTHORIZED_EVENT } from '../api/client.ts';
import { errorText, newQueryClient, useConfigQuery, useSessionQuery } from '../api/queries.ts';
import { presentationOnly } from '../features/auth/capabilities.ts';
import { LoginForm } from '../features/auth/LoginForm.tsx';
import { UserBar } from '../features/auth/UserBar.tsx';
import { App } from './App.tsx';
import type { FirstAnswers } from './countryFirst.ts';

// The presentation screens load on their own: a normal visit does not parse them.
const PresentationApp = lazy(() => import('./PresentationApp.tsx').then((m) => ({ default: m.PresentationApp })));
const PresentationList = lazy(() => import('../features/presentation/PresentationList.tsx').then((m) => ({ default: m.PresentationList })));

export function Root({ answers = null }: { answers?: FirstAnswers | null }) {
  // Who is signed in and the configuration, when the country's first map already asked: the page renders at once
  // instead of "Laden…" first (the session is still confirmed with the server, as on every visit).
  const [client] = useState(() => {
    const c = newQueryClient();
    if (answers) {
      c.setQueryData(['session'], answers.session);
      c.setQueryData(['config'], answers.config);
    }
    return c;
  });
  return (
    <QueryClientProvider client={client}>
      <SessionRoot />
    </QueryClientProvider>
  );
}

/** A cache per user: answers depend on who asks (restricted detail), so nothing carries over a login. */
function UserQueries({ children }: { children: ReactNode }) {
  const [client] = useState(newQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

function SessionRoot() {
  const [search, setSearch] = useState(() => window.location.search);
  const [reason, setReason] = useState<string | null>(null);
  const sessionQuery = useSessionQuery();
  const configQuery = useConfigQuery();
  const { refetch } = sessionQuery;
  const check = useCallback(() => void refetch(), [refetch]);

  useEffect(() => {
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

  const session = sessionQuery.data;
  if (!session || configQuery.isPending) {
    return sessionQuery.error && !session ? (
      <main className="page" id="inhoud">
        <h1>Buurtveiligheidskaart</h1>
        <p role="alert">{errorText(sessionQuery.error)}</p>
        <button type="button" onClick={check}>
          Opnieuw proberen
        </button>
      </main>
    ) : (
      <p className="app-loading">Laden…</p>
    );
  }
  if (!session.authenticated) return <LoginForm onLoggedIn={onLoggedIn} reason={reason} />;

  const user = session.username ?? 'open';
  const q = new URLSearchParams(search);
  const presentation = Number(q.get('presentation'));
  if (q.get('view') === 'presentatie' && Number.isInteger(presentation) && presentation > 0) {
    return (
      <UserQueries key={user}>
        <Suspense fallback={<p className="app-loading">Laden…</p>}>
          <PresentationApp key={presentation} id={presentation} onLeave={navigate} config={configQuery.data ?? null} />
        </Suspense>
      </UserQueries>
    );
  }
  if (presentationOnly(session)) {
    return (
      <UserQueries key={user}>
        <header className="app-header">
          <div className="app-header-inner">
            <h1>Buurtveiligheidskaart</h1>
            <UserBar session={session} onLogout={onLogout} />
          </div>
        </header>
        <Suspense fallback={<p className="app-loading">Laden…</p>}>
          <PresentationList />
        </Suspense>
      </UserQueries>
    );
  }
  // A new user (or a new login after the session ended) starts the app afresh, so all data is fetched again.
  return (
    <UserQueries key={user}>
      <App session={session} onLogout={onLogout} config={configQuery.data ?? null} />
    </UserQueries>
  );
}
