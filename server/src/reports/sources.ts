// The figures a report shares with the API (targets, benchmark, Veiligheidsmonitor) come from the very
// same compute functions the routes answer with (server/src/compute/), so a report can never disagree
// with the screen or re-implement a rule. What the API refuses with a 400/404 (no totals for the
// gemeente, an unknown group) a report gets as "no figures" ([] or null) and says so in its text;
// anything unexpected is thrown, so it fails the report (500) instead of silently leaving a section out.
import type { Dataset } from '../store/dataset.ts';
import { loadBenchmarkGroups, loadSurveyIndicators, loadTargets } from '../store/planData.ts';
import { openSurveyWithPlan, type SurveyStore } from '../store/survey.ts';
import { computeTargets, type TargetOut } from '../compute/targets.ts';
import { benchmarkYears, computeBenchmark, type BenchmarkResponse } from '../compute/benchmark.ts';
import { computeSurvey, type SurveyResponse } from '../compute/survey.ts';
import type { BenchmarkFile } from '../domain/benchmark.ts';
import type { TargetsFile } from '../domain/targets.ts';
import type { SurveyIndicator } from '../domain/survey.ts';
import type { Level } from '../domain/model.ts';

export class ReportSources {
  private readonly indicators: SurveyIndicator[];
  private readonly survey: SurveyStore;
  private readonly targets: TargetsFile;
  private readonly groups: BenchmarkFile;

  /** Loads the plan files and opens the survey store once, as the routes do at start. */
  constructor(private readonly ds: Dataset) {
    this.indicators = loadSurveyIndicators();
    this.targets = loadTargets(this.indicators, (code) => ds.categories.has(code));
    this.survey = openSurveyWithPlan(ds, this.indicators);
    this.groups = loadBenchmarkGroups();
  }

  targetsOf(gemeente: string): TargetOut[] {
    if (!this.ds.gemeente(gemeente)) return [];
    return computeTargets(this.ds, this.targets, this.survey, gemeente);
  }

  /** The benchmark for `year`, or for the latest year before it when that year has no totals (else the
   * latest year); null when the gemeente has no totals at all or the group is unknown. */
  benchmarkOf(gemeente: string, group: string, year: number): BenchmarkResponse | null {
    const g = this.groups.groups.find((x) => x.id === group);
    if (!g || !this.ds.gemeente(gemeente)) return null;
    const years = benchmarkYears(this.ds, gemeente);
    const y = [...years].reverse().find((v) => v <= year) ?? years.at(-1);
    if (y === undefined) return null;
    return computeBenchmark(this.ds, this.groups, g, { gemeente, year: y });
  }

  surveyIndicators(): SurveyIndicator[] {
    return this.indicators;
  }

  /** The latest year's figures; null for an unknown gemeente or indicator. */
  surveyOf(gemeente: string, level: Level, indicator: string): SurveyResponse | null {
    const ind = this.indicators.find((i) => i.code === indicator);
    if (!ind || !this.ds.gemeente(gemeente)) return null;
    return computeSurvey(this.ds, this.survey, ind, { gemeente, level });
  }
}
