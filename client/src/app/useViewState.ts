// The view as React state mirrored in the URL: every change goes through viewReducer and becomes one history entry.
import { useCallback, useEffect, useRef, useState } from 'react';
import { parseViewState, reduceAll, serializeViewState, type ViewAction, type ViewDefaults, type ViewState } from './urlState.ts';

export type Dispatch = (action: ViewAction | ViewAction[]) => void;

export function useViewState(defaults: ViewDefaults, initial: (v: ViewState) => ViewState = (v) => v): {
  view: ViewState;
  dispatch: Dispatch;
  /** The link of a view (for real links such as the navigation). */
  href: (v: ViewState) => string;
} {
  const [view, setView] = useState<ViewState>(() => initial(parseViewState(window.location.search, defaults)));
  const current = useRef(view);
  current.current = view;

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
    const onPop = () => setView(parseViewState(window.location.search, defaults));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [defaults]);

  const dispatch = useCallback<Dispatch>(
    (action) => {
      const next = reduceAll(current.current, Array.isArray(action) ? action : [action]);
      if (next === current.current) return;
      const search = serializeViewState(next, defaults);
      if (search !== window.location.search) window.history.pushState(null, '', `${window.location.pathname}${search}`);
      current.current = next;
      setView(next);
    },
    [defaults],
  );
  const href = useCallback((v: ViewState) => `${window.location.pathname}${serializeViewState(v, defaults)}`, [defaults]);
  return { view, dispatch, href };
}
