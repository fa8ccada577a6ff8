import { describe, expect, it } from 'vitest';
import { meets, targetStatus, targetsFileSchema, type Target } from './targets.ts';

const plan: Target[] = [
  { year: 2015, operator: '<', value: 8 },
  { year: 2016, operator: '<=', value: 7 },
  { year: 2018, operator: '<=', value: 6 },
];

describe('targetStatus', () => {
  it('noData without actuals', () => {
    expect(targetStatus(plan, [])).toEqual({ status: 'noData', basis: null });
  });

  it('compares the latest actual with the target of its own year', () => {
    const r = targetStatus(plan, [{ year: 2015, value: 7.9, demo: false }, { year: 2016, value: 7.2, demo: false }]);
    expect(r.status).toBe('offTrack');
    expect(r.basis?.target.year).toBe(2016);
    expect(targetStatus(plan, [{ year: 2016, value: 7, demo: false }]).status).toBe('onTrack'); // ≤ includes equality
    expect(targetStatus(plan, [{ year: 2015, value: 8, demo: false }]).status).toBe('offTrack'); // < excludes it
  });

  it('before the first target year: the next target applies; between targets: the next one', () => {
    expect(targetStatus(plan, [{ year: 2014, value: 8.8, demo: false }]).basis?.target.year).toBe(2015);
    expect(targetStatus(plan, [{ year: 2017, value: 6.5, demo: false }]).basis?.target.year).toBe(2018);
    expect(targetStatus(plan, [{ year: 2017, value: 6.5, demo: false }]).status).toBe('offTrack');
  });

  it('after the last target year the last (multi-year) target stays the standard; demo actuals count and stay marked', () => {
    const r = targetStatus(plan, [{ year: 2025, value: 5.5, demo: true }, { year: 2021, value: 9, demo: true }]);
    expect(r.status).toBe('onTrack');
    expect(r.basis).toEqual({ actual: { year: 2025, value: 5.5, demo: true }, target: { year: 2018, operator: '<=', value: 6 } });
  });

  it('a target that is a reference without a number (G32-gemiddelde) gives noData, with the basis', () => {
    const ref: Target[] = [{ year: 2015, operator: '>=', value: 6.7 }, { year: 2018, operator: '>=', value: null, reference: 'G32-gemiddelde' }];
    const r = targetStatus(ref, [{ year: 2019, value: 7, demo: false }]);
    expect(r.status).toBe('noData');
    expect(r.basis?.target.reference).toBe('G32-gemiddelde');
    expect(targetStatus(ref, [{ year: 2014, value: 6.8, demo: false }]).status).toBe('onTrack');
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
