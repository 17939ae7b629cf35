// The shape every interval in shared/statistics returns, and the one check of a confidence
// level they share. An interval carries its point estimate and its level, so that a dashboard,
// an export and a test read the same three numbers without recomputing anything.

export interface Interval {
  /** The point estimate: a proportion, a mean, a difference or an effect size. */
  estimate: number;
  lower: number;
  upper: number;
  /** The confidence level, e.g. 0.95. */
  confidence: number;
}

/** An interval built from a t distribution, with its degrees of freedom and standard error. */
export interface TInterval extends Interval {
  df: number;
  standardError: number;
}

export const DEFAULT_CONFIDENCE = 0.95;

/** Throws unless 0 < confidence < 1: a level of 95 (per cent) or 1 is a caller's bug. */
export function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must lie strictly between 0 and 1, got ${confidence}`);
  }
}

/** The upper-tail probability of a two-sided interval at this confidence, e.g. 0.975 for 0.95. */
export function twoSidedQuantileLevel(confidence: number): number {
  checkConfidence(confidence);
  return 1 - (1 - confidence) / 2;
}
