import {
  checkConfidence,
  DEFAULT_CONFIDENCE,
  type TInterval,
  twoSidedQuantileLevel,
} from './interval.ts';
import { studentTQuantile } from './student-t.ts';

// Means of survey scores and their t intervals: one group's mean, Welch's interval for the
// difference of two independent groups (e.g. a pulse before and after a training, answered
// anonymously, so not linked), and the paired interval when the same people answered twice.
// Decided edge cases:
// - fewer than 2 values: no interval (null), since one value says nothing about its spread;
// - zero variance (every answer the same): the interval has zero width, as the t method gives;
//   that is honest about the data but not about the population, so a page shows n beside it;
// - Welch with both variances zero: zero width, and df = n1 + n2 - 2 (the formula's 0 / 0);
// - a NaN or infinite value, a negative SD or a fractional n: RangeError, a caller's bug.

/** What a t interval needs of a sample: e.g. count, avg and stddev_samp from one SQL query. */
export interface SampleSummary {
  n: number;
  mean: number;
  /** The sample standard deviation, with n - 1 in the denominator. */
  sd: number;
}

function checkValues(values: readonly number[]): void {
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError(`values must be finite, got ${value}`);
  }
}

function checkSummary({ n, mean, sd }: SampleSummary): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number, got ${n}`);
  if (!Number.isFinite(mean)) throw new RangeError(`the mean must be finite, got ${mean}`);
  if (!(sd >= 0) || !Number.isFinite(sd)) throw new RangeError(`the SD must be >= 0, got ${sd}`);
}

/**
 * The arithmetic mean; null for no values. Summed as offsets from the first value, so that
 * equal values give exactly that value (and an SD of exactly 0) and large scores lose no digits.
 */
export function mean(values: readonly number[]): number | null {
  checkValues(values);
  const first = values[0];
  if (first === undefined) return null;
  let offsets = 0;
  for (const value of values) offsets += value - first;
  return first + offsets / values.length;
}

/** The sample standard deviation (n - 1 denominator, two passes); null for fewer than 2 values. */
export function sampleStandardDeviation(values: readonly number[]): number | null {
  const centre = mean(values);
  if (centre === null || values.length < 2) return null;
  let squares = 0;
  for (const value of values) squares += (value - centre) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** n, mean and SD of values; null for fewer than 2 values (no SD to estimate). */
export function summarize(values: readonly number[]): SampleSummary | null {
  const centre = mean(values);
  const sd = sampleStandardDeviation(values);
  return centre === null || sd === null ? null : { n: values.length, mean: centre, sd };
}

/** mean +/- t(df) * standard error, as one TInterval. */
function tInterval(
  estimate: number,
  standardError: number,
  df: number,
  confidence: number,
): TInterval {
  const half = studentTQuantile(twoSidedQuantileLevel(confidence), df) * standardError;
  return {
    estimate,
    lower: estimate - half,
    upper: estimate + half,
    confidence,
    df,
    standardError,
  };
}

/** The t interval of a mean: mean +/- t(1 - alpha/2, n - 1) sd / sqrt(n); null when n < 2. */
export function meanInterval(
  sample: SampleSummary,
  confidence = DEFAULT_CONFIDENCE,
): TInterval | null {
  checkSummary(sample);
  checkConfidence(confidence);
  if (sample.n < 2) return null;
  return tInterval(sample.mean, sample.sd / Math.sqrt(sample.n), sample.n - 1, confidence);
}

/**
 * Welch's interval for first.mean - second.mean, two independent samples whose variances need
 * not be equal: standard error sqrt(s1^2/n1 + s2^2/n2), Welch-Satterthwaite degrees of freedom
 *   df = (s1^2/n1 + s2^2/n2)^2 / ((s1^2/n1)^2 / (n1 - 1) + (s2^2/n2)^2 / (n2 - 1)).
 * Chosen over the pooled t interval because groups (officers and residents, two quarters) rarely
 * have equal variances or sizes, and Welch loses little when they do. Null when n1 or n2 < 2.
 */
export function welchDifferenceInterval(
  first: SampleSummary,
  second: SampleSummary,
  confidence = DEFAULT_CONFIDENCE,
): TInterval | null {
  checkSummary(first);
  checkSummary(second);
  checkConfidence(confidence);
  if (first.n < 2 || second.n < 2) return null;
  const share1 = first.sd ** 2 / first.n;
  const share2 = second.sd ** 2 / second.n;
  const variance = share1 + share2;
  const df =
    variance === 0
      ? first.n + second.n - 2
      : variance ** 2 / (share1 ** 2 / (first.n - 1) + share2 ** 2 / (second.n - 1));
  return tInterval(first.mean - second.mean, Math.sqrt(variance), df, confidence);
}

/** after[i] - before[i] for each person; throws when the two lists differ in length. */
export function pairedDifferences(before: readonly number[], after: readonly number[]): number[] {
  if (before.length !== after.length) {
    throw new RangeError(`paired samples differ in length: ${before.length} and ${after.length}`);
  }
  checkValues(before);
  checkValues(after);
  return after.map((value, index) => value - (before[index] ?? Number.NaN));
}

/**
 * The paired before/after interval: the t interval of the mean of after - before, each person
 * their own control (df = pairs - 1). Null for fewer than 2 pairs.
 */
export function pairedDifferenceInterval(
  before: readonly number[],
  after: readonly number[],
  confidence = DEFAULT_CONFIDENCE,
): TInterval | null {
  checkConfidence(confidence);
  const differences = summarize(pairedDifferences(before, after));
  return differences && meanInterval(differences, confidence);
}
