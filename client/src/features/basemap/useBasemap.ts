// The background map the user has chosen (remembered in this browser; else the installation's default), drawn
// under the choropleth once the map has loaded. `unavailable` turns true when its tiles cannot be fetched.
import { useEffect, useState } from 'react';
import type { Basemap } from '../../api/client.ts';
import type { ChoroplethMap } from '../map/ChoroplethMap.ts';
import { BasemapLayer } from '../map/basemapLayer.ts';

const KEY = 'bvk-basemap';

function remembered(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export interface BasemapChoice {
  choices: Basemap[];
  chosen: Basemap | null;
  choose: (id: string) => void;
  unavailable: boolean;
}

export function useBasemap(map: ChoroplethMap | null, choices: Basemap[], fallback: Basemap | null): BasemapChoice {
  const [id, setId] = useState<string | null>(remembered);
  const [layer, setLayer] = useState<BasemapLayer | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const chosen = choices.find((b) => b.id === id) ?? fallback;

  useEffect(() => {
    if (!map) return;
    let live = true;
    void map.ready.then(() => {
      if (live) setLayer(new BasemapLayer(map.map, (on) => map.seeThrough(on), () => setUnavailable(true)));
    });
    return () => {
      live = false;
    };
  }, [map]);
  useEffect(() => {
    // A style URL is the map's whole style, given when the map is made; only raster backgrounds switch here.
    layer?.set(chosen?.tiles ? chosen : null);
  }, [layer, chosen]);

  const choose = (next: string) => {
    setId(next);
    setUnavailable(false);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Private mode: the choice lasts until the page is closed.
    }
  };
  return { choices: choices.filter((b) => b.tiles !== null || b.id === 'none'), chosen, choose, unavailable };
}
