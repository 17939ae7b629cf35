import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interval } from './interval.ts';
import { newcombeDifferenceInterval, type Proportion, wilsonInterval } from './proportions.ts';

// Wilson and Newcombe intervals against the published tables of the papers that define them,
// and against values computed independently in Python (SciPy's norm.ppf and the formulas
// written out afresh), then their properties.

const ends = (interval: Interval | null) =>
  interval ? [interval.lower.toFixed(4), interval.upper.toFixed(4)] : null;

describe('the Wilson score interval', () => {
  it('matches Newcombe (1998a), Table I, method 3 (score, no continuity correction)', () => {
    // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of
    // seven methods. Stat Med 1998;17:857-872.
    expect(ends(wilsonInterval(81, 263))).toEqual(['0.2553', '0.3662']);
    expect(ends(wilsonInterval(15, 148))).toEqual(['0.0624', '0.1605']);
    expect(ends(wilsonInterval(0, 20))).toEqual(['0.0000', '0.1611']);
    expect(ends(wilsonInterval(1, 29))).toEqual(['0.0061', '0.1718']);
    expect(ends(wilsonInterval(29, 29))).toEqual(['0.8830', '1.0000']);
  });

  it('matches the hand-worked values the dialogue analysis has used', () => {
    // p = 0.8, n = 10, z = 1.959964, z^2 = 3.841459: centre (0.8 + 0.19207) / 1.38415 = 0.71674,
    // half (1.959964 / 1.38415) sqrt(0.016 + 0.0096036) = 0.22658: (0.49016, 0.94332).
    expect(ends(wilsonInterval(8, 10))).toEqual(['0.4902', '0.9433']);
    expect(ends(wilsonInterval(0, 10))).toEqual(['0.0000', '0.2775']);
    expect(ends(wilsonInterval(50, 100))).toEqual(['0.4038', '0.5962']);
  });

  it('takes any confidence: 81 of 263 at 90% and 99%', () => {
    // Python: z = scipy.stats.norm.ppf(1 - (1 - c) / 2) in the Wilson formula.
    expect(ends(wilsonInterval(81, 263, 0.9))).toEqual(['0.2633', '0.3566']);
    expect(ends(wilsonInterval(81, 263, 0.99))).toEqual(['0.2401', '0.3853']);
  });

  it('is null with no trials, exactly 0 or 1 at the edges, and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(0, 7)).toMatchObject({ estimate: 0, lower: 0 });
    expect(wilsonInterval(7, 7)).toMatchObject({ estimate: 1, upper: 1 });
    expect(wilsonInterval(7, 7)?.lower).toBeLessThan(1);
    expect(() => wilsonInterval(8, 7)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 7)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 7, 95)).toThrow(RangeError);
  });
});

describe('the Newcombe hybrid score interval of a difference', () => {
  const of = (successes: number, trials: number): Proportion => ({ successes, trials });

  it('matches Newcombe (1998b), Table II, method 10', () => {
    // Newcombe RG. Interval estimation for the difference between independent proportions:
    // comparison of eleven methods. Stat Med 1998;17:873-890. Examples (a), (b), (d)-(h).
    const table: [Proportion, Proportion, [string, string]][] = [
      [of(56, 70), of(48, 80), ['0.0524', '0.3339']],
      [of(9, 10), of(3, 10), ['0.1705', '0.8090']],
      [of(5, 56), of(0, 29), ['-0.0381', '0.1926']],
      [of(0, 10), of(0, 20), ['-0.1611', '0.2775']],
      [of(0, 10), of(0, 10), ['-0.2775', '0.2775']],
      [of(10, 10), of(0, 20), ['0.6791', '1.0000']],
      [of(10, 10), of(0, 10), ['0.6075', '1.0000']],
    ];
    for (const [first, second, expected] of table) {
      expect(ends(newcombeDifferenceInterval(first, second))).toEqual(expected);
    }
  });

  it('takes any confidence: 56/70 - 48/80 at 90% and 99%', () => {
    // Python, the method-10 formula over SciPy-based Wilson limits.
    expect(ends(newcombeDifferenceInterval(of(56, 70), of(48, 80), 0.9))).toEqual([
      '0.0766',
      '0.3136',
    ]);
    expect(ends(newcombeDifferenceInterval(of(56, 70), of(48, 80), 0.99))).toEqual([
      '0.0054',
      '0.3718',
    ]);
  });

  it('is null when either side has no trials', () => {
    expect(newcombeDifferenceInterval(of(0, 0), of(3, 10))).toBeNull();
    expect(newcombeDifferenceInterval(of(3, 10), of(0, 0))).toBeNull();
  });
});

describe('proportion intervals, for any counts', () => {
  const count = fc
    .integer({ min: 1, max: 2000 })
    .chain((trials) =>
      fc.record({ successes: fc.integer({ min: 0, max: trials }), trials: fc.constant(trials) }),
    );
  const level = fc.constantFrom(0.8, 0.9, 0.95, 0.99, 0.999);

  it('contain the estimate, stay in [0, 1] (or [-1, 1]), and widen with confidence', () => {
    fc.assert(
      fc.property(count, count, level, ({ successes, trials }, other, confidence) => {
        const one = wilsonInterval(successes, trials, confidence);
        const wider = wilsonInterval(successes, trials, Math.min(0.9999, confidence + 0.0005));
        expect(one && wider).toBeTruthy();
        if (!one || !wider) return;
        expect(one.lower).toBeGreaterThanOrEqual(0);
        expect(one.upper).toBeLessThanOrEqual(1);
        expect(one.lower).toBeLessThanOrEqual(one.estimate);
        expect(one.upper).toBeGreaterThanOrEqual(one.estimate);
        expect(wider.upper - wider.lower).toBeGreaterThan(one.upper - one.lower);
        const difference = newcombeDifferenceInterval({ successes, trials }, other, confidence);
        if (!difference) throw new Error('no difference interval');
        expect(difference.lower).toBeGreaterThanOrEqual(-1);
        expect(difference.upper).toBeLessThanOrEqual(1);
        expect(difference.lower).toBeLessThanOrEqual(difference.estimate);
        expect(difference.upper).toBeGreaterThanOrEqual(difference.estimate);
      }),
    );
  });

  it('narrow as n grows at the same rates', () => {
    fc.assert(
      fc.property(count, count, fc.integer({ min: 2, max: 10 }), (a, b, k) => {
        const width = (interval: Interval | null) =>
          interval ? interval.upper - interval.lower : Number.NaN;
        const scaled = (c: Proportion) => ({ successes: c.successes * k, trials: c.trials * k });
        expect(width(wilsonInterval(a.successes * k, a.trials * k))).toBeLessThan(
          width(wilsonInterval(a.successes, a.trials)),
        );
        expect(width(newcombeDifferenceInterval(scaled(a), scaled(b)))).toBeLessThan(
          width(newcombeDifferenceInterval(a, b)),
        );
      }),
    );
  });

  it('are mirrored when the groups swap (or successes and failures do)', () => {
    fc.assert(
      fc.property(count, count, (a, b) => {
        const forward = newcombeDifferenceInterval(a, b);
        const backward = newcombeDifferenceInterval(b, a);
        expect(backward?.estimate).toBeCloseTo(-(forward?.estimate ?? Number.NaN), 12);
        expect(backward?.lower).toBeCloseTo(-(forward?.upper ?? Number.NaN), 12);
        expect(backward?.upper).toBeCloseTo(-(forward?.lower ?? Number.NaN), 12);
        const failures = wilsonInterval(a.trials - a.successes, a.trials);
        const successes = wilsonInterval(a.successes, a.trials);
        expect(failures?.lower).toBeCloseTo(1 - (successes?.upper ?? Number.NaN), 12);
      }),
    );
  });
});
