// The attention areas of a gemeente, reloaded after a change; none (and no request) for null (the country view).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { fetchAttentionAreas, isAbort, type AttentionArea } from '../../api/client.ts';

export function useAttentionAreas(gemeente: string | null): { areas: AttentionArea[]; error: string | null; reload: () => void } {
  const [areas, setAreas] = useState<AttentionArea[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    if (gemeente === null) {
      setAreas([]);
      setError(null);
      return;
    }
    const ac = new AbortController();
    fetchAttentionAreas(gemeente, ac.signal).then(
      (list) => {
        setAreas(list);
        setError(null);
      },
      (e) => !isAbort(e) && setError(`Aandachtsgebieden konden niet worden geladen: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => ac.abort();
  }, [gemeente, revision]);
  const reload = useCallback(() => setRevision((r) => r + 1), []);
  // Memoised: a fresh array on every render made the App's map effect redraw the attention overlay (a setData and a
  // whole extra map frame, seconds at NL in software rendering) on every unrelated change, e.g. a measure change.
  const own = useMemo(() => areas.filter((a) => a.gemeente === gemeente), [areas, gemeente]);
  return { areas: own, error, reload };
}
