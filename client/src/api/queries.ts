// Server state for React: one TanStack Query hook per answer. The key holds every parameter, so an answer is only
// ever shown for the question it answers; a question nobody watches any more is cancelled (the signal reaches
// fetch), and an answer asked again is served from the cache.
import { keepPreviousData, QueryClient, useQueries, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import {
  fetchAccounts,
  fetchAreas,
  fetchAudit,
  fetchImports,
  fetchCbsUpdateStatus,
  fetchAttentionAreas,
  fetchBenchmark,
  fetchBuurtNames,
  fetchEvaluation,
  fetchEvaluations,
  fetchCategories,
  fetchConfig,
  fetchContext,
  fetchCoverage,
  fetchDensity,
  fetchGemeenten,
  fetchHotspots,
  fetchIncidents,
  fetchMyWijk,
  fetchPresentation,
  fetchPresentations,
  fetchRanking,
  fetchSelections,
  fetchSeries,
  fetchSession,
  fetchSignals,
  fetchStats,
  fetchStreets,
  fetchSurvey,
  fetchSurveyIndicators,
  fetchTargetPlan,
  fetchSettings,
  fetchTargets,
  type AuditFilter,
  type BenchmarkQuery,
  type ClientConfig,
  type HotspotMethod,
  type MyWijkPeriod,
  type ScopedStatsResponse,
  type ScopeQuery,
  type SeriesQuery,
  type Session,
  type StatsQuery,
  type SurveyQuery,
} from './client.ts';
import type { AreaLevel } from '../lib/level.ts';
import { takeEarly } from './early.ts';

/** One client per signed-in user: answers depend on who asks, so a new session starts with an empty cache. */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The server answers errors deliberately (4xx with a reason); asking again would only delay the message.
        retry: false,
        refetchOnWindowFocus: false,
        staleTime: 5 * 60_000,
      },
    },
  });
}

/** Failed requests become Dutch text in one place (errorText.ts); the hooks' callers import it from here. */
export { errorText } from './errorText.ts';

type Privacy = 'presentatie' | undefined;

export const useSessionQuery = () =>
  useQuery({ queryKey: ['session'], queryFn: ({ queryKey, signal }) => takeEarly<Session>(queryKey) ?? fetchSession(signal), staleTime: 0 });
export const useConfigQuery = () =>
  useQuery({ queryKey: ['config'], queryFn: ({ queryKey, signal }) => takeEarly<ClientConfig>(queryKey) ?? fetchConfig(signal), staleTime: Infinity });
export const useGemeentenQuery = () => useQuery({ queryKey: ['gemeenten'], queryFn: ({ signal }) => fetchGemeenten(signal), staleTime: Infinity });
export const useCategoriesQuery = (view?: Privacy) =>
  useQuery({ queryKey: ['categories', view ?? null], queryFn: ({ signal }) => fetchCategories(signal, view), staleTime: Infinity });
export const useSurveyIndicatorsQuery = () => useQuery({ queryKey: ['survey-indicators'], queryFn: ({ signal }) => fetchSurveyIndicators(signal), staleTime: Infinity });

/** Geometry: once per gemeente for the whole session, never again on a filter change. */
export const useAreasQuery = (gemeente: string | null, view?: Privacy) =>
  useQuery({
    queryKey: ['areas', gemeente, view ?? null],
    queryFn: ({ signal }) => fetchAreas(gemeente ?? '', signal, view),
    enabled: gemeente !== null,
    staleTime: Infinity,
    gcTime: Infinity,
  });

/** The previous answer stays on the map while the next one loads (callers check that it fits the geometry). */
export const useStatsQuery = (q: StatsQuery | null) =>
  useQuery({
    queryKey: ['stats', q],
    queryFn: ({ queryKey, signal }) => takeEarly<ScopedStatsResponse>(queryKey) ?? fetchStats(q!, signal),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });

export const useSeriesQuery = (q: SeriesQuery | null) => useQuery({ queryKey: ['series', q], queryFn: ({ signal }) => fetchSeries(q!, signal), enabled: q !== null });
export const useSurveyQuery = (q: SurveyQuery | null) => useQuery({ queryKey: ['survey', q], queryFn: ({ signal }) => fetchSurvey(q!, signal), enabled: q !== null });
export const useContextQuery = (q: { gemeente: string; level: AreaLevel } | null) =>
  useQuery({ queryKey: ['context', q], queryFn: ({ signal }) => fetchContext(q!, signal), enabled: q !== null });
export const useTargetsQuery = (gemeente: string | null) =>
  useQuery({ queryKey: ['targets', gemeente], queryFn: ({ signal }) => fetchTargets(gemeente!, signal), enabled: gemeente !== null });
export const useCoverageQuery = (gemeente: string | null) =>
  useQuery({ queryKey: ['coverage', gemeente], queryFn: ({ signal }) => fetchCoverage(gemeente!, signal), enabled: gemeente !== null });
export const useBenchmarkQuery = (q: BenchmarkQuery | null) =>
  useQuery({ queryKey: ['benchmark', q], queryFn: ({ signal }) => fetchBenchmark(q!, signal), enabled: q !== null });
export const useHotspotsQuery = (q: (ScopeQuery & { method: HotspotMethod }) | null) =>
  useQuery({ queryKey: ['hotspots', q], queryFn: ({ signal }) => fetchHotspots(q!, signal), enabled: q !== null });
/** The previous ranking stays while new weights are ranked, so the sliders and the table do not jump. */
export const useRankingQuery = (q: (ScopeQuery & { weights?: string | null }) | null) =>
  useQuery({ queryKey: ['ranking', q], queryFn: ({ signal }) => fetchRanking(q!, signal), enabled: q !== null, placeholderData: keepPreviousData });
/** One series per area (the workbench's comparison cards). */
export const useSeriesQueries = (qs: SeriesQuery[]) =>
  useQueries({ queries: qs.map((q) => ({ queryKey: ['series', q], queryFn: ({ signal }: { signal: AbortSignal }) => fetchSeries(q, signal) })) });
export const useSelectionsQuery = (gemeente: string) =>
  useQuery({ queryKey: ['selections', gemeente], queryFn: ({ signal }) => fetchSelections(gemeente, signal) });
export const useAttentionAreasQuery = (gemeente: string | null) =>
  useQuery({ queryKey: ['attention-areas', gemeente], queryFn: ({ signal }) => fetchAttentionAreas(gemeente!, signal), enabled: gemeente !== null });
export const useDensityQuery = (q: Parameters<typeof fetchDensity>[0] | null) =>
  useQuery({ queryKey: ['density', q], queryFn: ({ signal }) => fetchDensity(q!, signal), enabled: q !== null });
export const useMyWijkQuery = (wijk: string, period: MyWijkPeriod = {}) =>
  useQuery({ queryKey: ['mijn-wijk', wijk, period], queryFn: ({ signal }) => fetchMyWijk(wijk, period, signal), placeholderData: keepPreviousData });
export const useStreetsQuery = (q: Parameters<typeof fetchStreets>[0]) => useQuery({ queryKey: ['streets', q], queryFn: ({ signal }) => fetchStreets(q, signal) });
export const usePresentationQuery = (id: number) =>
  useQuery({ queryKey: ['presentation', id], queryFn: ({ signal }) => fetchPresentation(id, signal), staleTime: Infinity });
export const usePresentationsQuery = () => useQuery({ queryKey: ['presentations'], queryFn: ({ signal }) => fetchPresentations(signal) });

export const useSignalsQuery = (q: Parameters<typeof fetchSignals>[0]) => useQuery({ queryKey: ['signals', q], queryFn: ({ signal }) => fetchSignals(q, signal) });
export const useEvaluationsQuery = (gemeente: string) => useQuery({ queryKey: ['evaluations', gemeente], queryFn: ({ signal }) => fetchEvaluations(gemeente, signal) });
export const useEvaluationQuery = (id: number | null) =>
  useQuery({ queryKey: ['evaluation', id], queryFn: ({ signal }) => fetchEvaluation(id!, signal), enabled: id !== null });
export const useBuurtNamesQuery = (q: Parameters<typeof fetchBuurtNames>[0]) => useQuery({ queryKey: ['buurt-names', q], queryFn: ({ signal }) => fetchBuurtNames(q, signal) });

/** After a change on the server: the answers under this key prefix are asked again. */
export function useInvalidate(): (key: QueryKey) => void {
  const client = useQueryClient();
  return useCallback((key: QueryKey) => void client.invalidateQueries({ queryKey: key }), [client]);
}

/** The beheerder's desk: fresh on every visit (another beheerder may have changed something). */
export const useTargetPlanQuery = (gemeente: string) =>
  useQuery({ queryKey: ['target-plan', gemeente], queryFn: ({ signal }) => fetchTargetPlan(gemeente, signal), staleTime: 0 });
export const useSettingsQuery = () => useQuery({ queryKey: ['settings'], queryFn: ({ signal }) => fetchSettings(signal), staleTime: 0 });
export const useAccountsQuery = () => useQuery({ queryKey: ['accounts'], queryFn: ({ signal }) => fetchAccounts(signal), staleTime: 0 });
export const useCbsUpdateQuery = () => useQuery({ queryKey: ['cbs-update'], queryFn: ({ signal }) => fetchCbsUpdateStatus(signal), staleTime: 0 });
export const useImportsQuery = () => useQuery({ queryKey: ['imports'], queryFn: ({ signal }) => fetchImports(signal), staleTime: 0 });
export const useAuditQuery = (filter: AuditFilter) =>
  useQuery({ queryKey: ['audit', filter], queryFn: ({ signal }) => fetchAudit(filter, signal), staleTime: 0, placeholderData: keepPreviousData });

export const useIncidentsQuery = (q: Parameters<typeof fetchIncidents>[0] | null) =>
  useQuery({ queryKey: ['incidents', q], queryFn: ({ signal }) => fetchIncidents(q!, signal), enabled: q !== null, placeholderData: keepPreviousData });
