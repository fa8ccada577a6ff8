// Fetches the hotspot analysis for the current scope while the layer is on; one request per scope and method.
import { useEffect, useMemo, useState } from 'react';
import { fetchHotspots, isAbort, type HotspotsResponse, type ScopeQuery } from '../../api/client.ts';
import type { HotspotClassKey } from '../../lib/overlayStyles.ts';
import { METHOD_NAMES } from '../../lib/hotspotWords.ts';
import { formatNumber } from '../../lib/format.ts';

export interface HotspotsState {
  data: HotspotsResponse | null;
  error: string | null;
  loading: boolean;
  /** Class per area code of the current response; null when the layer is off or not loaded. */
  classes: Map<string, HotspotClassKey> | null;
}

export function useHotspots(scope: ScopeQuery, method: 'gistar' | 'lisa' | null, announce?: (message: string) => void): HotspotsState {
  const [data, setData] = useState<HotspotsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const { gemeente, level, category, from, to } = scope;

  useEffect(() => {
    if (!method) {
      setData(null);
      setError(null);
      return;
    }
    const ac = new AbortController();
    setLoading(true);
    fetchHotspots({ gemeente, level, category, from, to, method }, ac.signal).then(
      (r) => {
        setData(r);
        setError(null);
        setLoading(false);
        const hot = r.rows.filter((x) => x.class.startsWith('hot')).length;
        const cold = r.rows.filter((x) => x.class.startsWith('cold')).length;
        announce?.(
          `Hotspots (${METHOD_NAMES[r.meta.method]}): ${formatNumber(hot)} hotspot${hot === 1 ? '' : 's'} en ${formatNumber(cold)} koude plek${cold === 1 ? '' : 'ken'} van ${formatNumber(r.rows.length)} ${level === 'buurt' ? 'buurten' : 'wijken'}.`,
        );
      },
      (e) => {
        if (isAbort(e)) return;
        setLoading(false);
        setError(`Hotspots konden niet worden berekend: ${e instanceof Error ? e.message : String(e)}`);
        announce?.('Hotspots konden niet worden berekend.');
      },
    );
    return () => ac.abort();
    // announce is a state setter-like callback; a new identity must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gemeente, level, category, from, to, method]);

  const current = data && method && data.meta.gemeente === gemeente && data.meta.level === level && data.meta.method === method ? data : null;
  const classes = useMemo(() => (current ? new Map(current.rows.map((r) => [r.code, r.class as HotspotClassKey])) : null), [current]);
  return { data: current, error: method ? error : null, loading, classes };
}
