// Count distributions and a quasi-Poisson GLM (log link, fitted by IRLS) for monthly registration
// counts: the building blocks of the signals and the evaluations. Pure numerics, no data access.

/** log Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error < 1e-14 on the counts used here). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * The predictive distribution of a count with mean `mean` and variance `variance`: Poisson when the
 * variance does not exceed the mean, otherwise the negative binomial with the same two moments.
 */
export interface CountDistribution {
  mean: number;
  variance: number;
  /** NB size parameter; Infinity = Poisson. */
  size: number;
}

export function momentMatched(mean: number, variance: number): CountDistribution {
  const m = Math.max(mean, 1e-9);
  const v = Math.max(variance, m);
  const size = v > m * (1 + 1e-9) ? (m * m) / (v - m) : Infinity;
  return { mean: m, variance: v, size };
}

function logPmf(d: CountDistribution, k: number): number {
  if (d.size === Infinity) return k * Math.log(d.mean) - d.mean - logGamma(k + 1);
  const r = d.size;
  return logGamma(k + r) - logGamma(r) - logGamma(k + 1) + r * Math.log(r / (r + d.mean)) + k * Math.log(d.mean / (r + d.mean));
}

/** Probabilities 0..K where K covers all but a negligible tail (and at least `atLeast`). */
function pmfTable(d: CountDistribution, atLeast: number): Float64Array {
  const K = Math.ceil(Math.max(atLeast, d.mean + 12 * Math.sqrt(d.variance) + 30));
  const logs = new Float64Array(K + 1);
  let max = -Infinity;
  for (let k = 0; k <= K; k++) {
    logs[k] = logPmf(d, k);
    if (logs[k] > max) max = logs[k];
  }
  let total = 0;
  for (let k = 0; k <= K; k++) total += logs[k] = Math.exp(logs[k] - max);
  for (let k = 0; k <= K; k++) logs[k] /= total;
  return logs;
}

/** P(Y <= y) and P(Y >= y) of an observed count y. */
export function tails(d: CountDistribution, y: number): { lower: number; upper: number } {
  const p = pmfTable(d, y + 1);
  let below = 0;
  for (let k = 0; k < y; k++) below += p[k];
  const at = p[y] ?? 0;
  return { lower: Math.min(1, below + at), upper: Math.min(1, Math.max(0, 1 - below)) };
}

/** Two-sided p-value of an observed count: twice the smaller tail, capped at 1. */
export function twoSidedCountP(d: CountDistribution, y: number): number {
  const t = tails(d, y);
  return Math.min(1, 2 * Math.min(t.lower, t.upper));
}

/** The smallest counts whose cumulative probability reaches each of `probs`. */
export function countQuantiles(d: CountDistribution, probs: number[]): number[] {
  const p = pmfTable(d, 0);
  return probs.map((q) => {
    let cum = 0;
    for (let k = 0; k < p.length; k++) {
      cum += p[k];
      if (cum >= q - 1e-12) return k;
    }
    return p.length - 1;
  });
}

// ---------------------------------------------------------------------------
// Small dense linear algebra (at most ~15 parameters)
// ---------------------------------------------------------------------------

/** Inverse of a symmetric positive-definite matrix by Cholesky; null when it is not SPD. */
export function invertSpd(a: number[][]): number[][] | null {
  const n = a.length;
  const L = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(s > 1e-12)) return null;
        L[i][i] = Math.sqrt(s);
      } else L[i][j] = s / L[j][j];
    }
  }
  // inv(L), then inv(A) = inv(L)' inv(L).
  const Li = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    Li[i][i] = 1 / L[i][i];
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= L[i][k] * Li[k][j];
      Li[i][j] = s / L[i][i];
    }
  }
  const inv = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += Li[k][i] * Li[k][j];
      inv[i][j] = inv[j][i] = s;
    }
  }
  return inv;
}

// ---------------------------------------------------------------------------
// Quasi-Poisson GLM by iteratively reweighted least squares
// ---------------------------------------------------------------------------

export interface GlmFit {
  beta: number[];
  /** Covariance of beta, already multiplied by the dispersion. */
  cov: number[][];
  /** Pearson dispersion estimate, at least 1 (under-dispersion is not trusted on counts this small). */
  dispersion: number;
  /** Observations and parameters used. */
  n: number;
  p: number;
  iterations: number;
  converged: boolean;
}

/**
 * Fits log E[y] = X beta with variance phi * mu. `penalty[j]` adds penalty[j] * beta_j^2 to the
 * deviance (a weak ridge that keeps a month-of-year effect finite when that month was always zero).
 */
export function fitQuasiPoisson(X: number[][], y: number[], penalty: number[] = []): GlmFit | null {
  const n = y.length;
  const p = X[0]?.length ?? 0;
  if (n === 0 || p === 0 || n <= p) return null;
  const mean = y.reduce((s, v) => s + v, 0) / n;
  if (!(mean > 0)) return null;
  let beta = new Array<number>(p).fill(0);
  beta[0] = Math.log(mean);
  let dev = Infinity;
  let iterations = 0;
  let converged = false;
  for (; iterations < 100; iterations++) {
    const A = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const b = new Array<number>(p).fill(0);
    for (let i = 0; i < n; i++) {
      const x = X[i];
      let eta = 0;
      for (let j = 0; j < p; j++) eta += x[j] * beta[j];
      const mu = Math.exp(Math.min(eta, 30));
      const z = eta + (y[i] - mu) / mu;
      for (let j = 0; j < p; j++) {
        b[j] += x[j] * mu * z;
        for (let k = 0; k <= j; k++) A[j][k] += x[j] * mu * x[k];
      }
    }
    for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) A[k][j] = A[j][k];
    for (let j = 0; j < p; j++) A[j][j] += (penalty[j] ?? 0) + 1e-10;
    const inv = invertSpd(A);
    if (!inv) return null;
    const next = inv.map((row) => row.reduce((s, v, k) => s + v * b[k], 0));
    let nextDev = 0;
    for (let i = 0; i < n; i++) {
      let eta = 0;
      for (let j = 0; j < p; j++) eta += X[i][j] * next[j];
      const mu = Math.exp(Math.min(eta, 30));
      nextDev += 2 * ((y[i] > 0 ? y[i] * Math.log(y[i] / mu) : 0) - (y[i] - mu));
    }
    for (let j = 0; j < p; j++) nextDev += (penalty[j] ?? 0) * next[j] * next[j];
    beta = next;
    if (Math.abs(nextDev - dev) < 1e-9 * (Math.abs(nextDev) + 1)) {
      dev = nextDev;
      converged = true;
      iterations++;
      break;
    }
    dev = nextDev;
  }
  // Information and Pearson residuals at the final estimate.
  const A = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  let pearson = 0;
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let j = 0; j < p; j++) eta += X[i][j] * beta[j];
    const mu = Math.exp(Math.min(eta, 30));
    pearson += ((y[i] - mu) * (y[i] - mu)) / mu;
    for (let j = 0; j < p; j++) for (let k = 0; k <= j; k++) A[j][k] += X[i][j] * mu * X[i][k];
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) A[k][j] = A[j][k];
  for (let j = 0; j < p; j++) A[j][j] += (penalty[j] ?? 0) + 1e-10;
  const inv = invertSpd(A);
  if (!inv) return null;
  const dispersion = Math.max(1, pearson / (n - p));
  return { beta, cov: inv.map((r) => r.map((v) => v * dispersion)), dispersion, n, p, iterations, converged };
}
