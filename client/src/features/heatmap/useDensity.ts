// The kernel-density grid while the heatmap is switched on; classified once per answer.
import { useMemo } from 'react';
import { errorText, useDensityQuery } from '../../api/queries.ts';
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
  const { gemeente, wijk, category, from, to } = scope;
  const query = useDensityQuery(enabled ? { gemeente, wijk, category, from, to, cell: densityCell(wijk) } : null);
  const data = enabled ? (query.data ?? null) : null;
  const layer: DensityLayer | null = useMemo(() => (data ? densityLayer(data) : null), [data]);
  return { data, layer, error: enabled && query.error ? errorText(query.error) : null, loading: enabled && query.isFetching };
}
