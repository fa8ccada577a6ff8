// The hotspot analysis for the current scope while the layer is on; one request per scope and method.
import { useEffect, useMemo } from 'react';
import type { HotspotsResponse, ScopeQuery } from '../../api/client.ts';
import { errorText, useHotspotsQuery } from '../../api/queries.ts';
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
  const { gemeente, level, category, from, to } = scope;
  const query = useHotspotsQuery(method ? { gemeente, level, category, from, to, method } : null);
  const data = method ? (query.data ?? null) : null;
  const failed = method !== null && query.error !== null;

  useEffect(() => {
    if (!data) return;
    const hot = data.rows.filter((x) => x.class.startsWith('hot')).length;
    const cold = data.rows.filter((x) => x.class.startsWith('cold')).length;
    announce?.(
      `Hotspots (${METHOD_NAMES[data.meta.method]}): ${formatNumber(hot)} hotspot${hot === 1 ? '' : 's'} en ${formatNumber(cold)} koude plek${cold === 1 ? '' : 'ken'} van ${formatNumber(data.rows.length)} ${data.meta.level === 'buurt' ? 'buurten' : 'wijken'}.`,
    );
  }, [data, announce]);
  useEffect(() => {
    if (failed) announce?.('Hotspots konden niet worden berekend.');
  }, [failed, announce]);

  const classes = useMemo(() => (data ? new Map(data.rows.map((r) => [r.code, r.class as HotspotClassKey])) : null), [data]);
  return {
    data,
    error: method && query.error ? `Hotspots konden niet worden berekend. ${errorText(query.error)}` : null,
    loading: method !== null && query.isFetching,
    classes,
  };
}
