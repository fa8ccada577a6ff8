import { describe, expect, it } from 'vitest';
import { computeSignals, forecastWindow, SIGNAL_DEFAULTS, type MonthCount, type SignalArea } from './signals.ts';
import { countQuantiles, fitQuasiPoisson, logGamma, momentMatched, tails, twoSidedCountP } from './countModels.ts';
import { negBinomial, poisson, rng, SEASON, type Rand } from '../../../tests/support/simulateCounts.ts';

/** `n` months from January of some year: mean * season * trend, optionally overdispersed. */
function simulate(rand: Rand, n: number, mean: number, opts: { trendPerYear?: number; size?: number } = {}): MonthCount[] {
  return Array.from({ length: n }, (_, i) => {
    const mu = mean * SEASON[i % 12] * Math.pow(1 + (opts.trendPerYear ?? 0), i / 12);
    return { month: (i % 12) + 1, count: opts.size ? negBinomial(rand, mu, opts.size) : poisson(rand, mu) };
  });
}

function area(code: string, series: MonthCount[], windowLength = 1): SignalArea {
  return { code, naam: code, history: series.slice(0, series.length - windowLength), window: series.slice(series.length - windowLength) };
}

describe('count distributions', () => {
  it('logGamma matches factorials', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 9);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  it('Poisson tails and quantiles agree with hand-computed values', () => {
    const d = momentMatched(3, 3);
    expect(d.size).toBe(Infinity);
    // P(Y <= 0) = e^-3, P(Y >= 7) = 1 - sum_{k<7}.
    expect(tails(d, 0).lower).toBeCloseTo(Math.exp(-3), 12);
    let below = 0;
    for (let k = 0; k < 7; k++) below += (Math.exp(-3) * 3 ** k) / [1, 1, 2, 6, 24, 120, 720][k];
    expect(tails(d, 7).upper).toBeCloseTo(1 - below, 12);
    expect(countQuantiles(d, [0.025, 0.975])).toEqual([0, 7]);
    expect(twoSidedCountP(d, 3)).toBe(1);
  });

  it('the negative binomial has the requested mean and variance', () => {
    const d = momentMatched(20, 60);
    expect(d.size).toBeCloseTo(10, 10);
    const [q05, q50, q95] = countQuantiles(d, [0.05, 0.5, 0.95]);
    expect(q50).toBeGreaterThanOrEqual(18);
    expect(q50).toBeLessThanOrEqual(20);
    // Wider than the Poisson with the same mean.
    const [p05, , p95] = countQuantiles(momentMatched(20, 20), [0.05, 0.5, 0.95]);
    expect(q95 - q05).toBeGreaterThan(p95 - p05);
  });

  it('handles large means without underflow', () => {
    const d = momentMatched(2000, 2000);
    const [lo, hi] = countQuantiles(d, [0.025, 0.975]);
    expect(lo).toBeGreaterThan(1900);
    expect(hi).toBeLessThan(2100);
    expect(twoSidedCountP(d, 2300)).toBeLessThan(1e-6);
  });
});

describe('fitQuasiPoisson (IRLS)', () => {
  it('recovers the coefficients of a log-linear model', () => {
    const rand = rng(7);
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const x1 = (i % 100) / 100;
      const x2 = i % 2;
      X.push([1, x1, x2]);
      y.push(poisson(rand, Math.exp(1 + 0.8 * x1 - 0.5 * x2)));
    }
    const fit = fitQuasiPoisson(X, y)!;
    expect(fit.converged).toBe(true);
    expect(fit.beta[0]).toBeCloseTo(1, 1);
    expect(fit.beta[1]).toBeCloseTo(0.8, 1);
    expect(fit.beta[2]).toBeCloseTo(-0.5, 1);
    expect(fit.dispersion).toBeLessThan(1.15);
    // Standard errors close to the Poisson theory (sqrt of the inverse information).
    expect(Math.sqrt(fit.cov[2][2])).toBeLessThan(0.03);
  });

  it('estimates overdispersion from the Pearson residuals', () => {
    const rand = rng(11);
    const X = Array.from({ length: 2000 }, () => [1]);
    const y = X.map(() => negBinomial(rand, 10, 5)); // variance 10 + 100/5 = 30: phi about 3
    const fit = fitQuasiPoisson(X, y)!;
    expect(fit.dispersion).toBeGreaterThan(2.5);
    expect(fit.dispersion).toBeLessThan(3.5);
  });

  it('keeps a month that was always zero finite (ridge on the season)', () => {
    const X = Array.from({ length: 24 }, (_, i) => [1, i % 12 === 0 ? 1 : 0]);
    const y = X.map((x) => (x[1] ? 0 : 3));
    const fit = fitQuasiPoisson(X, y, [0, 1])!;
    expect(Number.isFinite(fit.beta[1])).toBe(true);
    expect(fit.beta[1]).toBeLessThan(-1);
  });

  it('refuses an all-zero or too-short series', () => {
    expect(fitQuasiPoisson([[1], [1]], [0, 0])).toBeNull();
    expect(fitQuasiPoisson([[1, 0]], [3])).toBeNull();
  });
});

describe('forecastWindow', () => {
  it('follows season and trend: the forecast of a strong month is higher than of a weak one', () => {
    const rand = rng(3);
    const s = simulate(rand, 61, 30, { trendPerYear: 0.1 });
    const f = forecastWindow(s.slice(0, 60), [{ month: 1 }]);
    const g = forecastWindow(s.slice(0, 60).concat(s.slice(0, 5)), [{ month: 6 }]);
    if ('reason' in f || 'reason' in g) throw new Error('no forecast');
    // True January mean after five years of +10 %: 30 * 1.25 * 1.1^5 = 60.4.
    expect(f.expected).toBeGreaterThan(50);
    expect(f.expected).toBeLessThan(72);
    expect(g.expected).toBeLessThan(f.expected);
    expect(f.historyMonths).toBe(60);
  });

  it('says why there is no forecast', () => {
    const rand = rng(4);
    expect(forecastWindow(simulate(rand, 12, 10), [{ month: 1 }])).toMatchObject({ reason: 'tooFewMonths', historyMonths: 12 });
    expect(forecastWindow(simulate(rand, 36, 0.1), [{ month: 1 }])).toMatchObject({ reason: 'tooFewCounts' });
  });

  it('a window of three months sums the three forecasts', () => {
    const rand = rng(5);
    const s = simulate(rand, 48, 20);
    const one = [1, 2, 3].map((m) => forecastWindow(s, [{ month: m }]));
    const three = forecastWindow(s, [{ month: 1 }, { month: 2 }, { month: 3 }]);
    if ('reason' in three || one.some((o) => 'reason' in o)) throw new Error('no forecast');
    // The single-month forecasts are each made one month ahead; the window's continue the trend.
    const sum = one.reduce((t, o) => t + (o as { expected: number }).expected, 0);
    expect(three.expected).toBeCloseTo(sum, -1);
  });
});

describe('computeSignals', () => {
  it('flags a buurt far above its history as higher, and leaves the ordinary ones alone', () => {
    const rand = rng(42);
    const areas = Array.from({ length: 44 }, (_, i) => area(`BU${i}`, simulate(rand, 49, 4 + (i % 10) * 3, { size: 20 })));
    // Buurt 7's last month: three times its usual level.
    const spike = areas[7];
    spike.window = [{ month: spike.window[0].month, count: Math.round((4 + 7 * 3) * SEASON[0] * 3) }];
    const rows = computeSignals(areas);
    const flagged = rows.filter((r) => r.signal);
    expect(rows[7]).toMatchObject({ code: 'BU7', signal: 'higher' });
    expect(rows[7].observed!).toBeGreaterThan(rows[7].upper!);
    expect(rows[7].q!).toBeLessThan(0.05);
    expect(flagged.map((r) => r.code)).toEqual(['BU7']);
    for (const r of rows) {
      expect(r.lower!).toBeLessThanOrEqual(r.expected!);
      expect(r.upper!).toBeGreaterThanOrEqual(r.expected!);
    }
  });

  it('ordinary months give almost no signals (FDR over 44 buurten, 24 months)', () => {
    let signals = 0;
    let tests = 0;
    let outside = 0;
    for (let seed = 1; seed <= 24; seed++) {
      const rand = rng(1000 + seed);
      const areas = Array.from({ length: 44 }, (_, i) => area(`BU${i}`, simulate(rand, 49, 2 + i, { size: 15, trendPerYear: (i % 5) * 0.03 - 0.06 })));
      const rows = computeSignals(areas);
      signals += rows.filter((r) => r.signal).length;
      tests += rows.filter((r) => r.p !== null).length;
      outside += rows.filter((r) => r.observed !== null && r.upper !== null && (r.observed > r.upper || r.observed < r.lower!)).length;
    }
    expect(tests).toBeGreaterThan(44 * 24 * 0.95);
    // With FDR control under the null, the chance of any false signal in a month is at most alpha.
    expect(signals / 24).toBeLessThanOrEqual(0.25);
    // The 95 % interval holds ordinary months about 95 % of the time (a little more: counts are discrete).
    expect(outside / tests).toBeLessThan(0.08);
    expect(outside / tests).toBeGreaterThan(0.005);
  });

  it('flags a collapse as lower', () => {
    const rand = rng(9);
    const areas = Array.from({ length: 10 }, (_, i) => area(`BU${i}`, simulate(rand, 49, 40)));
    areas[2].window = [{ month: 1, count: 3 }];
    const rows = computeSignals(areas);
    expect(rows[2].signal).toBe('lower');
  });

  it('no test without history or with an unknown window month; those rows stay out of the FDR', () => {
    const rand = rng(10);
    const short = area('A', simulate(rand, 13, 10));
    const unknown = area('B', simulate(rand, 40, 10));
    unknown.window = [{ month: 4, count: null }];
    const rows = computeSignals([short, unknown, area('C', simulate(rand, 40, 10))]);
    expect(rows[0]).toMatchObject({ reason: 'tooFewMonths', p: null, q: null, signal: null });
    expect(rows[1]).toMatchObject({ reason: 'windowUnknown', observed: null, p: null });
    expect(rows[1].expected).not.toBeNull();
    expect(rows[2].q).toBe(rows[2].p);
    expect(SIGNAL_DEFAULTS.alpha).toBe(0.05);
  });
});

describe('forecasts that say nothing', () => {
  it('a history of zeros ending in one small count gives no test, not a forecast of millions', () => {
    // Seen with the presentatie view's rounded counts: 35 months of 0 and then 5 fitted a trend forecasting 35 million
    // with a variance of 10^21, and building its distribution ran out of memory (a 500 on the monthly report).
    const history: MonthCount[] = [...Array<number>(35).fill(0), 5].map((count, i) => ({ month: (i % 12) + 1, count }));
    expect(forecastWindow(history, [{ month: 1 }])).toEqual({ reason: 'modelFailed', historyMonths: 36 });
    const rows = computeSignals([{ code: 'BU1', naam: 'Nul', history, window: [{ month: 1, count: 5 }] }]);
    expect(rows[0]).toMatchObject({ expected: null, p: null, signal: null, reason: 'modelFailed' });
  });
});
