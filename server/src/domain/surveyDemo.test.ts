import { describe, expect, it } from 'vitest';
import { demoBuurten, demoWijken, MIN_RESPONDENTS, type DemoArea } from './surveyDemo.ts';
import type { SurveyIndicator } from './survey.ts';

const pct: SurveyIndicator = { code: 'onveilig_buurt_pct', label: '% onveilig', unit: 'percentage', betterWhen: 'lower', source: 'VM' };
const grade: SurveyIndicator = { code: 'rapportcijfer_veiligheid', label: 'cijfer', unit: 'rapportcijfer', betterWhen: 'higher', source: 'VM' };

const buurten: DemoArea[] = Array.from({ length: 40 }, (_, i) => ({
  code: `BU0935${String(Math.floor(i / 6)).padStart(2, '0')}${String(i % 6).padStart(2, '0')}`,
  naam: `b${i}`,
  inwoners: i === 0 ? 15 : i === 1 ? null : 300 + ((i * 733) % 6000),
  wijkcode: `WK0935${String(Math.floor(i / 6)).padStart(2, '0')}`,
}));
const wijken: DemoArea[] = [...new Set(buurten.map((b) => b.wijkcode!))].map((code) => ({ code, naam: code, inwoners: null }));

describe('demo survey figures', () => {
  it('are deterministic: the same input gives the same figures', () => {
    expect(demoBuurten(pct, 2014, 34.1, buurten)).toEqual(demoBuurten(pct, 2014, 34.1, buurten));
    expect(demoBuurten(pct, 2014, 34.1, buurten)).not.toEqual(demoBuurten(pct, 2013, 34.1, buurten));
  });

  it('stay in range, spread plausibly, and average (weighted by inhabitants) to the gemeente value', () => {
    for (const [ind, gm] of [[pct, 34.1], [pct, 2], [pct, 97], [grade, 6.5], [grade, 9.8]] as const) {
      const f = demoBuurten(ind, 2014, gm, buurten);
      const [lo, hi] = ind.unit === 'percentage' ? [0, 100] : [1, 10];
      let sw = 0;
      let sv = 0;
      for (const [i, x] of f.entries()) {
        if (x.value === null) continue;
        expect(x.value).toBeGreaterThanOrEqual(lo);
        expect(x.value).toBeLessThanOrEqual(hi);
        expect(x.lower!).toBeLessThanOrEqual(x.value);
        expect(x.upper!).toBeGreaterThanOrEqual(x.value);
        expect(x.lower!).toBeGreaterThanOrEqual(lo);
        expect(x.upper!).toBeLessThanOrEqual(hi);
        sw += buurten[i].inwoners!;
        sv += buurten[i].inwoners! * x.value;
      }
      // Rounding to one decimal per buurt; suppressed tiny buurten carry almost no weight.
      expect(Math.abs(sv / sw - gm)).toBeLessThan(0.15);
    }
    const vals = demoBuurten(pct, 2014, 34.1, buurten).map((x) => x.value).filter((v): v is number => v !== null);
    expect(Math.max(...vals) - Math.min(...vals)).toBeGreaterThan(5);
    expect(Math.max(...vals) - Math.min(...vals)).toBeLessThan(60);
  });

  it('tiny buurten get no value; small samples get wider intervals', () => {
    const f = demoBuurten(pct, 2014, 34.1, buurten);
    expect(f[0]).toMatchObject({ value: null, lower: null, upper: null });
    expect(f[0].respondents).toBeLessThan(MIN_RESPONDENTS);
    expect(f[1]).toMatchObject({ value: null, respondents: 0 });
    const known = f.filter((x) => x.value !== null);
    const small = known.reduce((a, b) => (b.respondents < a.respondents ? b : a));
    const large = known.reduce((a, b) => (b.respondents > a.respondents ? b : a));
    expect(small.upper! - small.lower!).toBeGreaterThan(large.upper! - large.lower!);
  });

  it('wijk figures are the respondent-weighted mean of their buurten', () => {
    const f = demoBuurten(pct, 2014, 34.1, buurten);
    const w = demoWijken(pct, f, buurten, wijken);
    expect(w).toHaveLength(wijken.length);
    const first = wijken[1];
    const parts = buurten.map((b, i) => ({ b, x: f[i] })).filter(({ b, x }) => b.wijkcode === first.code && x.value !== null);
    const n = parts.reduce((s, p) => s + p.x.respondents, 0);
    expect(w[1].respondents).toBe(n);
    expect(w[1].value).toBeCloseTo(parts.reduce((s, p) => s + p.x.respondents * p.x.value!, 0) / n, 1);
  });
});
