import { describe, expect, it } from 'vitest';
import { evaluateTargets, meets, targetsFileSchema, type Actual, type Target } from './targets.ts';

const plan: Target[] = [
  { year: 2015, operator: '<', value: 8 },
  { year: 2016, operator: '<=', value: 7 },
  { year: 2018, operator: '<=', value: 6 },
];

const real = (year: number, value: number): Actual => ({ year, value, demo: false, comparable: true });

describe('evaluateTargets', () => {
  it('noData without actuals', () => {
    const r = evaluateTargets(plan, [], 2016);
    expect(r.status).toBe('noData');
    expect(r.basis).toBeNull();
    expect(r.targets.every((t) => t.met === null && t.measuredYear === null)).toBe(true);
  });

  it('each target is met or not only on a real, comparable measurement of its own year', () => {
    const r = evaluateTargets(plan, [real(2014, 8.8), real(2016, 6.9), { year: 2018, value: 5, demo: true, comparable: true }, { year: 2015, value: 7, demo: false, comparable: false }], 2026);
    expect(r.targets.map((t) => [t.year, t.met, t.measuredYear])).toEqual([[2015, null, null], [2016, true, 2016], [2018, null, null]]);
  });

  it('compares the latest real measurement with the target of its own year while it is recent', () => {
    const r = evaluateTargets(plan, [real(2015, 7.9), real(2016, 7.2)], 2017);
    expect(r.status).toBe('offTrack');
    expect(r.basis?.target.year).toBe(2016);
    expect(evaluateTargets(plan, [real(2016, 7)], 2017).status).toBe('onTrack'); // ≤ includes equality
    expect(evaluateTargets(plan, [real(2015, 8)], 2016).status).toBe('offTrack'); // < excludes it
  });

  it('before the first target year and between targets: the next target applies', () => {
    expect(evaluateTargets(plan, [real(2014, 8.8)], 2015).basis?.target.year).toBe(2015);
    expect(evaluateTargets(plan, [real(2014, 8.8)], 2015).status).toBe('offTrack');
    expect(evaluateTargets(plan, [real(2017, 6.5)], 2018).basis?.target.year).toBe(2018);
    expect(evaluateTargets(plan, [real(2017, 6.5)], 2018).status).toBe('offTrack');
  });

  it('noRecentData: the latest measurement is older than the latest passed target year, or more than two years old', () => {
    // 2014 values against 2015+ targets, seen in 2026: no statement about today.
    const r = evaluateTargets(plan, [real(2013, 6.8), real(2014, 8.8)], 2026);
    expect(r.status).toBe('noRecentData');
    expect(r.basis?.actual.year).toBe(2014);
    expect(r.planEnded).toBe(true);
    // In 2017 the 2016 target has passed and 2014 is older than it.
    expect(evaluateTargets(plan, [real(2014, 5)], 2017).status).toBe('noRecentData');
    // Three years after the measurement, even without a passed target.
    expect(evaluateTargets([{ year: 2030, operator: '<', value: 8 }], [real(2021, 5)], 2024).status).toBe('noRecentData');
    expect(evaluateTargets([{ year: 2030, operator: '<', value: 8 }], [real(2022, 5)], 2024).status).toBe('onTrack');
  });

  it('indicative: only demo values or measurements of another definition — never judged', () => {
    const demo = evaluateTargets(plan, [{ year: 2025, value: 1, demo: true, comparable: true }], 2026);
    expect(demo.status).toBe('indicative');
    expect(demo.basis).toBeNull();
    const other = evaluateTargets(plan, [{ year: 2016, value: 1, demo: false, comparable: false }], 2017);
    expect(other.status).toBe('indicative');
    expect(other.targets.every((t) => t.met === null)).toBe(true);
  });

  it('after the last target year the last (multi-year) target stays the standard for a recent measurement', () => {
    const r = evaluateTargets(plan, [real(2019, 5.5)], 2020);
    expect(r.status).toBe('onTrack');
    expect(r.basis?.target.year).toBe(2018);
    expect(r.planEnded).toBe(true);
    expect(evaluateTargets(plan, [real(2016, 9)], 2017).planEnded).toBe(false);
  });

  it('a target that is a reference without a number (G32-gemiddelde) is never met or missed', () => {
    const ref: Target[] = [{ year: 2015, operator: '>=', value: 6.7 }, { year: 2018, operator: '>=', value: null, reference: 'G32-gemiddelde' }];
    const r = evaluateTargets(ref, [real(2018, 7)], 2019);
    expect(r.status).toBe('noData');
    expect(r.basis?.target.reference).toBe('G32-gemiddelde');
    expect(r.targets[1]).toMatchObject({ met: null, measuredYear: 2018 });
    expect(evaluateTargets(ref, [real(2014, 6.8)], 2015).status).toBe('onTrack');
  });

  it('operators', () => {
    expect(meets(3, '<', 3)).toBe(false);
    expect(meets(3, '<=', 3)).toBe(true);
    expect(meets(3, '>=', 3)).toBe(true);
    expect(meets(3, '>', 3)).toBe(false);
  });
});


describe('targetsFileSchema', () => {
  it('rejects a target without value and without reference', () => {
    const bad = {
      plans: [{ gemeente: 'GM0935', bron: 'x', indicators: [{
        id: 'a', label: 'A', source: 'politie', unit: 'per1000', betterWhen: 'lower', baseline: { year: 2013, value: 4 },
        targets: [{ year: 2018, operator: '<', value: null }], compute: { kind: 'crime', category: '1.4.4' },
      }] }],
    };
    expect(targetsFileSchema.safeParse(bad).success).toBe(false);
    bad.plans[0].indicators[0].targets[0] = { year: 2018, operator: '<', value: 3.5 } as never;
    expect(targetsFileSchema.safeParse(bad).success).toBe(true);
  });
});
