// DEMO Veiligheidsmonitor figures below gemeente level. No open data exists per wijk or buurt, so
// values are generated, deterministically, around a REAL gemeente value: a stable per-buurt
// deviation (seeded by buurt + indicator) plus a small yearly wobble (seeded by buurt + indicator +
// year), re-centred so the inhabitant-weighted mean of the buurten equals the gemeente value.
// Respondents follow the plan's sampling (about 4,000 for the city: ~3.2% of inhabitants), so small
// buurten get few respondents and wide intervals; wijk figures are the weighted mean of their buurten.
// Pure: never imports hono or the store.
import { gaussian, hashSeed, mulberry32 } from './random.ts';
import { unitRange, type SurveyIndicator } from './survey.ts';

export interface DemoArea {
  code: string;
  naam: string;
  inwoners: number | null;
  /** For buurten: the wijk they belong to. */
  wijkcode?: string;
}

export interface DemoFigure {
  code: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  respondents: number;
}

/** Share of inhabitants that responds (plan, bijlage 2: 4,000 respondents in a city of ~122,000). */
export const RESPONSE_SHARE = 0.032;
/** Below this many respondents no figure is published at all. */
export const MIN_RESPONDENTS = 10;

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));
const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function respondentsOf(code: string, inwoners: number | null): number {
  if (!inwoners || inwoners <= 0) return 0;
  const r = mulberry32(hashSeed(`${code}:respondenten`));
  return Math.max(0, Math.round(inwoners * RESPONSE_SHARE * (0.8 + 0.4 * r())));
}

function interval(ind: SurveyIndicator, value: number, n: number): [number, number] {
  const [lo, hi] = unitRange(ind.unit);
  // Design effect 1.3 for the clustered sample; rapportcijfer sd about 1.5 points.
  const se = ind.unit === 'percentage'
    ? Math.sqrt(Math.max(value * (100 - value), 1) / n) * Math.sqrt(1.3)
    : (1.5 / Math.sqrt(n)) * Math.sqrt(1.3);
  return [round1(clamp(value - 1.96 * se, lo, hi)), round1(clamp(value + 1.96 * se, lo, hi))];
}

/** Demo figures for the buurten of one gemeente, for one indicator and year. */
export function demoBuurten(ind: SurveyIndicator, year: number, gemeenteValue: number, buurten: DemoArea[]): DemoFigure[] {
  const [lo, hi] = unitRange(ind.unit);
  const pct = ind.unit === 'percentage';
  // Raw deviation on a scale where clamping is natural: log-odds for shares, points for a grade.
  const dev = buurten.map((b) => {
    const stable = gaussian(mulberry32(hashSeed(`${b.code}:${ind.code}`)));
    const wobble = gaussian(mulberry32(hashSeed(`${b.code}:${ind.code}:${year}`)));
    return pct ? 0.45 * stable + 0.12 * wobble : 0.35 * stable + 0.1 * wobble;
  });
  const weights = buurten.map((b) => Math.max(b.inwoners ?? 0, 0));
  const totalW = weights.reduce((s, w) => s + w, 0);
  const p0 = clamp(pct ? gemeenteValue / 100 : gemeenteValue, pct ? 0.001 : lo, pct ? 0.999 : hi);
  const valueAt = (shift: number, i: number) =>
    pct ? 100 * expit(logit(p0) + shift + dev[i]) : clamp(p0 + shift + dev[i], lo, hi);
  const meanAt = (shift: number) =>
    totalW > 0 ? buurten.reduce((s, _, i) => s + weights[i] * valueAt(shift, i), 0) / totalW : gemeenteValue;
  // Re-centre: find the shift that makes the weighted mean equal the gemeente value (monotone: bisection).
  let a = -5;
  let b = 5;
  for (let k = 0; k < 60; k++) {
    const m = (a + b) / 2;
    if (meanAt(m) < gemeenteValue) a = m;
    else b = m;
  }
  const shift = (a + b) / 2;
  return buurten.map((bu, i) => {
    const n = respondentsOf(bu.code, bu.inwoners);
    if (n < MIN_RESPONDENTS) return { code: bu.code, value: null, lower: null, upper: null, respondents: n };
    const value = round1(clamp(valueAt(shift, i), lo, hi));
    const [l, u] = interval(ind, value, n);
    return { code: bu.code, value, lower: Math.min(l, value), upper: Math.max(u, value), respondents: n };
  });
}

/** Wijk figures as the respondent-weighted mean of their demo buurten (consistent across levels). */
export function demoWijken(ind: SurveyIndicator, buurtFigures: DemoFigure[], buurten: DemoArea[], wijken: DemoArea[]): DemoFigure[] {
  const byCode = new Map(buurtFigures.map((f) => [f.code, f]));
  return wijken.map((w) => {
    const parts = buurten.filter((b) => b.wijkcode === w.code).map((b) => byCode.get(b.code)).filter((f): f is DemoFigure => !!f && f.value !== null);
    const n = parts.reduce((s, f) => s + f.respondents, 0);
    if (n < MIN_RESPONDENTS) return { code: w.code, value: null, lower: null, upper: null, respondents: n };
    const value = round1(parts.reduce((s, f) => s + f.respondents * f.value!, 0) / n);
    const [l, u] = interval(ind, value, n);
    return { code: w.code, value, lower: Math.min(l, value), upper: Math.max(u, value), respondents: n };
  });
}
