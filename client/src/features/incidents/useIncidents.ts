// Registrations as points while the layer is switched on, coloured by main group once per answer.
import { useMemo } from 'react';
import type { Category } from '../../api/client.ts';
import { errorText, useIncidentsQuery } from '../../api/queries.ts';
import { groupIncidents } from './incidentGroups.ts';
import { ApiRequestError } from '../../api/client.ts';

export interface IncidentScope {
  gemeente: string;
  /** A wijkagent's wijk (null: the whole gemeente for an analist; the server picks a wijkagent's own wijken). */
  wijk: string | null;
  category: string;
  from: string;
  to: string;
}

export function useIncidents(scope: IncidentScope, enabled: boolean, categories: Category[]) {
  const { gemeente, wijk, category, from, to } = scope;
  const query = useIncidentsQuery(enabled ? { gemeente, wijk, category, from, to } : null);
  const data = enabled ? (query.data ?? null) : null;
  const grouped = useMemo(() => (data ? groupIncidents(data, categories) : null), [data, categories]);
  const tooMany = query.error instanceof ApiRequestError && query.error.status === 413;
  const error = !enabled || !query.error ? null : tooMany ? 'Te veel registraties om als punten te tonen: kies een kortere periode, een soort of een wijk.' : errorText(query.error);
  return { data, groups: grouped?.groups ?? [], points: grouped?.points ?? null, error, loading: enabled && query.isFetching };
}
