// The view as React state mirrored in the URL: every change goes through viewReducer and becomes one history entry.
import { useCallback, useEffect, useRef, useState } from 'react';
import { HistoryWriter } from './historyWriter.ts';
import { parseViewState, readViewState, reduceAll, serializeViewState, type ViewAction, type ViewDefaults, type ViewNotice, type ViewState } from './urlState.ts';

export type Dispatch = (action: ViewAction | ViewAction[]) => void;

export function useViewState(defaults: ViewDefaults, initial: (v: ViewState) => ViewState = (v) => v): {
  view: ViewState;
  dispatch: Dispatch;
  /** The link of a view (for real links such as the navigation). */
  href: (v: ViewState) => string;
  /** What the link asked for that the view does not show (read once, and added to by `correct`). */
  notices: ViewNotice[];
  /** Puts right what the data lacks (a gemeente or category it does not have), in place of the link's history entry. */
  correct: (next: ViewState, notices: ViewNotice[]) => void;
} {
  const [opened] = useState(() => readViewState(window.location.search, defaults));
  const [view, setView] = useState<ViewState>(() => initial(opened.view));
  const [notices, setNotices] = useState<ViewNotice[]>(opened.notices);
  const current = useRef(view);
  current.current = view;
  const [writer] = useState(() => new HistoryWriter());

  // The landing view (e.g. a wijkagent's own wijk, the server's default gemeente) becomes the page's URL once,
  // so reload and back keep it.
  const landed = useRef(false);
  useEffect(() => {
    if (landed.current) return;
    landed.current = true;
    const search = serializeViewState(current.current, defaults);
    if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }, [defaults]);

  useEffect(() => {
    const onPop = () => {
      writer.drop();
      setView(parseViewState(window.location.search, defaults));
    };
    const onHide = () => writer.flush();
    window.addEventListener('popstate', onPop);
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('pagehide', onHide);
      writer.drop(); // the page is going (another screen wrote its own URL): an entry now would overwrite it
    };
  }, [defaults, writer]);

  const dispatch = useCallback<Dispatch>(
    (action) => {
      const next = reduceAll(current.current, Array.isArray(action) ? action : [action]);
      if (next === current.current) return;
      writer.push(serializeViewState(next, defaults));
      current.current = next;
      setView(next);
    },
    [defaults, writer],
  );
  const correct = useCallback(
    (next: ViewState, more: ViewNotice[]) => {
      // Replaced, not pushed: going back must not return to a view that would be corrected again.
      writer.flush();
      current.current = next;
      setView(next);
      setNotices((n) => [...n, ...more]);
      const search = serializeViewState(next, defaults);
      if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}`);
    },
    [defaults, writer],
  );
  const href = useCallback((v: ViewState) => `${window.location.pathname}${serializeViewState(v, defaults)}`, [defaults]);
  return { view, dispatch, href, notices, correct };
}
