import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mean,
  meanInterval,
  pairedDifferenceInterval,
  type SampleSummary,
  sampleStandardDeviation,
  summarize,
  welchDifferenceInterval,
} from './means.ts';

// Means and t intervals on small samples worked out by hand (the steps are in the comments; the
// t quantiles come from a standard t table), cross-checked in SciPy 1.17 (stats.ttest_1samp,
// ttest_ind(equal_var=False), ttest_rel and their confidence_interval()), then properties.

const rounded = (interval: { lower: number; upper: number } | null) =>
  interval ? [interval.lower.toFixed(4), interval.upper.toFixed(4)] : null;

describe('mean and sample standard deviation', () => {
  it('follow their definitions, with n - 1 in the SD', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: sum 40, mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32;
    // s^2 = 32 / 7 = 4.571429, s = 2.138090 (with n = 8 it would be 2).
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(values)).toBe(5);
    expect(sampleStandardDeviation(values)).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(summarize(values)).toEqual({ n: 8, mean: 5, sd: Math.sqrt(32 / 7) });
  });

  it('give null where there is nothing to estimate, and exactly 0 spread for equal values', () => {
    expect(mean([])).toBeNull();
    expect(sampleStandardDeviation([3])).toBeNull();
    expect(summarize([3])).toBeNull();
    expect(summarize([0.1, 0.1, 0.1])).toEqual({ n: 3, mean: 0.1, sd: 0 });
    expect(() => mean([1, Number.NaN])).toThrow(RangeError);
  });
});

describe('the t interval of a mean', () => {
  it('matches a hand computation', () => {
    // The sample above: n = 8, mean 5, s = 2.138090, SE = s / sqrt(8) = 0.755929.
    // t(0.975, 7) = 2.3646 (table): half-width 1.787488, interval (3.2125, 6.7875).
    // t(0.95, 7) = 1.8946 (table): half-width 1.432167, interval (3.5678, 6.4322).
    const sample = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    if (!sample) throw new Error('no summary');
    expect(rounded(meanInterval(sample))).toEqual(['3.2125', '6.7875']);
    expect(meanInterval(sample)).toMatchObject({ estimate: 5, df: 7, confidence: 0.95 });
    expect(meanInterval(sample)?.standardError).toBeCloseTo(0.755929, 6);
    expect(rounded(meanInterval(sample, 0.9))).toEqual(['3.5678', '6.4322']);
  });

  it('is null for fewer than 2 values and has zero width when every value is the same', () => {
    expect(meanInterval({ n: 1, mean: 4, sd: 0 })).toBeNull();
    expect(meanInterval({ n: 0, mean: 0, sd: 0 })).toBeNull();
    expect(meanInterval({ n: 12, mean: 4, sd: 0 })).toMatchObject({ lower: 4, upper: 4, df: 11 });
    expect(() => meanInterval({ n: 5, mean: 4, sd: -1 })).toThrow(RangeError);
    expect(() => meanInterval({ n: 5, mean: 4, sd: 1 }, 1)).toThrow(RangeError);
  });
});

describe("Welch's interval for a difference of means", () => {
  it('matches a hand computation, degrees of freedom included', () => {
    // A = 3, 4, 5, 6, 7: mean 5, s^2 = 10 / 4 = 2.5.  B = 2, 2, 3, 5, 8: mean 4, s^2 = 26 / 4 = 6.5.
    // s1^2/n1 = 0.5, s2^2/n2 = 1.3, SE = sqrt(1.8) = 1.341641.
    // df = 1.8^2 / (0.5^2 / 4 + 1.3^2 / 4) = 3.24 / 0.485 = 6.680412.
    // t(0.975, 6.680412) = 2.387751 (SciPy): half-width 3.203504, interval (-2.2035, 4.2035).
    const a = summarize([3, 4, 5, 6, 7]);
    const b = summarize([2, 2, 3, 5, 8]);
    if (!a || !b) throw new Error('no summary');
    const interval = welchDifferenceInterval(a, b);
    expect(interval?.df).toBeCloseTo(3.24 / 0.485, 10);
    expect(interval?.estimate).toBe(1);
    expect(interval?.standardError).toBeCloseTo(Math.sqrt(1.8), 12);
    expect(rounded(interval)).toEqual(['-2.2035', '4.2035']);
  });

  it('has df = 2n - 2 for equal sizes and SDs, and n - 1 of the other group when one SD is 0', () => {
    // Equal n and s: df = (2 s^2/n)^2 / (2 (s^2/n)^2 / (n - 1)) = 2 (n - 1).
    const same = { n: 10, mean: 3, sd: 1.2 };
    expect(welchDifferenceInterval(same, { ...same, mean: 2 })?.df).toBeCloseTo(18, 10);
    expect(welchDifferenceInterval({ n: 10, mean: 3, sd: 0 }, { n: 7, mean: 2, sd: 1 })?.df).toBe(
      6,
    );
    // Both zero: df would be 0 / 0; it is n1 + n2 - 2 and the interval has zero width.
    expect(
      welchDifferenceInterval({ n: 10, mean: 3, sd: 0 }, { n: 7, mean: 2, sd: 0 }),
    ).toMatchObject({ lower: 1, upper: 1, df: 15 });
    expect(welchDifferenceInterval({ n: 1, mean: 3, sd: 0 }, same)).toBeNull();
  });
});

describe('the paired before/after interval', () => {
  it('matches a hand computation', () => {
    // Six people, before 3, 2, 4, 3, 2, 3 and after 4, 4, 4, 5, 3, 5: differences 1, 2, 0, 2,
    // 1, 2; mean 4/3; squared deviations sum to 10/3, s^2 = 2/3, SE = sqrt(2/3 / 6) = 1/3.
    // t(0.975, 5) = 2.5706 (table): half-width 0.856861, interval (0.4765, 2.1902).
    const interval = pairedDifferenceInterval([3, 2, 4, 3, 2, 3], [4, 4, 4, 5, 3, 5]);
    expect(interval?.estimate).toBeCloseTo(4 / 3, 14);
    expect(interval?.standardError).toBeCloseTo(1 / 3, 14);
    expect(interval?.df).toBe(5);
    expect(rounded(interval)).toEqual(['0.4765', '2.1902']);
  });

  it('refuses lists of different lengths, and is null for one pair', () => {
    expect(() => pairedDifferenceInterval([1, 2], [1])).toThrow(RangeError);
    expect(pairedDifferenceInterval([1], [2])).toBeNull();
  });
});

describe('mean intervals, for any data', () => {
  const score = fc.integer({ min: 1, max: 5 });
  const sample = fc.array(score, { minLength: 2, maxLength: 60 });
  const summary = fc.record({
    n: fc.integer({ min: 2, max: 5000 }),
    mean: fc.double({ min: -100, max: 100, noNaN: true }),
    sd: fc.double({ min: 0.01, max: 50, noNaN: true }),
  });

  it('contain the estimate and narrow as n grows with the same mean and SD', () => {
    fc.assert(
      fc.property(summary, fc.integer({ min: 2, max: 10 }), (one, k) => {
        const interval = meanInterval(one);
        const larger = meanInterval({ ...one, n: one.n * k });
        if (!interval || !larger) throw new Error('no interval');
        expect(interval.lower).toBeLessThanOrEqual(interval.estimate);
        expect(interval.upper).toBeGreaterThanOrEqual(interval.estimate);
        expect(larger.upper - larger.lower).toBeLessThan(interval.upper - interval.lower);
      }),
    );
  });

  it('Welch: is mirrored when the groups swap, and its df lies in [min(n) - 1, n1 + n2 - 2]', () => {
    fc.assert(
      fc.property(summary, summary, (a: SampleSummary, b: SampleSummary) => {
        const forward = welchDifferenceInterval(a, b);
        const backward = welchDifferenceInterval(b, a);
        if (!forward || !backward) throw new Error('no interval');
        // === rather than toBe: a difference of 0 comes back as -0 the other way round.
        expect(backward.estimate === -forward.estimate).toBe(true);
        const scale = 1 + Math.abs(forward.lower) + Math.abs(forward.upper);
        expect(Math.abs(backward.lower + forward.upper) / scale).toBeLessThan(1e-9);
        expect(Math.abs(backward.upper + forward.lower) / scale).toBeLessThan(1e-9);
        expect(forward.df).toBeGreaterThanOrEqual(Math.min(a.n, b.n) - 1 - 1e-9);
        expect(forward.df).toBeLessThanOrEqual(a.n + b.n - 2 + 1e-9);
        expect(forward.lower).toBeLessThanOrEqual(forward.estimate);
        expect(forward.upper).toBeGreaterThanOrEqual(forward.estimate);
      }),
    );
  });

  it('paired: is the t interval of the differences, mirrored when before and after swap', () => {
    fc.assert(
      fc.property(
        sample.chain((before) =>
          fc.tuple(
            fc.constant(before),
            fc.array(score, { minLength: before.length, maxLength: before.length }),
          ),
        ),
        ([before, after]) => {
          const paired = pairedDifferenceInterval(before, after);
          const differences = summarize(after.map((value, index) => value - (before[index] ?? 0)));
          const direct = differences && meanInterval(differences);
          expect(paired).toEqual(direct);
          const swapped = pairedDifferenceInterval(after, before);
          if (!paired || !swapped) throw new Error('no interval');
          expect(swapped.lower).toBeCloseTo(-paired.upper, 9);
          expect(swapped.upper).toBeCloseTo(-paired.lower, 9);
        },
      ),
    );
  });
});
