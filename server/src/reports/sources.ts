// The figures a report shares with the API (targets, benchmark, Veiligheidsmonitor) come from the very
// same compute functions the routes answer with (server/src/compute/), so a report can never disagree
// with the screen or re-implement a rule. What the API refuses with a 400/404 (no totals for the
// gemeente, an unknown group) a report gets as "no figures" ([] or null) and says so in its text;
// anything unexpected is thrown, so it fails the report (500) instead of silently leaving a section out.
import type { Dataset } from '../store/dataset.ts';
import { loadBenchmarkGroups } from '../store/planData.ts';
import type { SurveyStore } from '../store/survey.ts';
import { computeTargets, type TargetOut } from '../compute/targets.ts';
import { TargetPlans } from '../compute/targetPlans.ts';
import { benchmarkYears, computeBenchmark, groupFor, type BenchmarkResponse } from '../compute/benchmark.ts';
import { computeSurvey, type SurveyResponse } from '../compute/survey.ts';
import type { BenchmarkFile } from '../domain/benchmark.ts';
import type { SurveyIndicator } from '../domain/survey.ts';
import type { Level } from '../domain/model.ts';

/** The last calendar year that has ended within a period ending in `lastMonth` (YYYY-MM): a report
 * shows no yearly measurement after it. */
export function lastCompleteYear(lastMonth: string): number {
  const year = Number(lastMonth.slice(0, 4));
  return lastMonth.endsWith('-12') ? year : year - 1;
}

export class ReportSources {
  private readonly indicators: SurveyIndicator[];
  private readonly survey: SurveyStore;
  private readonly plans: TargetPlans;
  private readonly groups: BenchmarkFile;

  /** Loads the plan files and opens the survey store once, as the routes do at start; the targets are
   * read per report, so a plan saved in the browser is in the next one. */
  constructor(private readonly ds: Dataset) {
    this.plans = new TargetPlans(ds);
    this.indicators = this.plans.indicators;
    this.survey = ds.store.features().survey;
    this.groups = loadBenchmarkGroups();
  }

  /** The targets as they stood after a report's period ending in `lastMonth` (YYYY-MM): only
   * measurements of calendar years that ended within the period, judged as in the year after. */
  targetsOf(gemeente: string, lastMonth: string): TargetOut[] {
    if (!this.ds.gemeente(gemeente)) return [];
    const until = lastCompleteYear(lastMonth);
    return computeTargets(this.ds, this.plans.plan(gemeente), this.survey, gemeente, { until, now: until + 1 }, this.indicators);
  }

  /** The benchmark for `year`, or for the latest year before it when that year has no totals (else the
   * latest year); null when the gemeente has no totals at all or the group is unknown. */
  benchmarkOf(gemeente: string, group: string | null, year: number): BenchmarkResponse | null {
    if (!this.ds.gemeente(gemeente)) return null;
    // null: the group the gemeente opens on (its own plan's, its G40, else similar size).
    const g = groupFor(this.ds, this.groups, gemeente, group ?? undefined);
    if (!g) return null;
    const years = benchmarkYears(this.ds, gemeente);
    const y = [...years].reverse().find((v) => v <= year) ?? years.at(-1);
    if (y === undefined) return null;
    return computeBenchmark(this.ds, this.groups, g, { gemeente, year: y });
  }

  /** The survey indicators the gemeente's plan has targets for (empty without a plan). */
  planSurveyIndicators(gemeente: string): Set<string> {
    const plan = this.plans.plan(gemeente);
    return new Set(plan?.indicators.flatMap((i) => (i.compute.kind === 'survey' ? [i.compute.indicator] : [])) ?? []);
  }

  surveyIndicators(): SurveyIndicator[] {
    return this.indicators;
  }

  /** The latest year's figures (the latest up to `until` when given); null for an unknown gemeente or
   * indicator, or when nothing was measured up to `until`. */
  surveyOf(gemeente: string, level: Level, indicator: string, until?: number): SurveyResponse | null {
    const ind = this.indicators.find((i) => i.code === indicator);
    if (!ind || !this.ds.gemeente(gemeente)) return null;
    if (until === undefined) return computeSurvey(this.ds, this.survey, ind, { gemeente, level });
    const years = this.survey.rows({ gemeente, indicator, level: 'gemeente' }).filter((r) => !r.demo && r.year <= until).map((r) => r.year);
    if (years.length === 0) return null;
    return computeSurvey(this.ds, this.survey, ind, { gemeente, level, year: Math.max(...years) });
  }
}
