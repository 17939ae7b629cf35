import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bootstrapMeanInterval,
  DEFAULT_RESAMPLES,
  seededRandom,
  sortedQuantile,
} from './bootstrap.ts';
import { mean, sampleStandardDeviation } from './means.ts';
import { normalQuantile } from './normal.ts';

// The percentile bootstrap: deterministic for a seed, and in agreement with normal theory on a
// large sample, where the bootstrap distribution of the mean is close to normal with SD
// s_n / sqrt(n) (s_n with n in the denominator, the SD of the resampled population).

/** A fixed sample of skewed 5-point answers, drawn from a seeded generator. */
function answers(count: number, seed: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => 1 + Math.floor(random() * random() * 5));
}

describe('the seeded generator', () => {
  it('repeats for a seed, differs between seeds, and spreads evenly over [0, 1)', () => {
    const first = seededRandom(42);
    const again = seededRandom(42);
    const draws = Array.from({ length: 10_000 }, () => first());
    expect(Array.from({ length: 10_000 }, () => again())).toEqual(draws);
    expect(seededRandom(43)()).not.toBe(draws[0]);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    // Chi-square over 10 equal bins, 9 df: the 99.9% point is 27.88.
    const bins = new Array<number>(10).fill(0);
    for (const draw of draws) bins[Math.floor(draw * 10)] = (bins[Math.floor(draw * 10)] ?? 0) + 1;
    const chiSquare = bins.reduce((sum, observed) => sum + (observed - 1000) ** 2 / 1000, 0);
    expect(chiSquare).toBeLessThan(27.88);
  });
});

describe('the percentile bootstrap interval of a mean', () => {
  it('agrees with mean +/- z s_n / sqrt(n) on a large sample, at 95% and 90%', () => {
    const values = answers(400, 7);
    const centre = mean(values) ?? Number.NaN;
    const sdN = (sampleStandardDeviation(values) ?? Number.NaN) * Math.sqrt(399 / 400);
    for (const confidence of [0.95, 0.9]) {
      const interval = bootstrapMeanInterval(values, { confidence, resamples: 20_000, seed: 3 });
      const half = (normalQuantile(1 - (1 - confidence) / 2) * sdN) / Math.sqrt(400);
      // Monte Carlo error of a 2.5% quantile with B = 20,000 is about 2% of the half-width;
      // a wrong tail (say 5% for 2.5%) would be 16% off.
      expect(Math.abs((interval?.lower ?? 0) - (centre - half))).toBeLessThan(0.06 * half);
      expect(Math.abs((interval?.upper ?? 0) - (centre + half))).toBeLessThan(0.06 * half);
      expect(interval?.estimate).toBe(centre);
    }
  });

  it('uses 2,000 resamples by default, drawing from a supplied generator when given one', () => {
    let calls = 0;
    const counting = () => {
      calls += 1;
      return 0.5;
    };
    const interval = bootstrapMeanInterval([1, 2, 3], { random: counting });
    expect(calls).toBe(DEFAULT_RESAMPLES * 3);
    expect(DEFAULT_RESAMPLES).toBe(2000);
    // Every draw picks index floor(0.5 * 3) = 1: every resample is 2, 2, 2.
    expect(interval).toMatchObject({ estimate: 2, lower: 2, upper: 2 });
  });

  it('is null for fewer than 2 values and zero-width at the value when all are equal', () => {
    expect(bootstrapMeanInterval([])).toBeNull();
    expect(bootstrapMeanInterval([4])).toBeNull();
    expect(bootstrapMeanInterval([0.1, 0.1, 0.1])).toMatchObject({ lower: 0.1, upper: 0.1 });
    expect(() => bootstrapMeanInterval([1, 2], { resamples: 0 })).toThrow(RangeError);
  });

  it('is the same for the same seed, and contains the mean within the range of the data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 40 }),
        fc.integer(),
        (values, seed) => {
          const options = { seed, resamples: 300 };
          const interval = bootstrapMeanInterval(values, options);
          expect(bootstrapMeanInterval(values, options)).toEqual(interval);
          if (!interval) throw new Error('no interval');
          expect(interval.lower).toBeLessThanOrEqual(interval.estimate);
          expect(interval.upper).toBeGreaterThanOrEqual(interval.estimate);
          expect(interval.lower).toBeGreaterThanOrEqual(Math.min(...values));
          expect(interval.upper).toBeLessThanOrEqual(Math.max(...values));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the quantile of sorted values', () => {
  it('interpolates between order statistics as R type 7 does', () => {
    // R: quantile(c(1, 2, 4, 8), c(0, 0.25, 0.5, 1)) = 1, 1.75, 3, 8.
    const sorted = [1, 2, 4, 8];
    expect([0, 0.25, 0.5, 1].map((q) => sortedQuantile(sorted, q))).toEqual([1, 1.75, 3, 8]);
  });
});
