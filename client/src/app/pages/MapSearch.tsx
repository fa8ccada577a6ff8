// The search box above the map: a buurt or wijk it finds becomes the view's selection (as a click on the map), an
// address selects the buurt that holds it; the map moves to what was found.
import { useEffect, useMemo, useRef, useState } from 'react';
import { areasBBox, topologyCodes, type BBox, type ChoroplethMap } from '../../features/map/ChoroplethMap.ts';
import { buurtAt, searchAreas } from '../../features/search/matchAreas.ts';
import { lookupAddress, type AddressSuggestion } from '../../features/search/pdok.ts';
import { SearchBox, UNAVAILABLE, type Suggestion } from '../../features/search/SearchBox.tsx';
import type { ViewAction } from '../urlState.ts';
import type { PageProps } from './pageProps.ts';

/** Street level: the address and the buurt around it. */
const ADDRESS_ZOOM = 16;

/** Where the map was sent, for the selection it belongs to. */
type Focus = { code: string | null; bbox: BBox | null; at: [number, number] | null };

function reducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export interface MapSearchProps extends Pick<PageProps, 'view' | 'dispatch' | 'scene' | 'announce'> {
  map: ChoroplethMap | null;
  /** Whether the detail panel beside the map is open: it narrows the map, after which the map is fitted again. */
  panelOpen: boolean;
}

export function MapSearch({ view, dispatch, scene, announce, map, panelOpen }: MapSearchProps) {
  const { topology } = scene;
  const areas = useMemo(() => searchAreas(topology), [topology]);
  const [focus, setFocus] = useState<Focus | null>(null);
  const lookup = useRef<AbortController | null>(null);
  // A lookup still under way belongs to the gemeente it was asked in.
  useEffect(() => () => lookup.current?.abort(), [view.gemeente]);

  // Moves the map once the page has laid out for the new selection (the panel opens beside the map, often only when
  // the figures of a newly chosen level arrive); a selection made elsewhere ends the search's hold on the map.
  const live = focus && focus.code === view.selected ? focus : null;
  useEffect(() => {
    if (!map || !live) return;
    map.resize();
    if (live.at) map.centreOn(live.at, ADDRESS_ZOOM, !reducedMotion());
    else if (live.bbox) map.fitTo(live.bbox, !reducedMotion(), { padding: 48 });
  }, [map, live, panelOpen]);

  const select = (code: string | null, level: 'buurt' | 'wijk'): void => {
    const actions: ViewAction[] = [];
    if (level !== view.level) actions.push({ type: 'setLevel', level });
    // Figures restricted to an attention area would leave a buurt outside it without a panel.
    if (code && view.area !== null && level === view.level && !scene.stats?.rows.some((r) => r.code === code)) actions.push({ type: 'setArea', id: null });
    actions.push({ type: 'select', code });
    dispatch(actions);
  };

  const chooseAddress = (s: AddressSuggestion): void => {
    lookup.current?.abort();
    const controller = new AbortController();
    lookup.current = controller;
    lookupAddress(s.id, controller.signal).then(
      (place) => {
        // The map's own boundaries decide; PDOK's buurt only where they leave a gap (they are simplified).
        const code = buurtAt(topology, place.at) ?? (place.buurtcode && topologyCodes(topology, 'buurt').includes(place.buurtcode) ? place.buurtcode : null);
        select(code, 'buurt');
        map?.setPlace(place.at);
        setFocus({ code, bbox: null, at: place.at });
        if (!code) announce(`${place.naam} ligt niet in een buurt van ${scene.gemeenteNaam}.`);
      },
      () => {
        if (!controller.signal.aborted) announce(`${UNAVAILABLE}.`);
      },
    );
  };

  const onChoose = (s: Suggestion): void => {
    if (s.kind === 'address') {
      chooseAddress(s);
      return;
    }
    lookup.current?.abort();
    map?.setPlace(null);
    select(s.code, s.level);
    setFocus({ code: s.code, bbox: topology ? areasBBox(topology, [s.code]) : null, at: null });
  };

  return <SearchBox areas={areas} gemeente={view.gemeente} onChoose={onChoose} announce={announce} />;
}
