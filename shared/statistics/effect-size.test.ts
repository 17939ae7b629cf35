import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cohensD,
  hedgesCorrection,
  hedgesG,
  pairedCohensDz,
  pooledStandardDeviation,
} from './effect-size.ts';
import { type SampleSummary, summarize } from './means.ts';

// Effect sizes against the worked example of Borenstein, Hedges, Higgins & Rothstein (2009),
// Introduction to Meta-Analysis, chapter 4, and against small hand computations.

describe("Cohen's d and Hedges' g", () => {
  it('match Borenstein et al. (2009), chapter 4', () => {
    // Treated: mean 103, SD 5.5, n 50; control: mean 100, SD 4.5, n 50.
    // S_within = sqrt((49 * 30.25 + 49 * 20.25) / 98) = sqrt(25.25) = 5.0249;
    // d = 3 / 5.0249 = 0.5970, V_d = 100 / 2500 + 0.5970^2 / 200 = 0.0418, SE_d = 0.2044;
    // J = 1 - 3 / (4 * 98 - 1) = 0.9923, g = 0.5924, V_g = J^2 V_d = 0.0411, SE_g = 0.2028.
    const treated: SampleSummary = { n: 50, mean: 103, sd: 5.5 };
    const control: SampleSummary = { n: 50, mean: 100, sd: 4.5 };
    expect(pooledStandardDeviation(treated, control)?.toFixed(4)).toBe('5.0249');
    const d = cohensD(treated, control);
    expect(d?.estimate.toFixed(4)).toBe('0.5970');
    expect(((d?.standardError ?? 0) ** 2).toFixed(4)).toBe('0.0418');
    expect(d?.standardError.toFixed(4)).toBe('0.2044');
    expect(hedgesCorrection(50, 50).toFixed(4)).toBe('0.9923');
    const g = hedgesG(treated, control);
    expect(g?.estimate.toFixed(4)).toBe('0.5924');
    expect(((g?.standardError ?? 0) ** 2).toFixed(4)).toBe('0.0411');
    expect(g?.standardError.toFixed(4)).toBe('0.2028');
    // 95%: g +/- 1.959964 * 0.202839 = (0.1949, 0.9900); d: (0.1964, 0.9977).
    expect([g?.lower.toFixed(4), g?.upper.toFixed(4)]).toEqual(['0.1949', '0.9900']);
    expect([d?.lower.toFixed(4), d?.upper.toFixed(4)]).toEqual(['0.1964', '0.9977']);
  });

  it('match a small hand computation, where J matters', () => {
    // A = 1, 2, 3, 4 (mean 2.5, s^2 = 5/3); B = 3, 4, 5, 6 (mean 4.5, s^2 = 5/3).
    // Pooled SD = sqrt(5/3) = 1.290994; d = -2 / 1.290994 = -1.549193.
    // var(d) = 8 / 16 + 2.4 / 16 = 0.65, SE 0.806226; 95%: -1.549193 +/- 1.580174 =
    // (-3.1294, 0.0310). J = 1 - 3 / (32 - 9) = 20/23 = 0.869565; g = -1.347125,
    // SE 0.701066, 95%: (-2.7212, 0.0269). At 90% (z = 1.644854): half-width 1.153153,
    // (-2.5003, -0.1940).
    const a = summarize([1, 2, 3, 4]);
    const b = summarize([3, 4, 5, 6]);
    if (!a || !b) throw new Error('no summary');
    const d = cohensD(a, b);
    expect(d?.estimate).toBeCloseTo(-2 / Math.sqrt(5 / 3), 12);
    expect(d?.standardError).toBeCloseTo(Math.sqrt(0.65), 12);
    expect([d?.lower.toFixed(4), d?.upper.toFixed(4)]).toEqual(['-3.1294', '0.0310']);
    const g = hedgesG(a, b);
    expect(g?.estimate).toBeCloseTo((20 / 23) * (-2 / Math.sqrt(5 / 3)), 12);
    expect([g?.lower.toFixed(4), g?.upper.toFixed(4)]).toEqual(['-2.7212', '0.0269']);
    const g90 = hedgesG(a, b, 0.9);
    expect([g90?.lower.toFixed(4), g90?.upper.toFixed(4)]).toEqual(['-2.5003', '-0.1940']);
  });

  it('are null for a group under 2 or no spread at all', () => {
    expect(cohensD({ n: 1, mean: 3, sd: 0 }, { n: 10, mean: 2, sd: 1 })).toBeNull();
    expect(cohensD({ n: 10, mean: 3, sd: 0 }, { n: 10, mean: 2, sd: 0 })).toBeNull();
    expect(hedgesG({ n: 10, mean: 3, sd: 0 }, { n: 10, mean: 2, sd: 0 })).toBeNull();
    // One group without spread still has a pooled SD.
    expect(cohensD({ n: 10, mean: 3, sd: 0 }, { n: 10, mean: 2, sd: 1 })?.estimate).toBeCloseTo(
      1 / Math.sqrt(0.5),
      12,
    );
  });
});

describe('d_z for paired answers', () => {
  it('matches a hand computation', () => {
    // Differences 1, 2, 0, 2, 1, 2 (the paired example in means.test.ts): mean 4/3,
    // SD sqrt(2/3) = 0.816497; d_z = 1.632993. var = 1/6 + 1.632993^2 / 12 = 0.388889,
    // SE 0.623610; 95%: 1.632993 +/- 1.222252 = (0.4107, 2.8552).
    const dz = pairedCohensDz([3, 2, 4, 3, 2, 3], [4, 4, 4, 5, 3, 5]);
    expect(dz?.estimate).toBeCloseTo(4 / 3 / Math.sqrt(2 / 3), 12);
    expect(dz?.standardError).toBeCloseTo(Math.sqrt(7 / 18), 12);
    expect([dz?.lower.toFixed(4), dz?.upper.toFixed(4)]).toEqual(['0.4107', '2.8552']);
  });

  it('is null for one pair or when every person changed by the same amount', () => {
    expect(pairedCohensDz([1], [2])).toBeNull();
    expect(pairedCohensDz([1, 2, 3], [2, 3, 4])).toBeNull();
  });
});

describe('effect sizes, for any groups', () => {
  const summary = fc.record({
    n: fc.integer({ min: 2, max: 2000 }),
    mean: fc.double({ min: 1, max: 5, noNaN: true }),
    sd: fc.double({ min: 0.05, max: 2, noNaN: true }),
  });

  it('contain the estimate, flip sign when the groups swap, and g is d shrunk by J < 1', () => {
    fc.assert(
      fc.property(summary, summary, (a, b) => {
        const d = cohensD(a, b);
        const g = hedgesG(a, b);
        const swapped = hedgesG(b, a);
        if (!d || !g || !swapped) throw new Error('no effect size');
        expect(g.lower).toBeLessThanOrEqual(g.estimate);
        expect(g.upper).toBeGreaterThanOrEqual(g.estimate);
        expect(swapped.estimate).toBeCloseTo(-g.estimate, 12);
        expect(swapped.lower).toBeCloseTo(-g.upper, 12);
        expect(Math.abs(g.estimate)).toBeLessThanOrEqual(Math.abs(d.estimate));
        expect(g.estimate).toBeCloseTo(hedgesCorrection(a.n, b.n) * d.estimate, 12);
      }),
    );
  });

  it('narrow as the groups grow with the same means and SDs', () => {
    fc.assert(
      fc.property(summary, summary, fc.integer({ min: 2, max: 10 }), (a, b, k) => {
        const small = hedgesG(a, b);
        const large = hedgesG({ ...a, n: a.n * k }, { ...b, n: b.n * k });
        if (!small || !large) throw new Error('no effect size');
        expect(large.standardError).toBeLessThan(small.standardError);
      }),
    );
  });
});
