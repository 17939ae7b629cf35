import {
  checkConfidence,
  DEFAULT_CONFIDENCE,
  type Interval,
  twoSidedQuantileLevel,
} from './interval.ts';
import { pairedDifferences, type SampleSummary, summarize } from './means.ts';
import { normalQuantile } from './normal.ts';

// Standardized effect sizes for before/after and group comparisons: how large a change in trust
// is, in units of the spread of answers, so that programs with different scales compare.
// - Cohen's d: (m1 - m2) / pooled SD, the pooled SD weighting each group's variance by n - 1.
// - Hedges' g: d times J = 1 - 3 / (4 (n1 + n2) - 9), which removes d's upward bias in small
//   samples (Hedges 1981); the figure to show for the group sizes programs have.
// - d_z for paired data: mean of the differences / SD of the differences (Cohen 1988), the
//   standardized change of the same people.
// Intervals are estimate +/- z SE from the usual large-sample variances (Hedges & Olkin 1985;
// Borenstein et al. 2009, Introduction to Meta-Analysis, ch. 4):
//   var(d) = (n1 + n2) / (n1 n2) + d^2 / (2 (n1 + n2)),   var(g) = J^2 var(d),
//   var(d_z) = 1 / n + d_z^2 / (2 n).
// They are simple, closed-form and what meta-analyses report; the exact noncentral-t interval
// would be a little wider for n under about 20, where a dashboard suppresses groups anyway.
// Null when a group has fewer than 2 values, or when the SD is zero (a standardized difference
// has no unit then).

/** An effect size with its interval and standard error. */
export interface EffectSize extends Interval {
  standardError: number;
}

function normalInterval(estimate: number, standardError: number, confidence: number): EffectSize {
  const half = normalQuantile(twoSidedQuantileLevel(confidence)) * standardError;
  return { estimate, lower: estimate - half, upper: estimate + half, confidence, standardError };
}

/** sqrt(((n1 - 1) s1^2 + (n2 - 1) s2^2) / (n1 + n2 - 2)); null when either n < 2. */
export function pooledStandardDeviation(
  first: SampleSummary,
  second: SampleSummary,
): number | null {
  if (first.n < 2 || second.n < 2) return null;
  return Math.sqrt(
    ((first.n - 1) * first.sd ** 2 + (second.n - 1) * second.sd ** 2) / (first.n + second.n - 2),
  );
}

/** Hedges' small-sample correction J for two groups: 1 - 3 / (4 (n1 + n2) - 9). */
export function hedgesCorrection(n1: number, n2: number): number {
  return 1 - 3 / (4 * (n1 + n2) - 9);
}

/** Cohen's d of first - second with the pooled SD; null when n < 2 or the pooled SD is 0. */
export function cohensD(
  first: SampleSummary,
  second: SampleSummary,
  confidence = DEFAULT_CONFIDENCE,
): EffectSize | null {
  checkConfidence(confidence);
  const pooled = pooledStandardDeviation(first, second);
  if (pooled === null || pooled === 0) return null;
  const d = (first.mean - second.mean) / pooled;
  const total = first.n + second.n;
  const variance = total / (first.n * second.n) + d ** 2 / (2 * total);
  return normalInterval(d, Math.sqrt(variance), confidence);
}

/** Hedges' g of first - second: J d, with SE J SE(d); null where Cohen's d is. */
export function hedgesG(
  first: SampleSummary,
  second: SampleSummary,
  confidence = DEFAULT_CONFIDENCE,
): EffectSize | null {
  const d = cohensD(first, second, confidence);
  if (!d) return null;
  const correction = hedgesCorrection(first.n, second.n);
  return normalInterval(correction * d.estimate, correction * d.standardError, confidence);
}

/** d_z of after - before for paired answers; null for fewer than 2 pairs or no spread. */
export function pairedCohensDz(
  before: readonly number[],
  after: readonly number[],
  confidence = DEFAULT_CONFIDENCE,
): EffectSize | null {
  checkConfidence(confidence);
  const differences = summarize(pairedDifferences(before, after));
  if (!differences || differences.sd === 0) return null;
  const dz = differences.mean / differences.sd;
  const variance = 1 / differences.n + dz ** 2 / (2 * differences.n);
  return normalInterval(dz, Math.sqrt(variance), confidence);
}
