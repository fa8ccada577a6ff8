// Loads the editable data files in server/data (survey indicators, the plan's published values,
// targets, benchmark groups) and validates them with zod at start: a broken file stops the server
// with a message naming the file and the field.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { surveyIndicatorFileSchema, surveyPlanFileSchema, type SurveyIndicator, type SurveyPlanFile } from '../domain/survey.ts';
import { planProblems, targetsFileSchema, type TargetsFile } from '../domain/targets.ts';
import { benchmarkFileSchema, type BenchmarkFile } from '../domain/benchmark.ts';

export const SERVER_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

export function loadDataFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: cannot be read as JSON (${(e as Error).message})`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const lines = r.error.issues.slice(0, 10).map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`${file}: invalid\n${lines.join('\n')}`);
  }
  return r.data;
}

export const dataFile = (name: string) => path.join(SERVER_DATA_DIR, name);

export function loadSurveyIndicators(file = dataFile('survey-indicators.json')): SurveyIndicator[] {
  return loadDataFile(file, surveyIndicatorFileSchema).indicators;
}

export function loadSurveyPlan(indicators: SurveyIndicator[], file = dataFile('survey-maastricht-plan.json')): SurveyPlanFile {
  const plan = loadDataFile(file, surveyPlanFileSchema);
  const known = new Set(indicators.map((i) => i.code));
  const bad = plan.rows.find((r) => !known.has(r.indicator));
  if (bad) throw new Error(`${file}: rows: unknown indicator '${bad.indicator}' (see survey-indicators.json)`);
  return plan;
}

export function loadTargets(indicators: SurveyIndicator[], isCategory: (code: string) => boolean, file = dataFile('targets.json')): TargetsFile {
  const t = loadDataFile(file, targetsFileSchema);
  const known = new Set(indicators.map((i) => i.code));
  for (const p of t.plans) {
    const problem = planProblems(p, known, isCategory)[0];
    if (problem) throw new Error(`${file}: ${p.gemeente} ${problem.path}: ${problem.message}`);
  }
  return t;
}

export function loadBenchmarkGroups(file = dataFile('benchmark-groups.json')): BenchmarkFile {
  return loadDataFile(file, benchmarkFileSchema);
}
