import { describe, expect, it } from 'vitest';
import { evaluateEffect, EVALUATION_DEFAULTS, groupSeries, type EffectResult, type EvalSeries } from './evaluation.ts';
import { negBinomial, rng, SEASON, type Rand } from '../../../tests/support/simulateCounts.ts';

const PRE = 24;
const POST = 12;

/**
 * A gemeente of `candidates` + `treated` buurten over PRE + POST months: levels from 3 to 30 a month,
 * a shared season, each buurt its own small trend, overdispersed counts; the treated buurten change
 * by `effect` (a factor) from the first post month.
 */
function world(rand: Rand, effect: number, candidates = 34, treated = 6): { treated: EvalSeries[]; candidates: EvalSeries[] } {
  const make = (code: string, factor: number): EvalSeries => {
    const level = 3 + rand() * 27;
    const trend = (rand() - 0.5) * 0.1;
    return {
      code,
      counts: Array.from({ length: PRE + POST }, (_, t) => negBinomial(rand, level * SEASON[t % 12] * Math.pow(1 + trend, t / 12) * (t >= PRE ? factor : 1), 20)),
    };
  };
  return {
    treated: Array.from({ length: treated }, (_, i) => make(`T${i}`, effect)),
    candidates: Array.from({ length: candidates }, (_, i) => make(`C${i}`, 1)),
  };
}

const run = (w: ReturnType<typeof world>, seed: number, placeboRuns = 199) =>
  evaluateEffect(w.treated, w.candidates, { ...EVALUATION_DEFAULTS, preMonths: PRE, postMonths: POST, seed, placeboRuns }) as EffectResult;

describe('evaluateEffect (difference-in-differences with matched controls and placebo inference)', () => {
  it('recovers an injected 40 % drop: the interval excludes 0 and includes -40 %', () => {
    const r = run(world(rng(2024), 0.6), 1, 499);
    expect(r.estimatePct).toBeGreaterThan(-55);
    expect(r.estimatePct).toBeLessThan(-25);
    expect(r.upper).toBeLessThan(0);
    expect(r.lower).toBeLessThan(-40);
    expect(r.upper).toBeGreaterThan(-40);
    expect(r.p).toBeLessThan(0.05);
    expect(r.estimate.controls).toHaveLength(10);
    expect(r.estimate.controls.every((c) => c.code.startsWith('C'))).toBe(true);
    expect(r.placebo).toMatchObject({ runs: 499, groupSize: 6, exhaustive: false });
  });

  it('covers the true effect at about the stated rate over many simulated gemeenten', () => {
    let covered = 0;
    let excludesZero = 0;
    const seeds = 60;
    for (let s = 0; s < seeds; s++) {
      const r = run(world(rng(5000 + s), 0.6), s);
      if (r.lower <= -40 && r.upper >= -40) covered++;
      if (r.upper < 0) excludesZero++;
    }
    expect(covered / seeds).toBeGreaterThanOrEqual(0.85);
    expect(excludesZero / seeds).toBeGreaterThanOrEqual(0.9);
  });

  it('rejects a null effect at about alpha', () => {
    let rejected = 0;
    const seeds = 120;
    for (let s = 0; s < seeds; s++) if (run(world(rng(9000 + s), 1), s).p <= 0.05) rejected++;
    // alpha = 0.05: 6 of 120 expected; the binomial 99 % range is 1 to 13.
    expect(rejected).toBeGreaterThanOrEqual(1);
    expect(rejected).toBeLessThanOrEqual(13);
  });

  it('one treated buurt: every candidate is a placebo (exhaustive)', () => {
    const w = world(rng(77), 1, 20, 1);
    const r = run(w, 3);
    expect(r.placebo).toMatchObject({ exhaustive: true, runs: 20, groupSize: 1 });
  });

  it('says when there are too few controls or no registrations before the start', () => {
    const w = world(rng(8), 1, 8, 4);
    expect(evaluateEffect(w.treated, w.candidates, { ...EVALUATION_DEFAULTS, preMonths: PRE, postMonths: POST, seed: 1 })).toEqual({ reason: 'tooFewControls' });
    const empty = world(rng(9), 1);
    empty.treated = empty.treated.map((t) => ({ ...t, counts: t.counts.map(() => 0) }));
    expect(evaluateEffect(empty.treated, empty.candidates, { ...EVALUATION_DEFAULTS, preMonths: PRE, postMonths: POST, seed: 1 })).toEqual({ reason: 'emptyPre' });
  });

  it('the control line starts at the treated level (weights scale each control to the pre-period total)', () => {
    const w = world(rng(12), 0.6);
    const r = run(w, 1);
    const byCode = new Map(w.candidates.map((c) => [c.code, c]));
    const s = groupSeries(w.treated, r.estimate.controls.map((c) => byCode.get(c.code)!), r.estimate.controls.map((c) => c.weight));
    const pre = (a: number[]) => a.slice(0, PRE).reduce((x, y) => x + y, 0);
    expect(pre(s.control)).toBeCloseTo(pre(s.treated), 6);
  });

  it('is deterministic for a seed', () => {
    const w = world(rng(13), 0.8);
    expect(run(w, 5)).toEqual(run(w, 5));
  });
});
