// React wrapper: owns one ChoroplethMap and forwards "what should be shown"; the tooltip is plain React DOM.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Topology } from 'topojson-specification';
import { ChoroplethMap, COUNTRY_BBOX, countryTiles, type AreaLevel } from './ChoroplethMap.ts';

export interface TooltipContent {
  naam: string;
  value: string;
  note?: string;
}

export interface MapViewProps {
  /** A gemeente's areas; null while they load, and always for the country (drawn from the server's tiles). */
  topology: Topology | null;
  /** The whole country, from vector tiles. Fixed for the life of the view: the page gives each its own key. */
  country?: boolean;
  /** The tiles' version (/api/config), so the country map asks for its tiles without reading their TileJSON first. */
  tileVersion?: string | null;
  level: AreaLevel;
  colours: Map<string, string | null>;
  selected: string | null;
  /** Screen-reader title of the map, e.g. "Kaart van Maastricht: buurten gekleurd naar …". */
  title: string;
  describe: (code: string) => TooltipContent | null;
  onSelect: (code: string) => void;
  /** Optional basemap style URL; default is a blank offline style. */
  basemapStyle?: string;
  onMapCreated?: (map: ChoroplethMap) => void;
  /**
   * The country's map when it was made before the page (its first visit: app/countryFirst.ts), taken once: this view
   * moves its element in and uses it instead of making a map of its own.
   */
  adopt?: () => FirstMap | null;
}

/** A map made before its page, in an element of its own that the page moves into its map area. */
export interface FirstMap {
  map: ChoroplethMap;
  element: HTMLElement;
}

export function MapView(props: MapViewProps) {
  const { topology, country = false, tileVersion = null, level, colours, selected, title, describe, onSelect, basemapStyle, onMapCreated, adopt } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<ChoroplethMap | null>(null);
  const [hover, setHover] = useState<{ code: string; x: number; y: number } | null>(null);
  // Latest callbacks without re-creating the map.
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  // The map is created once, from the first render's props; later changes are pushed in by the effects below.
  const initialRef = useRef({ title, basemapStyle, onMapCreated, country, tileVersion, level, adopt });
  // New geometry is drawn at the current level; a level switch alone never reloads geometry.
  const levelRef = useRef(level);
  levelRef.current = level;

  // A map made before the page (the country's first) is moved in before the page is first painted, so it is never
  // seen out of place; it sat over this place at this size, and now fills the map area (.map-canvas).
  const adopted = useRef<FirstMap | null>(null);
  useLayoutEffect(() => {
    const { country, adopt } = initialRef.current;
    const first = adopt?.() ?? null;
    if (!first) return;
    if (!country || !containerRef.current) {
      // Made for a view this page does not open with: gone, so nothing is left over the page.
      first.map.destroy();
      first.element.remove();
      return;
    }
    first.element.removeAttribute('style');
    containerRef.current.appendChild(first.element);
    adopted.current = first;
  }, []);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let made: ChoroplethMap | null = null;
    let ro: ResizeObserver | null = null;
    let left = false;
    // One microtask later: after the other effects of this render, where the page starts its data requests.
    // Creating MapLibre's WebGL context takes a while in a browser without a GPU, and the figures should not wait
    // for it (firstMapTiles). The effects below run again once the map is there.
    queueMicrotask(() => {
      if (left) return;
      const { title, basemapStyle, onMapCreated, country, tileVersion, level } = initialRef.current;
      made =
        adopted.current?.map ??
        new ChoroplethMap({
          container,
          title,
          style: basemapStyle || undefined,
          ...(country ? { tiles: countryTiles(tileVersion), bounds: COUNTRY_BBOX, level } : {}),
        });
      const m = made;
      m.handle({ onHover: (code, point) => setHover(code && point ? { code, ...point } : null), onSelect: (code) => onSelectRef.current(code) });
      onMapCreated?.(m);
      setMap(m);
      ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => m.resize());
      ro?.observe(container);
    });
    return () => {
      left = true;
      ro?.disconnect();
      made?.destroy();
      // An adopted map is gone with its element (a view that mounts again makes its own).
      adopted.current?.element.remove();
      adopted.current = null;
    };
  }, []);

  useEffect(() => {
    if (topology) map?.setAreas(topology, levelRef.current);
  }, [map, topology]);

  useEffect(() => {
    map?.setLevel(level);
  }, [map, level]);

  useEffect(() => {
    map?.setValues(colours, level);
  }, [map, colours, level]);

  useEffect(() => {
    map?.setSelected(selected);
  }, [map, selected]);

  useEffect(() => {
    map?.setTitle(title);
  }, [map, title]);

  const tip = hover ? describe(hover.code) : null;
  return (
    <div className="map-view">
      <div ref={containerRef} className="map-canvas" />
      {hover && tip && (
        <div className="map-tooltip" style={{ left: hover.x + 14, top: hover.y + 14 }} aria-hidden="true">
          <strong>{tip.naam}</strong>
          <span>{tip.value}</span>
          {tip.note && <span className="map-tooltip-note">{tip.note}</span>}
        </div>
      )}
    </div>
  );
}
