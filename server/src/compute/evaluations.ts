// Effect evaluations: turning a request into a stored definition (treated buurten from codes or an
// attention area) and a stored definition into its answer (effect, series, placebo, displacement,
// one Dutch sentence), for GET /api/evaluations/:id and the quarterly report.
import type { Dataset } from '../store/dataset.ts';
import type { AreaGeometry } from '../store/geometry.ts';
import type { AttentionAreaStore } from '../store/attentionAreas.ts';
import type { EvaluationInput, EvaluationStore, StoredEvaluation } from '../store/evaluations.ts';
import { evaluateEffect, EVALUATION_DEFAULTS, groupSeries, type EffectResult, type EvalSeries } from '../domain/evaluation.ts';
import { shiftMonth } from '../domain/months.ts';
import { hashSeed } from '../domain/random.ts';
import { monthlyCounts, typesOfCategories } from './monthlyCounts.ts';
import { ApiError } from './errors.ts';
import { periodLabel, registrationsOf } from './wording.ts';

/** Below this many months before or after the start the estimate is not given. */
export const MIN_PRE_MONTHS = 12;
export const MIN_POST_MONTHS = 3;

export const EVALUATION_METHOD_TEXT =
  'Verschil-in-verschillen: de verandering in de aanpakbuurten (na de start tegenover de periode ervoor) is vergeleken met de ' +
  'verandering in vergelijkbare buurten van dezelfde gemeente zonder aanpak. Die vergelijkingsbuurten zijn gekozen omdat ze vóór ' +
  'de start een vergelijkbaar niveau en een vergelijkbare trend hadden; buurten die direct aan een aanpakbuurt grenzen doen niet ' +
  'mee, omdat criminaliteit zich naar de buren kan verplaatsen. De onzekerheid komt uit een placebotoets: dezelfde berekening is ' +
  'honderden keren herhaald met willekeurige groepen buurten zonder aanpak, om te zien hoe groot verschillen door toeval zijn.';

export interface EvaluationRequest {
  name: string;
  codes?: string[];
  attentionAreaId?: number;
  start: string;
  categories: string[];
  preMonths: number;
  postMonths: number;
}

/**
 * Checks a request against the data and resolves its treated buurten (wijk codes become their buurten).
 * `attentionAreas` answers only the areas the requester may see.
 */
export function prepareEvaluation(ds: Dataset, attentionAreas: Pick<AttentionAreaStore, 'get'>, req: EvaluationRequest): EvaluationInput {
  const fail = (error: string, parameter: string, status: 400 | 404 = 400) => {
    throw new ApiError(status, error, parameter);
  };
  for (const [i, c] of req.categories.entries()) if (!ds.categories.has(c)) return fail(`categories.${i}: unknown category '${c}' (see /api/categories)`, 'categories');
  try {
    typesOfCategories(ds, req.categories);
  } catch {
    return fail('categories: crime categories and nuisance cannot be evaluated together', 'categories');
  }
  let codes: string[];
  let attentionAreaId: number | null = null;
  if (req.attentionAreaId !== undefined) {
    const area = attentionAreas.get(req.attentionAreaId);
    if (!area) return fail(`attentionAreaId: attention area ${req.attentionAreaId} does not exist`, 'attentionAreaId', 404);
    codes = area.codes;
    attentionAreaId = area.id;
  } else codes = req.codes ?? [];
  const buurten = new Set<string>();
  let gemeente: string | null = null;
  for (const [i, code] of codes.entries()) {
    const a = ds.area(code);
    if (!a || a.level === 'gemeente') return fail(`codes.${i}: ${code} is not a buurt or wijk in the data`, 'codes');
    if (gemeente && a.gemeentecode !== gemeente) return fail(`codes.${i}: ${code} is not in ${gemeente}; an evaluation covers one gemeente`, 'codes');
    gemeente = a.gemeentecode;
    if (a.level === 'buurt') buurten.add(a.code);
    else for (const b of ds.areas(a.gemeentecode, 'buurt')) if (b.wijkcode === a.code) buurten.add(b.code);
  }
  if (!gemeente || buurten.size === 0) return fail('codes: must list at least one buurt or wijk', 'codes');
  const months = ds.months(gemeente);
  if (req.start <= months[0] || req.start > months[months.length - 1]) return fail(`start: ${req.start} is outside the data (${shiftMonth(months[0], 1)} … ${months[months.length - 1]})`, 'start');
  return { name: req.name, gemeente, codes: [...buurten].sort(), attentionAreaId, start: req.start, categories: [...new Set(req.categories)], preMonths: req.preMonths, postMonths: req.postMonths };
}

export interface EffectSummary {
  estimatePct: number;
  lower: number;
  upper: number;
  p: number;
}

export interface SeriesPoint {
  month: string;
  period: 'voor' | 'na';
  count: number;
}

export interface EvaluationAnswer {
  meta: {
    id: number;
    name: string;
    gemeente: string;
    attentionAreaId: number | null;
    start: string;
    categories: string[];
    categoryNamen: string[];
    preMonths: number;
    postMonths: number;
    preFrom: string;
    preTo: string;
    postFrom: string;
    postTo: string;
    method: 'differenceInDifferences';
    methodText: string;
    alpha: number;
    demo: boolean;
    createdBy: string | null;
    shared: boolean;
    createdAt: string;
  };
  effect: EffectSummary | null;
  treated: { codes: string[]; series: SeriesPoint[] };
  control: { codes: string[]; weights: number[]; series: SeriesPoint[] };
  placebo: (EffectResult['placebo'] & { method: string }) | null;
  displacement: { codes: string[]; effect: EffectSummary | null; sentence: string };
  sentence: string;
  notes: string[];
}

const nlPct = (x: number) => `${Math.abs(x).toLocaleString('nl-NL', { maximumFractionDigits: 0 })}%`;
const nlP = (p: number) => (p < 0.001 ? 'p < 0,001' : `p = ${p.toLocaleString('nl-NL', { maximumFractionDigits: 3 })}`);
const change = (x: number) => (x < 0 ? `${nlPct(x)} daling` : `${nlPct(x)} stijging`);

/** One Dutch sentence with the estimate and its uncertainty; `who` = 'de aanpakbuurten' or 'de buurbuurten'. */
export function effectSentence(e: EffectSummary | null, who: string, what: string, alpha: number, reason: string | null): string {
  if (!e) return `Voor ${who} is geen schatting te geven: ${reason ?? 'de gegevens zijn onvoldoende'}.`;
  const interval = `(95%-interval: van ${change(e.lower)} tot ${change(e.upper)}; ${nlP(e.p)})`;
  const direction = e.estimatePct < 0 ? 'lager' : 'hoger';
  if (e.p <= alpha) {
    return `In ${who} lag het aantal ${what} na de start naar schatting ${nlPct(e.estimatePct)} ${direction} dan op grond van vergelijkbare buurten te verwachten was ${interval}. Een verschil van deze omvang komt zonder aanpak zelden voor.`;
  }
  return `In ${who} lag het aantal ${what} na de start naar schatting ${nlPct(e.estimatePct)} ${direction} dan in vergelijkbare buurten ${interval}, maar zo'n verschil komt ook zonder aanpak regelmatig voor: er is geen aantoonbaar effect.`;
}

const REASONS: Record<string, string> = {
  tooFewControls: 'er zijn te weinig vergelijkbare buurten zonder aanpak (minstens 5 nodig, buurbuurten niet meegeteld)',
  emptyPre: 'vóór de start waren er in deze buurten geen registraties',
  tooFewMonths: `er zijn minstens ${MIN_PRE_MONTHS} maanden vóór en ${MIN_POST_MONTHS} maanden na de start nodig`,
  outsideData: 'de gekozen periode valt (deels) buiten de beschikbare maandcijfers',
  noTreated: 'voor geen van de aanpakbuurten zijn alle maanden bekend',
  noNeighbours: 'de aanpakbuurten hebben geen buurbuurten zonder aanpak',
};

const summary = (r: EffectResult): EffectSummary => ({ estimatePct: r.estimatePct, lower: r.lower, upper: r.upper, p: r.p });

/** The answer of a stored evaluation, from the registrations as they are now. */
export function evaluationAnswer(ds: Dataset, geometry: AreaGeometry, stores: { evaluations: EvaluationStore; attentionAreas: AttentionAreaStore }, ev: StoredEvaluation): EvaluationAnswer {
  const preFrom = shiftMonth(ev.start, -ev.preMonths);
  const preTo = shiftMonth(ev.start, -1);
  const postTo = shiftMonth(ev.start, ev.postMonths - 1);
  const data = monthlyCounts(ds, ev.gemeente, 'buurt', ev.categories);
  const m0 = data.months.indexOf(preFrom);
  const m1 = data.months.indexOf(postTo);
  const notes: string[] = [];
  const what = ev.categories.length === 1 ? registrationsOf(ds.categories.naam(ev.categories[0]), ev.categories[0]) : 'registraties in de gekozen categorieën';
  const treatedCodes = new Set(ev.codes);
  const graph = geometry.neighbours(ev.gemeente, 'buurt');
  const neighbourCodes = new Set<string>();
  graph.codes.forEach((code, i) => {
    if (!treatedCodes.has(code)) return;
    for (const j of graph.lists[i]) if (!treatedCodes.has(graph.codes[j])) neighbourCodes.add(graph.codes[j]);
  });
  const meta: EvaluationAnswer['meta'] = {
    id: ev.id,
    name: ev.name,
    gemeente: ev.gemeente,
    attentionAreaId: ev.attentionAreaId,
    start: ev.start,
    categories: ev.categories,
    categoryNamen: ev.categories.map((c) => ds.categories.naam(c)),
    preMonths: ev.preMonths,
    postMonths: ev.postMonths,
    preFrom,
    preTo,
    postFrom: ev.start,
    postTo,
    method: 'differenceInDifferences',
    methodText: EVALUATION_METHOD_TEXT,
    alpha: EVALUATION_DEFAULTS.alpha,
    demo: false,
    createdBy: ev.createdBy,
    shared: ev.shared,
    createdAt: ev.createdAt,
  };
  const noAnswer = (reason: string): EvaluationAnswer => ({
    meta,
    effect: null,
    treated: { codes: ev.codes, series: [] },
    control: { codes: [], weights: [], series: [] },
    placebo: null,
    displacement: { codes: [...neighbourCodes].sort(), effect: null, sentence: effectSentence(null, 'de buurbuurten', what, meta.alpha, REASONS[reason]) },
    sentence: effectSentence(null, 'de aanpakbuurten', what, meta.alpha, REASONS[reason]),
    notes: [...notes, `Geen schatting: ${REASONS[reason]}.`],
  });
  if (ev.preMonths < MIN_PRE_MONTHS || ev.postMonths < MIN_POST_MONTHS) return noAnswer('tooFewMonths');
  if (m0 < 0 || m1 < 0) {
    notes.push(`Beschikbare maandcijfers: ${periodLabel(data.months[0], data.months[data.months.length - 1])}; gevraagd: ${periodLabel(preFrom, postTo)}.`);
    return noAnswer('outsideData');
  }
  const complete = (a: (typeof data.areas)[number]) => a.counts.slice(m0, m1 + 1).every((c) => c !== null);
  const toSeries = (a: (typeof data.areas)[number]): EvalSeries => ({ code: a.code, counts: a.counts.slice(m0, m1 + 1) as number[] });
  const treatedAreas = data.areas.filter((a) => treatedCodes.has(a.code));
  const usableTreated = treatedAreas.filter(complete);
  if (usableTreated.length < treatedAreas.length) notes.push(`${treatedAreas.length - usableTreated.length} aanpakbuurt(en) buiten beschouwing: niet alle maanden bekend.`);
  // Buurten under an approach of their own (an attention area, another evaluation's treated buurten) are no controls.
  const elsewhere = new Set<string>();
  for (const a of stores.attentionAreas.list(ev.gemeente)) for (const c of a.codes) elsewhere.add(c);
  for (const o of stores.evaluations.list(ev.gemeente)) if (o.id !== ev.id) for (const c of o.codes) elsewhere.add(c);
  const excluded = data.areas.filter((a) => elsewhere.has(a.code) && !treatedCodes.has(a.code) && !neighbourCodes.has(a.code)).length;
  if (excluded) notes.push(`${excluded} buurt(en) met een eigen aanpak (aandachtsgebied of andere evaluatie) zijn niet als vergelijking gebruikt.`);
  const candidates = data.areas.filter((a) => !treatedCodes.has(a.code) && !neighbourCodes.has(a.code) && !elsewhere.has(a.code) && complete(a));
  const neighbours = data.areas.filter((a) => neighbourCodes.has(a.code) && complete(a));
  const inWindow = (a: (typeof data.areas)[number]) => a.demo.slice(m0, m1 + 1).some(Boolean);
  meta.demo = [...usableTreated, ...candidates, ...neighbours].some(inWindow);
  if (meta.demo) notes.unshift('DEMO: (een deel van) de maandcijfers in deze periode is gegenereerd uit jaartotalen. Deze evaluatie zegt daarom niets over het werkelijke effect.');
  if (usableTreated.length === 0) return noAnswer('noTreated');
  const opts = { ...EVALUATION_DEFAULTS, preMonths: ev.preMonths, postMonths: ev.postMonths, seed: hashSeed(`${ev.gemeente}|${ev.start}|${ev.codes.join(',')}|${ev.categories.join(',')}`) };
  const pool = candidates.map(toSeries);
  const result = evaluateEffect(usableTreated.map(toSeries), pool, opts);
  if ('reason' in result) return noAnswer(result.reason);
  const byCode = new Map(pool.map((p) => [p.code, p]));
  const weights = result.estimate.controls.map((c) => c.weight);
  const lines = groupSeries(usableTreated.map(toSeries), result.estimate.controls.map((c) => byCode.get(c.code)!), weights);
  const months = data.months.slice(m0, m1 + 1);
  const point = (values: number[]) => values.map((count, i): SeriesPoint => ({ month: months[i], period: i < ev.preMonths ? 'voor' : 'na', count: Math.round(count * 10) / 10 }));
  const displaced = neighbours.length ? evaluateEffect(neighbours.map(toSeries), pool, opts) : { reason: 'noNeighbours' as const };
  const effect = summary(result);
  const displacementEffect = 'reason' in displaced ? null : summary(displaced);
  if (usableTreated.length > 0 && candidates.length < 15) notes.push(`Weinig vergelijkingsbuurten (${candidates.length}): de onzekerheid is daardoor groter.`);
  return {
    meta,
    effect,
    treated: { codes: usableTreated.map((a) => a.code), series: point(lines.treated) },
    control: { codes: result.estimate.controls.map((c) => c.code), weights: weights.map((w) => Math.round(w * 1e4) / 1e4), series: point(lines.control) },
    placebo: { ...result.placebo, method: `${result.placebo.exhaustive ? 'alle' : result.placebo.runs} groepen van ${result.placebo.groupSize} buurt(en) zonder aanpak als schijnaanpak, elk met eigen vergelijkingsbuurten` },
    displacement: {
      codes: neighbours.map((a) => a.code),
      effect: displacementEffect,
      sentence: effectSentence(displacementEffect, 'de buurbuurten', what, meta.alpha, 'reason' in displaced ? REASONS[displaced.reason] : null),
    },
    sentence: (meta.demo ? 'DEMO (gegenereerde maandcijfers): ' : '') + effectSentence(effect, 'de aanpakbuurten', what, meta.alpha, null),
    notes,
  };
}
