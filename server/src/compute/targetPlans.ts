// Which plan a gemeente's targets come from: the newest version a beheerder saved in the browser, else
// the plan shipped in server/data/targets.json (so a fresh installation shows Maastricht's plan and a
// new plan needs no file edit). The route and the reports read through here on every request, so a
// saved plan shows on the Doelen page and in the next report without a restart.
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import { loadSurveyIndicators, loadTargets } from '../store/planData.ts';
import type { StoredVersion, VersionStore } from '../store/versions.ts';
import { planContentSchema, planProblems, type Plan, type PlanContent, type TargetsFile } from '../domain/targets.ts';
import type { SurveyIndicator } from '../domain/survey.ts';
import { ApiError } from './errors.ts';

/** One saved version of a plan, as the beheerder's history lists it. */
export interface PlanVersion {
  id: number;
  savedBy: string | null;
  savedAt: string;
  plan: PlanContent;
}

export interface PlanAnswer {
  gemeente: string;
  /** null: the gemeente has no plan yet. */
  plan: PlanContent | null;
  /** 'browser': saved here (the newest of `history`); 'file': the plan shipped with the application. */
  origin: 'browser' | 'file' | null;
  history: PlanVersion[];
}

const keyOf = (gemeente: string) => `targets:${gemeente}`;

export class TargetPlans {
  readonly indicators: SurveyIndicator[];
  private readonly shipped: TargetsFile;
  private readonly known: Set<string>;

  constructor(private readonly ds: Dataset, private readonly versions: VersionStore = ds.store.features().versions) {
    this.indicators = loadSurveyIndicators();
    this.shipped = loadTargets(this.indicators, (code) => ds.categories.has(code));
    this.known = new Set(this.indicators.map((i) => i.code));
  }

  /** The plan that applies to `gemeente` now (undefined: none). */
  plan(gemeente: string): Plan | undefined {
    const saved = this.versions.latest(keyOf(gemeente));
    if (saved) return { gemeente, ...this.read(saved) };
    return this.shipped.plans.find((p) => p.gemeente === gemeente);
  }

  answer(gemeente: string): PlanAnswer {
    const history = this.versions.history(keyOf(gemeente)).map((v) => ({ id: v.id, savedBy: v.savedBy, savedAt: v.savedAt, plan: this.read(v) }));
    const plan = this.plan(gemeente);
    const content = plan ? { bron: plan.bron, indicators: plan.indicators } : null;
    return { gemeente, plan: content, origin: history.length ? 'browser' : plan ? 'file' : null, history };
  }

  /**
   * Validates `input` like targets.json is validated at start (schema, then references and duplicates)
   * and stores it as the gemeente's new version. 400 naming the first problem's place otherwise.
   */
  save(gemeente: string, input: unknown, savedBy: string): PlanVersion {
    const parsed = planContentSchema.safeParse(input, { error: z.locales.nl().localeError });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const at = issue.path.map(String).join('.');
      throw new ApiError(400, `${at ? `${at}: ` : ''}${issue.message}`, at || 'body');
    }
    const problem = planProblems(parsed.data, this.known, (code) => this.ds.categories.has(code))[0];
    if (problem) throw new ApiError(400, `${problem.path}: ${problem.message}`, problem.path);
    const v = this.versions.save(keyOf(gemeente), parsed.data, savedBy);
    return { id: v.id, savedBy: v.savedBy, savedAt: v.savedAt, plan: parsed.data };
  }

  /** A stored version through the same schema (defaults filled in); one saved under an older schema
   * that no longer passes is an error to see, not a plan to guess at. */
  private read(v: StoredVersion): PlanContent {
    const r = planContentSchema.safeParse(v.value);
    if (!r.success) throw new Error(`targets version ${v.id} (${v.key}) no longer matches the plan schema: ${r.error.issues[0].message}`);
    return r.data;
  }
}
