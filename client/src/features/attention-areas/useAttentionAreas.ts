// The attention areas of a gemeente, asked again after a change; none (and no request) for null (the country view).
import { useCallback, useMemo } from 'react';
import type { AttentionArea } from '../../api/client.ts';
import { errorText, useAttentionAreasQuery, useInvalidate } from '../../api/queries.ts';

const NONE: AttentionArea[] = [];

export function useAttentionAreas(gemeente: string | null): { areas: AttentionArea[]; error: string | null; reload: () => void } {
  const query = useAttentionAreasQuery(gemeente);
  const invalidate = useInvalidate();
  const reload = useCallback(() => invalidate(['attention-areas']), [invalidate]);
  const data = gemeente === null ? NONE : (query.data ?? NONE);
  // Memoised: a fresh array on every render would redraw the attention overlay (a setData and a whole extra map
  // frame, seconds at NL in software rendering) on every unrelated change, e.g. a measure change.
  const own = useMemo(() => data.filter((a) => a.gemeente === gemeente), [data, gemeente]);
  const error = query.error ? `Aandachtsgebieden konden niet worden geladen. ${errorText(query.error)}` : null;
  return { areas: own, error, reload };
}
