import { checkConfidence, DEFAULT_CONFIDENCE, type Interval } from './interval.ts';
import { mean } from './means.ts';

// The percentile bootstrap interval of a mean: resample the values with replacement B times,
// take the mean of each resample, and read the interval off the alpha/2 and 1 - alpha/2
// quantiles of those means. It needs no normality, which suits skewed 5-point answers, at the
// cost of randomness: so the random numbers come from a seeded generator, never Math.random,
// and the same data and seed always give the same interval (a reloaded dashboard does not
// move). Fewer than 2 values: null.

/** A source of uniform numbers in [0, 1). */
export type RandomSource = () => number;

/** Mulberry32, a small 32-bit generator: fast, seedable, and good enough for resampling. */
export function seededRandom(seed: number): RandomSource {
  if (!Number.isInteger(seed)) throw new RangeError(`a seed is a whole number, got ${seed}`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BootstrapOptions {
  confidence?: number;
  /** The number of resamples, B (default 2,000). */
  resamples?: number;
  /** The seed of the generator when no `random` is given (default 1). */
  seed?: number;
  /** A generator to draw from instead of a seeded one. */
  random?: RandomSource;
}

export const DEFAULT_RESAMPLES = 2000;

/** The q-quantile of sorted values, interpolated between order statistics (R's type 7). */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? Number.NaN;
  return low + (position - below) * (high - low);
}

/** The percentile bootstrap interval of the mean of values; null for fewer than 2 values. */
export function bootstrapMeanInterval(
  values: readonly number[],
  options: BootstrapOptions = {},
): Interval | null {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  checkConfidence(confidence);
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a whole number >= 1, got ${resamples}`);
  }
  const estimate = mean(values);
  const n = values.length;
  if (estimate === null || n < 2) return null;
  const random = options.random ?? seededRandom(options.seed ?? 1);
  // Offsets from the first value, as mean() sums them: equal values resample to exactly their
  // mean, so a zero-spread sample gives the zero-width interval at its mean, not one ulp off.
  const first = values[0] ?? 0;
  const means = new Float64Array(resamples);
  for (let resample = 0; resample < resamples; resample += 1) {
    let offsets = 0;
    for (let draw = 0; draw < n; draw += 1) {
      // min(): a supplied generator that returns 1 must not read past the end.
      offsets += (values[Math.min(n - 1, Math.floor(random() * n))] ?? first) - first;
    }
    means[resample] = first + offsets / n;
  }
  means.sort();
  const alpha = 1 - confidence;
  return {
    estimate,
    lower: sortedQuantile(means, alpha / 2),
    upper: sortedQuantile(means, 1 - alpha / 2),
    confidence,
  };
}
