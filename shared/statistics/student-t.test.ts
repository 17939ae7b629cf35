import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logGamma } from './gamma.ts';
import { LARGE_DF, regularizedIncompleteBeta, studentTCdf, studentTQuantile } from './student-t.ts';

// Student's t against the printed tables, against closed forms that hold exactly (df = 1 is the
// Cauchy distribution, df = 2 has an algebraic CDF), and the incomplete beta against identities.

describe('the Student t quantile', () => {
  it('matches the standard t tables to four decimals', () => {
    // Two-sided 95% (p = 0.975), 90% (0.95) and 99% (0.995) columns of a standard t table.
    const table: [number, number, string][] = [
      [0.975, 1, '12.7062'],
      [0.975, 2, '4.3027'],
      [0.975, 5, '2.5706'],
      [0.975, 7, '2.3646'],
      [0.975, 9, '2.2622'],
      [0.975, 30, '2.0423'],
      [0.975, 120, '1.9799'],
      [0.95, 10, '1.8125'],
      [0.995, 20, '2.8453'],
      [0.9995, 1, '636.6192'],
    ];
    for (const [p, df, t] of table) expect(studentTQuantile(p, df).toFixed(4)).toBe(t);
  });

  it('matches SciPy to 1e-9 at fractional and very large df', () => {
    // scipy.stats.t.ppf (SciPy 1.17), computed outside this code base.
    const reference: [number, number, number][] = [
      [0.975, 3.5, 2.9400886379827282],
      [0.975, 6.680412371134021, 2.3877506348046365],
      [0.9, 1000, 1.2823987214609247],
      [0.975, 1e5, 1.9599877075346095],
      [0.975, 1e6, 1.959966356814107],
      [0.975, 1e9, 1.959963986912325],
    ];
    for (const [p, df, t] of reference) {
      expect(Math.abs(studentTQuantile(p, df) - t)).toBeLessThan(1e-9);
    }
  });

  it('is the Cauchy quantile tan(pi (p - 1/2)) = -1 / tan(pi p) at df = 1', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        // The cotangent form: p - 1/2 would round, and tan near pi/2 magnifies that a millionfold.
        const exact = -1 / Math.tan(Math.PI * p);
        expect(Math.abs(studentTQuantile(p, 1) - exact)).toBeLessThan(1e-9 * Math.max(1, exact));
      }),
    );
  });

  it('is (2p - 1) / sqrt(2 p (1 - p)) at df = 2', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        const exact = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
        expect(Math.abs(studentTQuantile(p, 2) - exact)).toBeLessThan(1e-9 * Math.max(1, exact));
      }),
    );
  });

  it('inverts the CDF for any df from 1 to 10^6, and is antisymmetric', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        (p, df) => {
          const t = studentTQuantile(p, df);
          expect(Math.abs(studentTCdf(t, df) - p)).toBeLessThan(1e-12 + 1e-9 * Math.min(p, 1 - p));
          // 1 - p rounds by up to 1e-16, which moves a quantile at p = 1e-6 by about 1e-10 of it.
          expect(Math.abs(studentTQuantile(1 - p, df) + t)).toBeLessThan(1e-8 * Math.max(1, -t, t));
        },
      ),
    );
  });

  it('falls as df grows, towards the normal quantile, with no jump at the large-df switch', () => {
    expect(studentTQuantile(0.975, 10)).toBeGreaterThan(studentTQuantile(0.975, 11));
    expect(studentTQuantile(0.975, 11)).toBeGreaterThan(studentTQuantile(0.975, 1e6));
    // Either side of the switch from the incomplete beta to the 1/df expansion, the quantile
    // drops by (z^3 + z) / 4 (1 / df1 - 1/df2), about 4.7e-9 here, and by nothing more.
    const z = 1.959963984540054;
    const [df1, df2] = [LARGE_DF * 0.999, LARGE_DF * 1.001];
    const drop = studentTQuantile(0.975, df1) - studentTQuantile(0.975, df2);
    expect(Math.abs(drop - ((z ** 3 + z) / 4) * (1 / df1 - 1 / df2))).toBeLessThan(1e-11);
    expect(() => studentTQuantile(0.975, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, Number.NaN)).toThrow(RangeError);
  });
});

describe('the Student t CDF', () => {
  it('is 1/2 + atan(t) / pi at df = 1 and 1/2 + t / (2 sqrt(2 + t^2)) at df = 2', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), (t) => {
        expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 12);
        expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 12);
      }),
    );
  });
});

describe('the Student t CDF at very large df', () => {
  it('matches SciPy past the switch to the 1/df expansion, tails included', () => {
    // scipy.stats.t.cdf (SciPy 1.17). t(2, 1e7) differs from Phi(2) by 1.3e-8: a wrong 1/df
    // term would show.
    const reference: [number, number, number][] = [
      [2, 1e7, 0.9772498545540785],
      [-3, 1e7, 0.0013499013555185817],
      [2, 2e6, 0.9772498005630966],
      [-4.5, 5e6, 3.3977495476496666e-6],
    ];
    for (const [t, df, p] of reference) {
      expect(Math.abs(studentTCdf(t, df) - p)).toBeLessThan(1e-13 + 1e-9 * p);
    }
  });
});

describe('the regularized incomplete beta function', () => {
  it('meets its closed forms and its symmetry', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        (x, a, b) => {
          // I_x(a, 1) = x^a and I_x(1, b) = 1 - (1 - x)^b.
          expect(regularizedIncompleteBeta(x, a, 1)).toBeCloseTo(x ** a, 12);
          expect(regularizedIncompleteBeta(x, 1, b)).toBeCloseTo(1 - (1 - x) ** b, 12);
          expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(
            1 - regularizedIncompleteBeta(1 - x, b, a),
            12,
          );
        },
      ),
    );
  });
});

describe('ln Gamma', () => {
  it('gives factorials and Gamma(1/2) = sqrt(pi)', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    // ln(170!) = 706.5730622457874 (ln Gamma(171), R lgamma(171)).
    expect(logGamma(171)).toBeCloseTo(706.5730622457874, 10);
  });
});
