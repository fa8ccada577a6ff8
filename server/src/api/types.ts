// The API's answer and request types in one module: the client imports its types from here (never
// from routes/ or store/), so a renamed field on the server breaks the client's typecheck.
export type { ApiError, AreaFlag, Category, ClientConfig, Gemeente, Level, MapLevel, Measure, SeriesPoint, SeriesResponse, StatsMeta, StatsResponse, StatsRow } from '../domain/model.ts';
export type { EmergingTrend, HotspotMeasure, HotspotMethod, HotspotRow } from '../domain/hotspots.ts';
export type { SurveyIndicator } from '../domain/survey.ts';
export type { StatsAnswer } from '../compute/stats.ts';
export type { HotspotMeta, HotspotsResponse } from '../compute/hotspots.ts';
export type { RankingResponse } from '../compute/ranking.ts';
export type { AttentionAreaSummary } from '../compute/attentionAreas.ts';
export type { ContextKey, ContextResponse, ContextValues } from '../compute/context.ts';
export type { PresentationOut } from '../compute/presentations.ts';
export type { SurveyFlag, SurveyResponse, SurveyRowOut } from '../compute/survey.ts';
export type { TargetOut } from '../compute/targets.ts';
export type { PlanAnswer, PlanVersion } from '../compute/targetPlans.ts';
export type { LiveValues, SettingsAnswer } from '../compute/settings.ts';
export type { Basemap } from '../domain/basemap.ts';
export type { Operator, PlanContent, TargetIndicator } from '../domain/targets.ts';
export type { BenchmarkResponse, BenchmarkRow } from '../compute/benchmark.ts';
export type { CoverageResponse, CoverageStatus } from '../compute/coverage.ts';
export type { Selection } from '../store/selections.ts';
export type { AttentionArea, AttentionKind } from '../store/attentionAreas.ts';
export type { PresentationLayer, PresentationView } from '../store/presentations.ts';
export type { AuditEntry } from '../store/users.ts';
export type { ImportHistory, ImportHistoryRow, UndoAnswer } from '../compute/imports.ts';
export type { CbsTableAnswer, CbsUpdateAnswer, CbsUpdateStatus } from '../cbs/updater.ts';
