// Seeded count simulation for the statistical tests of signals and evaluations: Poisson and
// gamma-Poisson (negative binomial) draws with a known mean, so a test knows the truth.
import { gaussian, mulberry32 } from '../../server/src/domain/random.ts';

export type Rand = () => number;

export const rng = (seed: number): Rand => mulberry32(seed);

export function poisson(rand: Rand, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rand)));
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > l);
  return k - 1;
}

/** Gamma(shape, 1) by Marsaglia-Tsang. */
function gamma(rand: Rand, shape: number): number {
  if (shape < 1) return gamma(rand, shape + 1) * Math.pow(rand(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = gaussian(rand);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rand();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Negative binomial with the given mean and size (variance mean + mean^2 / size). */
export function negBinomial(rand: Rand, mean: number, size: number): number {
  return poisson(rand, (mean * gamma(rand, size)) / size);
}

/** A shared seasonal pattern (multiplier per calendar month 1-12), like registered burglary. */
export const SEASON = [1.25, 1.1, 1.0, 0.9, 0.85, 0.8, 0.85, 0.9, 0.95, 1.05, 1.2, 1.3];
