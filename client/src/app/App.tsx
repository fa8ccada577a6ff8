// App shell: the view (URL state), the header with the navigation, the status region and the page switch.
// Pages compose the features; features never import each other.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type MouseEvent as ReactMouseEvent } from 'react';
import type { ClientConfig } from '../api/client.ts';
import { errorText, useCategoriesQuery, useGemeentenQuery } from '../api/queries.ts';
import { OpenModeNotice, UserBar } from '../features/auth/UserBar.tsx';
import { DemoNotice, demoText, SourceCredit } from '../features/demo-notice/DemoNotice.tsx';
import { LinkNotice } from '../features/link-notice/LinkNotice.tsx';
import { PerGemeenteNotice } from '../features/national/PerGemeenteNotice.tsx';
import { SurveyDemoNotice } from '../features/survey/SurveyLegend.tsx';
import type { SignedSession } from './pages/pageProps.ts';
import { MapPage } from './pages/MapPage.tsx';
import { FALLBACK_SUPPRESSION_THRESHOLD } from './sources/types.ts';
import { useMapScene, useSelectedSeries } from './useMapScene.ts';
import { checkAgainstLists, envBasemap, landing, noticeText, viewDefaults } from './landing.ts';
import { allMonths, APP_VIEWS, type AppView } from './urlState.ts';
import { usePageArrival } from './usePageArrival.ts';
import { useViewState } from './useViewState.ts';

export interface AppProps {
  /** Who is signed in (open mode counts as signed in, role 'open'). */
  session: SignedSession;
  onLogout: () => void;
  /** The server's configuration (null when it could not be read: the built-in defaults apply). */
  config: ClientConfig | null;
}

// The other pages load when first opened: the map is what every visit starts with, and the browser parses less
// script before it (measured by the firstMapTiles benchmark).
const BeheerView = lazy(() => import('./pages/BeheerView.tsx').then((m) => ({ default: m.BeheerView })));
const BenchmarkView = lazy(() => import('./pages/BenchmarkView.tsx').then((m) => ({ default: m.BenchmarkView })));
const CoverageView = lazy(() => import('./pages/CoverageView.tsx').then((m) => ({ default: m.CoverageView })));
const EvaluationView = lazy(() => import('./pages/EvaluationView.tsx').then((m) => ({ default: m.EvaluationView })));
const TargetsView = lazy(() => import('./pages/TargetsView.tsx').then((m) => ({ default: m.TargetsView })));
const WorkbenchView = lazy(() => import('./pages/WorkbenchView.tsx').then((m) => ({ default: m.WorkbenchView })));

/** The pages that exist per gemeente only, as the country view explains them. */
const PER_GEMEENTE: Partial<Record<AppView, { title: string; subject: string }>> = {
  werkbank: { title: 'Werkbank', subject: 'De werkbank (buurten rangschikken en selecteren)' },
  doelen: { title: 'Doelen veiligheidsplan', subject: 'Het volgen van de doelen van het veiligheidsplan, met de rapportages,' },
  vergelijking: { title: 'Vergelijking met andere gemeenten', subject: 'De vergelijking met andere gemeenten' },
  evaluatie: { title: 'Effect van een aanpak', subject: 'Het evalueren van een aanpak in buurten' },
};

export function App({ session, onLogout, config }: AppProps) {
  const defaults = useMemo(() => viewDefaults(config), [config]);
  const months = useMemo(() => allMonths(defaults.months.first, defaults.months.last), [defaults]);
  const { view, dispatch, href, notices, correct } = useViewState(defaults, landing(session));
  const [openNoticeShown, setOpenNoticeShown] = useState(true);
  const [noticesDismissed, setNoticesDismissed] = useState(0);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const gemeentenQuery = useGemeentenQuery();
  const categoriesQuery = useCategoriesQuery();
  const gemeenten = useMemo(() => gemeentenQuery.data ?? [], [gemeentenQuery.data]);
  const categories = useMemo(() => categoriesQuery.data ?? [], [categoriesQuery.data]);
  const listError = gemeentenQuery.error ?? categoriesQuery.error;

  // A gemeente or category the data does not have (an old or mistyped link) becomes the default, with a notice,
  // as soon as the lists are there, so the page asks for figures that exist.
  useEffect(() => {
    const checked = checkAgainstLists(view, { gemeenten, categories }, defaults);
    if (checked.notices.length > 0) correct(checked.view, checked.notices);
  }, [view, gemeenten, categories, defaults, correct]);
  // The notices name gemeenten and categories: shown once the lists are there (or could not be read).
  const listsSettled = !gemeentenQuery.isPending && !categoriesQuery.isPending;
  const linkNotices = listsSettled ? notices.slice(noticesDismissed).map((n) => noticeText(n, { gemeenten, categories })) : [];
  // Announced through the page's one status region when it appears (the notice itself is no live region).
  const linkNoticeText = linkNotices.join(' ');
  useEffect(() => {
    if (linkNoticeText) setStatus(linkNoticeText);
  }, [linkNoticeText]);

  const page = view.view;
  const national = view.gemeente === 'NL';
  const scene = useMapScene(view, {
    gemeenten,
    categories,
    onMap: page === 'kaart',
    suppressionThreshold: config?.suppressionThreshold ?? FALLBACK_SUPPRESSION_THRESHOLD,
    announce: setStatus,
    reportError: setError,
  });
  const { source, sourceView, stats, gemeenteNaam } = scene;
  const series = useSelectedSeries(view);
  usePageArrival(page, national ? 'Nederland' : gemeenteNaam || null, setStatus);

  const goTo = useCallback(
    (e: ReactMouseEvent<HTMLAnchorElement>, key: AppView) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
      e.preventDefault();
      dispatch({ type: 'setPage', page: key });
    },
    [dispatch],
  );
  const shownError = error ?? (listError ? `De lijst met gemeenten en soorten kon niet worden geladen. ${errorText(listError)}` : null);
  const perGemeente = national ? PER_GEMEENTE[page] : undefined;
  const pageProps = { view, dispatch, session, scene, announce: setStatus, reportError: setError };

  return (
    <>
      <a className="skip-link" href={page === 'kaart' ? '#tabel' : '#inhoud'}>
        {page === 'kaart' ? 'Naar de tabel' : 'Naar de inhoud'}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <h1>Buurtveiligheidskaart</h1>
          <UserBar session={session} onLogout={onLogout} />
          <p className="app-subtitle">{page === 'kaart' ? `${gemeenteNaam} · ${sourceView.subtitle}` : gemeenteNaam}</p>
          <nav className="app-nav" aria-label="Onderdelen">
            <ul>
              {APP_VIEWS.filter((v) => v.key !== 'beheer' || session.role === 'beheerder').map((v) => (
                <li key={v.key}>
                  <a href={href({ ...view, view: v.key })} aria-current={page === v.key ? 'page' : undefined} onClick={(e) => goTo(e, v.key)}>
                    {v.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      {session.openMode && openNoticeShown && <OpenModeNotice onDismiss={() => setOpenNoticeShown(false)} />}
      <LinkNotice texts={linkNotices} onDismiss={() => setNoticesDismissed(notices.length)} />
      {page === 'kaart' && source.needs.stats && <DemoNotice text={demoText(stats?.meta, series.data?.meta)} />}
      {page === 'kaart' && source.needs.survey && <SurveyDemoNotice meta={scene.data.survey?.meta ?? null} />}
      <div className="visually-hidden" role="status" aria-live="polite">
        {status}
      </div>
      {shownError && (
        <div className="error-banner" role="alert">
          {shownError}
        </div>
      )}
      {perGemeente && (
        <PerGemeenteNotice {...perGemeente} gemeenten={gemeenten} onChoose={(code) => dispatch({ type: 'setGemeente', gemeente: code })} />
      )}
      <Suspense fallback={<p className="app-loading">Laden…</p>}>
        {page === 'doelen' && !national && <TargetsView {...pageProps} months={months} />}
        {page === 'evaluatie' && !national && <EvaluationView {...pageProps} categories={categories} />}
        {page === 'vergelijking' && !national && <BenchmarkView {...pageProps} />}
        {page === 'gegevens' && !national && <CoverageView {...pageProps} />}
        {page === 'beheer' && <BeheerView {...pageProps} />}
      </Suspense>
      {/* The map page stays mounted (hidden) on the other pages, so the map and its sources are created once. */}
      <MapPage
        {...pageProps}
        hidden={page !== 'kaart'}
        gemeenten={gemeenten}
        categories={categories}
        months={months}
        basemapStyle={config?.basemapStyleUrl || envBasemap()}
        basemaps={config?.basemaps ?? []}
        basemap={config?.basemap ?? null}
        tileVersion={config?.tileVersion ?? null}
      />
      <Suspense fallback={<p className="app-loading">Laden…</p>}>
        {page === 'werkbank' && !national && <WorkbenchView {...pageProps} categories={categories} months={months} />}
      </Suspense>
      <footer className="app-footer">
        <SourceCredit />
        {page === 'kaart' &&
          stats?.meta.notes.map((n) => (
            <p key={n} className="hint">
              {n}
            </p>
          ))}
      </footer>
    </>
  );
}
