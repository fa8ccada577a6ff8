// The figures a report shares with the API (targets, benchmark, Veiligheidsmonitor) are taken from
// the very same route code, called in-process, so a report can never disagree with the screen or
// re-implement a rule (targets.ts computes actuals and status, benchmark.ts the group average).
import type { Dataset } from '../store/dataset.ts';
import { targetsRoutes, type TargetOut } from '../routes/targets.ts';
import { benchmarkRoutes, type BenchmarkResponse } from '../routes/benchmark.ts';
import { surveyRoutes, type SurveyResponse } from '../routes/survey.ts';
import type { SurveyIndicator } from '../domain/survey.ts';
import type { Level } from '../domain/model.ts';

type Fetcher = { request: (url: string) => Response | Promise<Response> };

async function getJson<T>(app: Fetcher, url: string): Promise<T | null> {
  const res = await app.request(url);
  if (!res.ok) return null;
  return (await res.json()) as T;
}

export class ReportSources {
  private readonly targets: Fetcher;
  private readonly benchmark: Fetcher;
  private readonly survey: Fetcher;

  constructor(ds: Dataset) {
    this.targets = targetsRoutes(ds);
    this.benchmark = benchmarkRoutes(ds);
    this.survey = surveyRoutes(ds);
  }

  async targetsOf(gemeente: string): Promise<TargetOut[]> {
    return (await getJson<TargetOut[]>(this.targets, `/targets?gemeente=${encodeURIComponent(gemeente)}`)) ?? [];
  }

  /** The benchmark for `year`, or for the latest year before it when that year has no totals. */
  async benchmarkOf(gemeente: string, group: string, year: number): Promise<BenchmarkResponse | null> {
    const base = `/benchmark?gemeente=${encodeURIComponent(gemeente)}&group=${encodeURIComponent(group)}`;
    const any = await getJson<BenchmarkResponse>(this.benchmark, base);
    if (!any) return null;
    const y = [...any.meta.years].reverse().find((v) => v <= year) ?? any.meta.years.at(-1);
    return y === undefined || y === any.meta.year ? any : getJson<BenchmarkResponse>(this.benchmark, `${base}&year=${y}`);
  }

  async surveyIndicators(): Promise<SurveyIndicator[]> {
    return (await getJson<SurveyIndicator[]>(this.survey, '/survey/indicators')) ?? [];
  }

  async surveyOf(gemeente: string, level: Level, indicator: string): Promise<SurveyResponse | null> {
    return getJson<SurveyResponse>(this.survey, `/survey?gemeente=${encodeURIComponent(gemeente)}&level=${level}&indicator=${encodeURIComponent(indicator)}`);
  }
}
