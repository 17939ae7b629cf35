import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from './normal.ts';

// The normal quantile against published values, and against the normal CDF, which is computed
// independently (incomplete gamma function, not AS 241).

describe('the standard normal quantile', () => {
  it('matches the standard tables to six decimals', () => {
    // Any standard normal table (e.g. Abramowitz & Stegun, Table 26.5): 1.959964, 1.644854,
    // 2.575829, 1.281552, 3.090232.
    expect(normalQuantile(0.975).toFixed(6)).toBe('1.959964');
    expect(normalQuantile(0.95).toFixed(6)).toBe('1.644854');
    expect(normalQuantile(0.995).toFixed(6)).toBe('2.575829');
    expect(normalQuantile(0.9).toFixed(6)).toBe('1.281552');
    expect(normalQuantile(0.999).toFixed(6)).toBe('3.090232');
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('matches full-precision reference values to 1e-12, far into the tails', () => {
    // R 4 qnorm() and SciPy 1.17 scipy.stats.norm.ppf (Cephes ndtri) agree on these.
    const reference: [number, number][] = [
      [0.975, 1.959963984540054],
      [0.025, -1.959963984540054],
      [0.3, -0.5244005127080409],
      [0.02425, -1.972961051311885],
      [1e-10, -6.361340902404056],
      [1e-300, -37.0470962993612],
    ];
    for (const [p, x] of reference) {
      expect(Math.abs(normalQuantile(p) - x)).toBeLessThan(1e-12 * Math.max(1, Math.abs(x)));
    }
  });

  it('inverts the normal CDF to 1e-13 over the whole range', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        const tail = Math.min(p, 1 - p);
        expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(1e-13 + 1e-10 * tail);
      }),
    );
  });

  it('rises with p, is antisymmetric about 1/2, and is infinite at 0 and 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        (p, q) => {
          if (p < q) expect(normalQuantile(p)).toBeLessThanOrEqual(normalQuantile(q));
          expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 7);
        },
      ),
    );
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});

describe('the standard normal CDF', () => {
  it('matches the standard tables', () => {
    // Phi(1) = 0.841345, Phi(1.96) = 0.975002, Phi(-3) = 0.001350 (Abramowitz & Stegun 26.1).
    expect(normalCdf(1).toFixed(6)).toBe('0.841345');
    expect(normalCdf(1.96).toFixed(6)).toBe('0.975002');
    expect(normalCdf(-3).toFixed(6)).toBe('0.001350');
    expect(normalCdf(0)).toBe(0.5);
  });
});
