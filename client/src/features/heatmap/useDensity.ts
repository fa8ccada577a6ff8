// Fetches the kernel-density grid while the heatmap is switched on; classifies it once per answer.
import { useEffect, useMemo, useState } from 'react';
import { fetchDensity, isAbort, type DensityResponse } from '../../api/client.ts';
import { densityCell, densityLayer, type DensityLayer } from './densityClasses.ts';

export interface DensityScope {
  gemeente: string;
  /** A wijkagent's wijk (null: the whole gemeente, analist). */
  wijk: string | null;
  category: string;
  from: string;
  to: string;
}

export function useDensity(scope: DensityScope, enabled: boolean) {
  const [data, setData] = useState<DensityResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const { gemeente, wijk, category, from, to } = scope;
  useEffect(() => {
    if (!enabled) {
      setData(null);
      setError(null);
      return;
    }
    const ac = new AbortController();
    setLoading(true);
    setError(null);
    fetchDensity({ gemeente, wijk, category, from, to, cell: densityCell(wijk) }, ac.signal).then(
      (d) => {
        setData(d);
        setLoading(false);
      },
      (e) => {
        if (isAbort(e)) return;
        setLoading(false);
        setData(null);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => ac.abort();
  }, [enabled, gemeente, wijk, category, from, to]);
  const layer: DensityLayer | null = useMemo(() => (data ? densityLayer(data) : null), [data]);
  return { data, layer, error, loading };
}
