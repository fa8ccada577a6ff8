import { describe, it, expect } from 'vitest';
import {
  classifyHotspot,
  ebStandardize,
  empiricalBayes,
  fdr,
  getisOrdGiStar,
  localMoranRate,
  mannKendall,
  naturalBreaks,
  normalCdf,
} from './spatial.ts';

// Reference literals marked "numpy port" were computed once with numpy 2.4 / scipy 1.17 by
// transcribing the exact PySAL source lines (esda.smoothing.assuncao_rate and Empirical_Bayes,
// esda.getisord.G_Local.calc with star=True, esda.moran.Moran_Local calc/__quads,
// mapclassify._fisher_jenks_means in float32, pymannkendall.original_test) into a script; esda
// and mapclassify themselves cannot be installed here. Where PySAL's docs publish numbers,
// the port reproduced them and the test uses the published numbers.

// ---------- helpers: seeded data and deliberately naive reference implementations ----------

function rng(seed: number): () => number {
  // xorshift32 — intentionally a different generator from the module's mulberry32
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

function randomGraph(n: number, r: () => number, pEdge: number): number[][] {
  const A: boolean[][] = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (r() < pEdge) A[i][j] = A[j][i] = true;
    }
  }
  return A.map((row) => row.flatMap((v, j) => (v ? [j] : [])));
}

function fullMatrix(n: number, nb: number[][]): number[][] {
  const M = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  nb.forEach((l, i) => l.forEach((j) => (M[i][j] = 1)));
  return M;
}

/** Gi* in matrix form: W* = A + I, statistic straight from Getis & Ord (1992)/Ord & Getis (1995). */
function naiveGiStar(x: number[], nb: number[][]): number[] {
  const n = x.length;
  const A = fullMatrix(n, nb);
  const xbar = x.reduce((a, b) => a + b, 0) / n;
  const S = Math.sqrt(x.reduce((a, b) => a + b * b, 0) / n - xbar * xbar);
  const z: number[] = [];
  for (let i = 0; i < n; i++) {
    let num = 0;
    let Wi = 0;
    let S1 = 0;
    for (let j = 0; j < n; j++) {
      const w = i === j ? 1 : A[i][j];
      num += w * x[j];
      Wi += w;
      S1 += w * w;
    }
    z.push((num - xbar * Wi) / (S * Math.sqrt((n * S1 - Wi * Wi) / (n - 1))));
  }
  return z;
}

/** Assunção–Reis straight from the formula, all areas with population > 0. */
function naiveAssuncao(e: number[], b: number[]): number[] {
  const n = e.length;
  const y = e.map((v, i) => v / b[i]);
  const eSum = e.reduce((a, c) => a + c, 0);
  const bSum = b.reduce((a, c) => a + c, 0);
  const bh = eSum / bSum;
  let s2 = 0;
  for (let i = 0; i < n; i++) s2 += b[i] * (y[i] - bh) ** 2;
  s2 /= bSum;
  const ah = s2 - bh / (bSum / n);
  return y.map((yi, i) => {
    const raw = ah + bh / b[i];
    const v = raw < 0 ? bh / b[i] : raw;
    return (yi - bh) / Math.sqrt(v);
  });
}

/** Marshall EB straight from the formula (clamped a), all areas with population > 0. */
function naiveEB(e: number[], b: number[]): number[] {
  const n = e.length;
  const r = e.map((v, i) => v / b[i]);
  const bb = e.reduce((a, c) => a + c, 0) / b.reduce((a, c) => a + c, 0);
  const nSum = b.reduce((a, c) => a + c, 0);
  let s2 = 0;
  for (let i = 0; i < n; i++) s2 += b[i] * (r[i] - bb) ** 2;
  s2 /= nSum;
  const a = Math.max(0, s2 - bb / (nSum / n));
  return r.map((ri, i) => {
    const w = a / (a + bb / b[i]);
    return w * ri + (1 - w) * bb;
  });
}

/** Local Moran in matrix form: row-standardised W, z = standardised y. */
function naiveLocalMoran(y: number[], nb: number[][]): { I: number[]; lag: number[]; z: number[] } {
  const n = y.length;
  const A = fullMatrix(n, nb);
  const m = y.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(y.reduce((a, b) => a + (b - m) ** 2, 0) / n);
  const z = y.map((v) => (v - m) / sd);
  const den = z.reduce((a, b) => a + b * b, 0);
  const lag: number[] = [];
  const I: number[] = [];
  for (let i = 0; i < n; i++) {
    const rowSum = A[i].reduce((a, b) => a + b, 0);
    let l = 0;
    for (let j = 0; j < n; j++) l += rowSum ? (A[i][j] / rowSum) * z[j] : 0;
    lag.push(l);
    I.push(((n - 1) * z[i] * l) / den);
  }
  return { I, lag, z };
}

function expectAllFinite(xs: number[]): void {
  for (const x of xs) expect(Number.isFinite(x)).toBe(true);
}

function expectClose(actual: number[], expected: number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i])).toBeLessThanOrEqual(tol));
}

// ------------------------------------------------------------------------------------------

describe('normalCdf', () => {
  it('matches known values to 1e-15', () => {
    expect(Math.abs(normalCdf(1.96) - 0.9750021048517795)).toBeLessThan(1e-15);
    expect(Math.abs(normalCdf(-3) - 0.0013498980316301)).toBeLessThan(1e-15);
    expect(Math.abs(2 * (1 - normalCdf(2.5758293035489)) - 0.01)).toBeLessThan(1e-13);
    expect(normalCdf(0)).toBe(0.5);
  });

  it('matches scipy.stats.norm.cdf across the range, tails relatively accurate', () => {
    // scipy 1.17 norm.cdf values
    const cases: Array<[number, number]> = [
      [0.5, 0.6914624612740131],
      [-1.2345, 0.10850832336267019],
      [2.9999, 0.998649658717045],
      [3.0001, 0.9986505450867392],
      [4.5, 0.9999966023268753],
      [0.0001, 0.5000398942279737],
    ];
    for (const [x, v] of cases) expect(Math.abs(normalCdf(x) - v)).toBeLessThan(1e-15);
    // far lower tail: relative error
    const tails: Array<[number, number]> = [
      [-6, 9.865876450376946e-10],
      [-10, 7.61985302416047e-24],
      [-8.3, 5.2055697448902465e-17],
      [-37.5, 4.605353009581954e-308],
    ];
    for (const [x, v] of tails) expect(Math.abs(normalCdf(x) / v - 1)).toBeLessThan(1e-12);
  });

  it('is monotone and symmetric on a fine grid around the series/fraction switch', () => {
    let prev = 0;
    for (let x = -8; x <= 8; x += 0.001) {
      const v = normalCdf(x);
      expect(v).toBeGreaterThanOrEqual(prev);
      expect(Math.abs(v + normalCdf(-x) - 1)).toBeLessThan(2e-16);
      prev = v;
    }
  });
});

describe('empiricalBayes', () => {
  // Hand calculation, 3 areas: e = [2, 10, 3], n = [100, 200, 300]
  //   b = 15/600 = 0.025, r = [0.02, 0.05, 0.01]
  //   s2 = (100*0.005^2 + 200*0.025^2 + 300*0.015^2)/600 = (0.0025+0.125+0.0675)/600 = 0.000325
  //   a = 0.000325 - 0.025/(600/3) = 0.000325 - 0.000125 = 0.0002
  //   w = a/(a + b/n) = 0.0002/(0.0002+0.00025)=4/9, 0.0002/(0.0002+0.000125)=8/13, 0.0002/(0.0002+0.0000833..)=12/17
  //   smoothed = w r + (1-w) b
  it('matches the hand calculation', () => {
    const got = empiricalBayes([2, 10, 3], [100, 200, 300]);
    const exp = [
      (4 / 9) * 0.02 + (5 / 9) * 0.025,
      (8 / 13) * 0.05 + (5 / 13) * 0.025,
      (12 / 17) * 0.01 + (5 / 17) * 0.025,
    ];
    expectClose(got, exp, 1e-15);
  });

  it('matches PySAL Empirical_Bayes when a >= 0 (numpy port)', () => {
    const e = [3, 0, 12, 7, 1, 25, 4, 9, 0, 14];
    const b = [1200, 800, 2500, 1500, 300, 4000, 900, 2100, 150, 1800];
    // numpy port of esda.smoothing.Empirical_Bayes; its a = 2.987087444491364e-07 > 0
    const ref = [
      0.00475376711989881, 0.00469013913384595, 0.00490247292747036, 0.00489704399181421, 0.00488967433424,
      0.00517838211501938, 0.00489348648726401, 0.00484650473161746, 0.00487363100285324, 0.00519986886677001,
    ];
    expectClose(empiricalBayes(e, b), ref, 1e-15);
  });

  it('clamps a negative prior variance at 0 (Marshall), where PySAL would not', () => {
    // PySAL's own example data: its moment estimate a = -0.000373 < 0. PySAL returns
    // [0.2435, 0.2522, ...] (weights outside [0,1]); Marshall's rule shrinks all to b = 199/790.
    const e = [30, 25, 25, 15, 33, 21, 30, 20];
    const b = [100, 100, 110, 90, 100, 90, 110, 90];
    for (const v of empiricalBayes(e, b)) expect(v).toBeCloseTo(199 / 790, 15);
  });

  it('agrees with the naive formula on seeded random inputs', () => {
    const r = rng(7);
    for (let rep = 0; rep < 50; rep++) {
      const n = 3 + Math.floor(r() * 40);
      const pop = Array.from({ length: n }, () => 1 + Math.floor(r() * 5000));
      const rate = 0.001 + r() * 0.05 * (rep % 2 ? 1 : 0.05);
      const ev = pop.map((p) => Math.floor(p * rate * (0.2 + 1.6 * r()) * (r() < 0.2 ? 4 : 1)));
      expectClose(empiricalBayes(ev, pop), naiveEB(ev, pop), 1e-12);
    }
  });

  it('gives zero-population areas the prior mean and leaves them out of the estimate', () => {
    const e = [2, 5, 10, 3];
    const n = [100, 0, 200, 300];
    const got = empiricalBayes(e, n);
    const without = empiricalBayes([2, 10, 3], [100, 200, 300]);
    expectClose([got[0], got[2], got[3]], without, 1e-15);
    expect(got[1]).toBeCloseTo(15 / 600, 15);
  });

  it('never returns NaN on degenerate input', () => {
    expect(empiricalBayes([], [])).toEqual([]);
    expect(empiricalBayes([0, 0, 0], [0, 0, 0])).toEqual([0, 0, 0]);
    expect(empiricalBayes([0, 0, 0], [10, 20, 30])).toEqual([0, 0, 0]);
    expect(empiricalBayes([4, 7], [0, 0])).toEqual([0, 0]);
    expectAllFinite(empiricalBayes([5], [50]));
    expect(empiricalBayes([5], [50])[0]).toBeCloseTo(0.1, 15);
    expectAllFinite(empiricalBayes([1, 1, 1], [10, 10, 10]));
    expect(() => empiricalBayes([1], [1, 2])).toThrow(RangeError);
    expect(() => empiricalBayes([-1], [1])).toThrow(RangeError);
  });
});

describe('ebStandardize', () => {
  it('reproduces the published PySAL assuncao_rate example', () => {
    const e = [30, 25, 25, 15, 33, 21, 30, 20];
    const b = [100, 100, 110, 90, 100, 90, 110, 90];
    const got = ebStandardize(e, b);
    // esda docstring: array([ 1.03843594, -0.04099089, -0.56250375, -1.73061861])
    expectClose(got.slice(0, 4), [1.03843594, -0.04099089, -0.56250375, -1.73061861], 5e-9);
    // full vector, numpy port of assuncao_rate (here a < 0, so v = b/n everywhere)
    expectClose(
      got,
      [
        1.0384359443720312, -0.04099089254100147, -0.5625037520283668, -1.7306186131205405, 1.6860920465198515,
        -0.37696643058071183, 0.4757625192389447, -0.6025751276706836,
      ],
      1e-14,
    );
  });

  it('matches the numpy port when a > 0', () => {
    const e = [3, 0, 12, 7, 1, 25, 4, 9, 0, 14];
    const b = [1200, 800, 2500, 1500, 300, 4000, 900, 2100, 150, 1800];
    const ref = [
      -1.153135985363521, -1.9370367335383085, -0.07841157853417793, -0.13289944166415876, -0.38787407332059576,
      1.0774596862043955, -0.19727386305428868, -0.38911877414724905, -0.8550114914011309, 1.6426233064384537,
    ];
    expectClose(ebStandardize(e, b), ref, 1e-13);
  });

  // Hand calculation (same 3 areas as EB): b = 0.025, a = 0.0002 > 0
  //   v = a + b/n = [0.00045, 0.000325, 0.000283333...]
  //   z = (r - b)/sqrt(v) = [-0.005/sqrt(0.00045), 0.025/sqrt(0.000325), -0.015/sqrt(0.00028333)]
  it('matches the hand calculation', () => {
    expectClose(
      ebStandardize([2, 10, 3], [100, 200, 300]),
      [-0.005 / Math.sqrt(0.00045), 0.025 / Math.sqrt(0.000325), -0.015 / Math.sqrt(0.0002 + 0.025 / 300)],
      1e-13,
    );
  });

  it('agrees with the naive formula on seeded random inputs (both signs of a)', () => {
    const r = rng(11);
    for (let rep = 0; rep < 60; rep++) {
      const n = 2 + Math.floor(r() * 50);
      const pop = Array.from({ length: n }, () => 1 + Math.floor(r() * 3000));
      const ev = pop.map((p) => Math.floor(p * 0.01 * (rep % 3 === 0 ? 1 : 0.3 + 3 * r())));
      if (!ev.some((v) => v > 0)) ev[0] = 1;
      expectClose(ebStandardize(ev, pop), naiveAssuncao(ev, pop), 1e-10);
    }
  });

  it('returns 0 for zero population and never NaN', () => {
    const got = ebStandardize([2, 9, 10, 3], [100, 0, 200, 300]);
    expect(got[1]).toBe(0);
    expectClose([got[0], got[2], got[3]], ebStandardize([2, 10, 3], [100, 200, 300]), 1e-15);
    expect(ebStandardize([0, 0], [0, 0])).toEqual([0, 0]);
    expect(ebStandardize([0, 0, 0], [5, 6, 7])).toEqual([0, 0, 0]);
    expect(ebStandardize([], [])).toEqual([]);
    expectAllFinite(ebStandardize([3], [10]));
  });
});

describe('getisOrdGiStar', () => {
  it('reproduces the published esda G_Local(star=True, transform="B") example', () => {
    // points [(10,10),(20,10),(40,10),(15,20),(30,20),(30,30)], DistanceBand threshold 15
    // (pairs with distance <= 15), y = [2, 3, 3.2, 5, 8, 7]
    const nb = [[1, 3], [0, 3, 4], [4], [0, 1, 4], [1, 2, 3, 5], [4]];
    const { z, p } = getisOrdGiStar([2, 3, 3.2, 5, 8, 7], nb);
    // esda docstring lg_star.Zs (8 decimals)
    expectClose(z, [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331], 5e-9);
    // numpy port of G_Local.calc, full precision, and 2*scipy.stats.norm.sf(|Zs|)
    expectClose(
      z,
      [-1.397276262011544, -0.2891776156271273, 0.6506496351610378, -0.2891776156271273, 1.2345208835198738, 2.024243309389896],
      1e-14,
    );
    expectClose(
      p,
      [0.16233051131343856, 0.772445460571115, 0.5152726818237429, 0.772445460571115, 0.21700886980079725, 0.04294512341987253],
      1e-14,
    );
  });

  // Hand calculation, path 0-1-2-3, x = [1, 2, 3, 6]:
  //   n = 4, xbar = 3, sum x^2 = 50, S = sqrt(50/4 - 9) = sqrt(3.5)
  //   area 0: W = 2 (self + 1), S1 = 2, sum = 1 + 2 = 3 → z = (3 - 6)/(sqrt(3.5)*sqrt((8-4)/3))
  //   area 1: W = 3, S1 = 3, sum = 6 → z = (6 - 9)/(sqrt(3.5)*sqrt((12-9)/3)) = -3/sqrt(3.5)
  //   area 2: W = 3, sum = 11 → z = 2/sqrt(3.5)
  //   area 3: W = 2, sum = 9 → z = 3/(sqrt(3.5)*sqrt(4/3))
  it('matches the hand calculation', () => {
    const { z } = getisOrdGiStar([1, 2, 3, 6], [[1], [0, 2], [1, 3], [2]]);
    const s = Math.sqrt(3.5);
    expect(z[0]).toBeCloseTo(-3 / (s * Math.sqrt(4 / 3)), 14);
    expect(z[1]).toBeCloseTo(-3 / s, 14);
    expect(z[2]).toBeCloseTo(2 / s, 14); // W = 3, sum = 2+3+6 = 11 → (11 - 9)/(s*1)
    expect(z[3]).toBeCloseTo(3 / (s * Math.sqrt(4 / 3)), 14);
  });

  it('agrees with the matrix-form implementation on seeded random inputs', () => {
    const r = rng(3);
    for (let rep = 0; rep < 40; rep++) {
      const n = 3 + Math.floor(r() * 35);
      const nb = randomGraph(n, r, 0.05 + 0.3 * r());
      const x = Array.from({ length: n }, () => Math.round(r() * 1000) / 10);
      const { z, p } = getisOrdGiStar(x, nb);
      const ref = naiveGiStar(x, nb);
      z.forEach((zi, i) => {
        if (Number.isFinite(ref[i])) expect(Math.abs(zi - ref[i])).toBeLessThan(1e-9);
        else expect(zi).toBe(0); // area linked to all others: variance factor 0
        expect(Math.abs(p[i] - 2 * (1 - normalCdf(Math.abs(zi))))).toBeLessThan(1e-12);
      });
    }
  });

  it('handles degenerate input without NaN', () => {
    expect(getisOrdGiStar([], [])).toEqual({ z: [], p: [] });
    expect(getisOrdGiStar([5], [[]])).toEqual({ z: [0], p: [1] });
    expect(getisOrdGiStar([0, 0, 0], [[1], [0, 2], [1]])).toEqual({ z: [0, 0, 0], p: [1, 1, 1] });
    expect(getisOrdGiStar([0.1, 0.1, 0.1], [[1], [0, 2], [1]])).toEqual({ z: [0, 0, 0], p: [1, 1, 1] });
    // island: only itself (W = 1) — still defined
    const island = getisOrdGiStar([1, 2, 9], [[1], [0], []]);
    expectAllFinite([...island.z, ...island.p]);
    // complete graph: every area sees everything, z must be 0
    expect(getisOrdGiStar([1, 2, 9], [[1, 2], [0, 2], [0, 1]]).z).toEqual([0, 0, 0]);
    expect(() => getisOrdGiStar([1, 2], [[5], []])).toThrow(RangeError);
  });
});

describe('localMoranRate', () => {
  const e = [30, 25, 25, 15, 33, 21, 30, 20];
  const b = [100, 100, 110, 90, 100, 90, 110, 90];
  // 2x4 rook grid: 0 1 2 3 / 4 5 6 7
  const grid = [[1, 4], [0, 2, 5], [1, 3, 6], [2, 7], [0, 5], [1, 4, 6], [2, 5, 7], [3, 6]];

  it('matches the numpy port of Moran_Local_Rate (I and quadrants)', () => {
    const { I, quadrant } = localMoranRate(e, b, grid, { permutations: 0, seed: 1 });
    expectClose(
      I,
      [
        0.7740972084147963, -0.00111167793553814, 0.20134429418648217, 0.8574517863178259, 0.5154239466060392,
        -0.22994379946093849, -0.21523874458515074, 0.31715214863972013,
      ],
      1e-14,
    );
    // PySAL q = [1, 2, 3, 3, 1, 2, 4, 3] with 1 HH, 2 LH, 3 LL, 4 HL
    expect(quadrant).toEqual(['HH', 'LH', 'LL', 'LL', 'HH', 'LH', 'HL', 'LL']);
  });

  it('I equals the matrix formula exactly on random inputs; p is deterministic and in range', () => {
    const r = rng(99);
    for (let rep = 0; rep < 20; rep++) {
      const n = 4 + Math.floor(r() * 30);
      const nb = randomGraph(n, r, 0.1 + 0.2 * r());
      const pop = Array.from({ length: n }, () => 50 + Math.floor(r() * 3000));
      const ev = pop.map((p) => Math.floor(p * 0.02 * (0.2 + 2 * r())));
      const perms = 99;
      const res = localMoranRate(ev, pop, nb, { permutations: perms, seed: rep });
      const naive = naiveLocalMoran(ebStandardize(ev, pop), nb);
      res.I.forEach((Ii, i) => {
        expect(Math.abs(Ii - naive.I[i])).toBeLessThan(1e-9);
        const q = naive.z[i] > 0 ? (naive.lag[i] > 0 ? 'HH' : 'HL') : naive.lag[i] > 0 ? 'LH' : 'LL';
        expect(res.quadrant[i]).toBe(q);
        expect(res.p[i]).toBeGreaterThanOrEqual(1 / (perms + 1));
        expect(res.p[i]).toBeLessThanOrEqual(1);
        if (nb[i].length === 0) {
          expect(Ii).toBe(0);
          expect(res.p[i]).toBe(1);
        } else {
          // p is (larger+1)/(perms+1) with larger <= perms/2
          const larger = res.p[i] * (perms + 1) - 1;
          expect(Math.abs(larger - Math.round(larger))).toBeLessThan(1e-9);
          expect(Math.round(larger)).toBeLessThanOrEqual(perms / 2);
        }
      });
      const again = localMoranRate(ev, pop, nb, { permutations: perms, seed: rep });
      expect(again).toEqual(res);
    }
  });

  it('different seeds give (generally) different p, same seed the same p', () => {
    const a = localMoranRate(e, b, grid, { permutations: 199, seed: 1 });
    const a2 = localMoranRate(e, b, grid, { permutations: 199, seed: 1 });
    const c = localMoranRate(e, b, grid, { permutations: 199, seed: 2 });
    expect(a2.p).toEqual(a.p);
    expect(c.I).toEqual(a.I);
    expect(c.p).not.toEqual(a.p);
  });

  it('pseudo p converges to the exact conditional-permutation p (enumerated)', () => {
    // Enumerate every |N(i)|-subset of the other n-1 values: each is equally likely under
    // conditional randomisation, so E[#(sim >= I)]/P is the exact tail fraction.
    const { I } = localMoranRate(e, b, grid, { permutations: 0, seed: 0 });
    const naive = naiveLocalMoran(ebStandardize(e, b), grid);
    const n = e.length;
    const den = naive.z.reduce((s, v) => s + v * v, 0);
    const perms = 20000;
    const { p } = localMoranRate(e, b, grid, { permutations: perms, seed: 12345 });
    for (let i = 0; i < n; i++) {
      const others = [...Array(n).keys()].filter((j) => j !== i);
      const k = grid[i].length;
      let ge = 0;
      let total = 0;
      const choose = (start: number, picked: number[]): void => {
        if (picked.length === k) {
          const lag = picked.reduce((s, j) => s + naive.z[j], 0) / k;
          const sim = ((n - 1) * naive.z[i] * lag) / den;
          total++;
          if (sim >= I[i] - 1e-12 * Math.abs(I[i])) ge++;
          return;
        }
        for (let t = start; t < others.length; t++) choose(t + 1, [...picked, others[t]]);
      };
      choose(0, []);
      const frac = Math.min(ge, total - ge) / total; // folded tail, as PySAL folds `larger`
      // binomial sd of the estimate is <= sqrt(0.25/20000) = 0.0035
      expect(Math.abs(p[i] - frac)).toBeLessThan(0.015);
    }
  });

  it('islands get I = 0, p = 1; degenerate inputs never produce NaN', () => {
    const nb = [[1], [0, 2], [1], []];
    const res = localMoranRate([5, 1, 9, 30], [100, 100, 100, 100], nb, { permutations: 99, seed: 3 });
    expect(res.I[3]).toBe(0);
    expect(res.p[3]).toBe(1);
    expectAllFinite([...res.I, ...res.p]);

    const zeros = localMoranRate([0, 0, 0], [0, 0, 0], [[1], [0, 2], [1]], { permutations: 99, seed: 1 });
    expect(zeros.I).toEqual([0, 0, 0]);
    expect(zeros.p).toEqual([1, 1, 1]);
    const one = localMoranRate([3], [40], [[]], { permutations: 99, seed: 1 });
    expect(one).toEqual({ I: [0], p: [1], quadrant: ['LL'] });
    const zeroPop = localMoranRate([3, 0, 8, 2], [100, 0, 120, 90], [[1], [0, 2], [1, 3], [2]], {
      permutations: 49,
      seed: 5,
    });
    expectAllFinite([...zeroPop.I, ...zeroPop.p]);
    expect(() => localMoranRate([1], [1], [[]], { permutations: -1, seed: 1 })).toThrow(RangeError);
  });

  it('finds a planted high-rate cluster', () => {
    // 10x10 grid, rook; top-left 3x3 block has 5x the rate
    const side = 10;
    const n = side * side;
    const nb: number[][] = [];
    const pop: number[] = [];
    const ev: number[] = [];
    const r = rng(5);
    for (let i = 0; i < n; i++) {
      const x = i % side;
      const y = Math.floor(i / side);
      const l: number[] = [];
      if (x > 0) l.push(i - 1);
      if (x < side - 1) l.push(i + 1);
      if (y > 0) l.push(i - side);
      if (y < side - 1) l.push(i + side);
      nb.push(l);
      pop.push(1000);
      ev.push(Math.round((x < 3 && y < 3 ? 50 : 10) * (0.8 + 0.4 * r())));
    }
    const res = localMoranRate(ev, pop, nb, { permutations: 999, seed: 42 });
    expect(res.quadrant[11]).toBe('HH');
    expect(res.p[11]).toBeLessThan(0.01);
    expect(res.I[11]).toBeGreaterThan(0);
  });
});

describe('fdr (Benjamini–Hochberg)', () => {
  function bhQ(p: number[]): number[] {
    // adjusted q_(i) = min_{j >= i} m p_(j) / j
    const m = p.length;
    const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b]);
    const q = new Array<number>(m);
    let running = Infinity;
    for (let r = m; r >= 1; r--) {
      running = Math.min(running, (m * p[order[r - 1]]) / r);
      q[order[r - 1]] = Math.min(1, running);
    }
    return q;
  }

  it('matches a worked example', () => {
    // m = 6, alpha 0.05 → thresholds 0.00833, 0.01667, 0.025, 0.0333, 0.04167, 0.05
    // sorted p: 0.001 .008 .039 .041 .042 .06 → largest k with p_(k) <= k/6*0.05 is k = 2?
    //   k=5: 0.042 > 0.04167; k=4: 0.041 > 0.0333; k=3: 0.039 > 0.025; k=2: .008 <= .0167 ✓
    expect(fdr([0.042, 0.001, 0.06, 0.039, 0.008, 0.041], 0.05)).toEqual([false, true, false, false, true, false]);
    // step-up: a larger p can rescue smaller ones that fail their own threshold
    // m = 3: thresholds .0167 .0333 .05; p sorted .02 .03 .04 → k = 3 (0.04 <= 0.05) → all
    expect(fdr([0.04, 0.02, 0.03], 0.05)).toEqual([true, true, true]);
  });

  it('significant iff the BH-adjusted q-value <= alpha, on random inputs', () => {
    const r = rng(17);
    for (let rep = 0; rep < 200; rep++) {
      const m = 1 + Math.floor(r() * 60);
      const p = Array.from({ length: m }, () => (r() < 0.3 ? r() * 0.01 : r()));
      if (rep % 5 === 0) p.push(p[0], p[0]); // ties
      for (const alpha of [0.01, 0.05, 0.1]) {
        const got = fdr(p, alpha);
        const q = bhQ(p);
        got.forEach((g, i) => expect(g).toBe(q[i] <= alpha + 1e-15));
      }
    }
  });

  it('handles empty input and rejects bad alpha', () => {
    expect(fdr([], 0.05)).toEqual([]);
    expect(fdr([1, 1], 0.05)).toEqual([false, false]);
    expect(() => fdr([0.1], 0)).toThrow(RangeError);
    expect(() => fdr([0.1], 1.5)).toThrow(RangeError);
  });
});

describe('classifyHotspot', () => {
  it('bins by confidence and sign only when significant', () => {
    expect(classifyHotspot(3, 0.005, true)).toBe('hot99');
    expect(classifyHotspot(2.2, 0.01, true)).toBe('hot99');
    expect(classifyHotspot(2.1, 0.03, true)).toBe('hot95');
    expect(classifyHotspot(1.7, 0.08, true)).toBe('hot90');
    expect(classifyHotspot(1.7, 0.1, true)).toBe('hot90');
    expect(classifyHotspot(-3, 0.001, true)).toBe('cold99');
    expect(classifyHotspot(-2, 0.04, true)).toBe('cold95');
    expect(classifyHotspot(-1.7, 0.09, true)).toBe('cold90');
    expect(classifyHotspot(1.2, 0.2, true)).toBe('none');
    expect(classifyHotspot(3, 0.001, false)).toBe('none');
    expect(classifyHotspot(0, 0.001, true)).toBe('none');
    expect(classifyHotspot(Number.NaN, 0.001, true)).toBe('none');
  });
});

describe('mannKendall', () => {
  // numpy/scipy port of pymannkendall.original_test (S, tie-corrected var, z with continuity
  // correction, p = 2*norm.sf(|z|), tau = S/(n(n-1)/2)); S cross-checked with scipy kendalltau.
  const cases: Array<[number[], number, number, number, number, string]> = [
    [[12, 15, 14, 18, 21, 20, 25, 24, 30], 30, 3.0234590038275844, 0.0024990288576112567, 0.8333333333333334, 'increasing'],
    [[5, 5, 6, 5, 7, 7, 8, 6, 9, 9, 9, 10], 50, 3.4363056792595557, 0.0005897052137709609, 0.7575757575757576, 'increasing'],
    [[40, 38, 39, 35, 30, 33, 28, 25], -24, -2.8455120410060126, 0.004434008303100652, -0.8571428571428571, 'decreasing'],
    [[3, 1, 4, 1, 5, 9, 2, 6, 5, 3], 12, 0.9958932064677039, 0.3193020364828548, 0.26666666666666666, 'none'],
  ];
  it('matches the reference values', () => {
    for (const [series, S, z, p, tau, trend] of cases) {
      const got = mannKendall(series);
      expect(got.S).toBe(S);
      expect(Math.abs(got.z - z)).toBeLessThan(1e-13);
      expect(Math.abs(got.p - p)).toBeLessThan(1e-13);
      expect(Math.abs(got.tau - tau)).toBeLessThan(1e-15);
      expect(got.trend).toBe(trend);
    }
  });

  // Hand calculation: [1, 2, 2, 3]: pairs (1,2)+ (1,2)+ (1,3)+ (2,2)0 (2,3)+ (2,3)+ → S = 5
  //   var = (4*3*13 - 2*1*9)/18 = (156 - 18)/18 = 7.6667; z = 4/sqrt(7.6667); tau = 5/6
  it('matches the hand calculation with ties', () => {
    const got = mannKendall([1, 2, 2, 3]);
    expect(got.S).toBe(5);
    expect(got.z).toBeCloseTo(4 / Math.sqrt(138 / 18), 14);
    expect(got.tau).toBeCloseTo(5 / 6, 15);
    expect(got.trend).toBe('none');
  });

  it('is defined on degenerate series', () => {
    expect(mannKendall([])).toEqual({ S: 0, z: 0, p: 1, tau: 0, trend: 'none' });
    expect(mannKendall([4])).toEqual({ S: 0, z: 0, p: 1, tau: 0, trend: 'none' });
    expect(mannKendall([2, 2, 2, 2])).toEqual({ S: 0, z: 0, p: 1, tau: 0, trend: 'none' });
    const two = mannKendall([1, 2]);
    expectAllFinite([two.S, two.z, two.p, two.tau]);
  });
});

describe('naturalBreaks', () => {
  const calemp = [
    329.92, 0.42, 5.9, 14.03, 2.78, 1.34, 181.27, 1.65, 10.03, 16.7, 1.32, 3.99, 3.16, 0.22, 8.7, 6.56, 3.27, 0.33,
    370.5, 4.51, 75.29, 0.99, 2.74, 8.68, 0.14, 0.92, 12.63, 28.7, 12.02, 722.85, 36.68, 0.74, 29.82, 192.05, 3.38,
    11.15, 110.74, 4111.45, 49.47, 10.33, 317.11, 20.47, 264.93, 66.26, 5.39, 0.13, 0.61, 50.65, 40.48, 36.67, 13.09,
    1.81, 0.2, 7.6, 2.51, 57.26, 24.32, 6.97,
  ];

  function ssd(sorted: number[], breaks: number[]): number {
    let total = 0;
    let lo = -Infinity;
    for (const up of breaks) {
      const cls = sorted.filter((v) => v > lo && v <= up);
      const m = cls.reduce((a, b) => a + b, 0) / cls.length;
      total += cls.reduce((a, b) => a + (b - m) ** 2, 0);
      lo = up;
    }
    return total;
  }

  /** Brute force over all contiguous partitions of the sorted values into k non-empty classes. */
  function bruteForce(values: number[], k: number): { best: number; breaks: number[] } {
    const s = [...values].sort((a, b) => a - b);
    const n = s.length;
    let best = Infinity;
    let bestBreaks: number[] = [];
    const rec = (start: number, left: number, cuts: number[]): void => {
      if (left === 1) {
        const bks = [...cuts, n - 1].map((i) => s[i]);
        // skip partitions that split equal values (not expressible as upper bounds)
        if (new Set(bks).size !== bks.length) return;
        const c = ssd(s, bks);
        if (c < best - 1e-12) {
          best = c;
          bestBreaks = bks;
        }
        return;
      }
      for (let end = start; end <= n - left; end++) rec(end + 1, left - 1, [...cuts, end]);
    };
    rec(0, k, []);
    return { best, breaks: bestBreaks };
  }

  /** Brute force over ALL assignments of values to k labels (no contiguity assumption). */
  function bruteForceAssignments(values: number[], k: number): number {
    const n = values.length;
    let best = Infinity;
    const labels = new Array<number>(n).fill(0);
    const total = k ** n;
    for (let code = 0; code < total; code++) {
      let c = code;
      for (let i = 0; i < n; i++) {
        labels[i] = c % k;
        c = Math.floor(c / k);
      }
      let cost = 0;
      let nonEmpty = 0;
      for (let g = 0; g < k; g++) {
        const cls = values.filter((_, i) => labels[i] === g);
        if (!cls.length) continue;
        nonEmpty++;
        const m = cls.reduce((a, b) => a + b, 0) / cls.length;
        cost += cls.reduce((a, b) => a + (b - m) ** 2, 0);
      }
      if (nonEmpty === k && cost < best) best = cost;
    }
    return best;
  }

  it('reproduces the published mapclassify FisherJenks example (calemp, k = 5)', () => {
    // mapclassify docstring: fj.bins.tolist() == [75.29, 192.05, 370.5, 722.85, 4111.45], counts [49,3,4,1,1]
    expect(naturalBreaks(calemp, 5)).toEqual([75.29, 192.05, 370.5, 722.85, 4111.45]);
  });

  it('matches mapclassify for other k and another data set (numpy port of _fisher_jenks_means)', () => {
    expect(naturalBreaks(calemp, 2)).toEqual([722.85, 4111.45]);
    expect(naturalBreaks(calemp, 3)).toEqual([192.05, 722.85, 4111.45]);
    expect(naturalBreaks(calemp, 4)).toEqual([110.74, 370.5, 722.85, 4111.45]);
    expect(naturalBreaks(calemp, 6)).toEqual([29.82, 110.74, 264.93, 370.5, 722.85, 4111.45]);
    expect(naturalBreaks(calemp, 7)).toEqual([29.82, 110.74, 192.05, 264.93, 370.5, 722.85, 4111.45]);
    // numpy.random.default_rng(20240601).lognormal(1.0, 0.8, 40), rounded to 3 decimals
    const ln = [
      4.565, 3.957, 1.625, 1.059, 2.421, 7.119, 7.9, 5.622, 3.587, 9.777, 7.288, 2.279, 1.162, 2.031, 1.943, 4.712,
      0.595, 2.332, 10.35, 1.302, 1.482, 2.541, 0.874, 2.451, 2.684, 2.708, 1.233, 2.029, 4.586, 1.535, 4.211, 4.592,
      0.868, 1.622, 4.592, 4.034, 3.138, 2.057, 2.965, 12.18,
    ];
    expect(naturalBreaks(ln, 3)).toEqual([2.965, 5.622, 12.18]);
    expect(naturalBreaks(ln, 5)).toEqual([1.625, 3.138, 5.622, 7.9, 12.18]);
    expect(naturalBreaks(ln, 7)).toEqual([1.625, 2.965, 4.211, 5.622, 7.9, 10.35, 12.18]);
  });

  it('is optimal: equals the brute-force minimum over all contiguous partitions (n <= 12)', () => {
    const r = rng(2024);
    for (let rep = 0; rep < 150; rep++) {
      const n = 2 + Math.floor(r() * 11);
      const vals = Array.from({ length: n }, () =>
        rep % 3 === 0 ? Math.floor(r() * 6) : Math.round(r() ** 3 * 1e5) / 100,
      );
      const distinct = new Set(vals).size;
      const k = 1 + Math.floor(r() * Math.min(6, distinct));
      const got = naturalBreaks(vals, k);
      const sorted = [...vals].sort((a, b) => a - b);
      if (k >= distinct) {
        expect(got).toEqual([...new Set(sorted)]);
        continue;
      }
      const bf = bruteForce(vals, k);
      expect(got.length).toBe(k);
      expect(got[k - 1]).toBe(sorted[n - 1]);
      for (let i = 1; i < k; i++) expect(got[i]).toBeGreaterThan(got[i - 1]);
      expect(Math.abs(ssd(sorted, got) - bf.best)).toBeLessThanOrEqual(1e-9 * Math.max(1, bf.best));
    }
  });

  it('is optimal even against arbitrary (non-contiguous) groupings, n <= 8', () => {
    const r = rng(77);
    for (let rep = 0; rep < 25; rep++) {
      const n = 3 + Math.floor(r() * 6);
      const vals = Array.from({ length: n }, () => Math.round(r() * 1000) / 10);
      const k = 2 + Math.floor(r() * 2);
      if (new Set(vals).size <= k) continue;
      const sorted = [...vals].sort((a, b) => a - b);
      const best = bruteForceAssignments(vals, k);
      expect(Math.abs(ssd(sorted, naturalBreaks(vals, k)) - best)).toBeLessThanOrEqual(1e-9 * Math.max(1, best));
    }
  });

  it('handles edge cases', () => {
    expect(naturalBreaks([], 5)).toEqual([]);
    expect(naturalBreaks([3, 1, 3, 2, 1], 5)).toEqual([1, 2, 3]);
    expect(naturalBreaks([3, 1, 2], 3)).toEqual([1, 2, 3]);
    expect(naturalBreaks([7, 7, 7], 2)).toEqual([7]);
    expect(naturalBreaks([5, 1, 9], 1)).toEqual([9]);
    expect(() => naturalBreaks([1, 2], 0)).toThrow(RangeError);
    expect(() => naturalBreaks([1, 2], 0)).toThrow(/k must be an integer >= 1/);
    expect(() => naturalBreaks([1, 2], 2.5)).toThrow(RangeError);
    expect(() => naturalBreaks([1, Number.NaN], 2)).toThrow(RangeError);
  });

  it('classifies 15,000 values quickly', () => {
    const r = rng(8);
    const vals = Array.from({ length: 15000 }, () => Math.exp(r() * 6));
    const t0 = performance.now();
    const bks = naturalBreaks(vals, 7);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(bks).toHaveLength(7);
    expect(bks[6]).toBe(Math.max(...vals));
  });
});
