// The background map the user has chosen (remembered in this browser; else the installation's default), drawn
// under the choropleth once the map has loaded. `unavailable` turns true when its tiles cannot be fetched.
import { useEffect, useState } from 'react';
import type { Basemap } from '../../api/client.ts';
import type { ChoroplethMap } from '../map/ChoroplethMap.ts';
import { chosenBasemap, rememberBasemap, rememberedBasemap } from './choice.ts';

export interface BasemapChoice {
  choices: Basemap[];
  chosen: Basemap | null;
  choose: (id: string) => void;
  unavailable: boolean;
}

export function useBasemap(map: ChoroplethMap | null, choices: Basemap[], fallback: Basemap | null): BasemapChoice {
  const [id, setId] = useState<string | null>(rememberedBasemap);
  const [unavailable, setUnavailable] = useState(false);
  const chosen = chosenBasemap(choices, id, fallback);

  useEffect(() => map?.onBasemapUnavailable(() => setUnavailable(true)), [map]);
  useEffect(() => {
    // A style URL is the map's whole style, given when the map is made; only raster backgrounds switch here.
    map?.setBasemap(chosen?.tiles ? chosen : null);
  }, [map, chosen]);

  const choose = (next: string) => {
    setId(next);
    setUnavailable(false);
    rememberBasemap(next);
  };
  return { choices: choices.filter((b) => b.tiles !== null || b.id === 'none'), chosen, choose, unavailable };
}
