import {
  checkConfidence,
  DEFAULT_CONFIDENCE,
  type Interval,
  twoSidedQuantileLevel,
} from './interval.ts';
import { normalQuantile } from './normal.ts';

// Intervals for proportions: agree rates in dialogues, "agrees or strongly agrees" shares,
// participation and agreement-completion rates in measurement.
// - One proportion: the Wilson score interval. Unlike the textbook p +/- z sqrt(p(1-p)/n) it
//   never leaves [0, 1] and is not zero-width at 0 of n or n of n, which small programs hit often
//   (Newcombe 1998a; Brown, Cai & DasGupta 2001 recommend it for small n).
// - The difference of two independent proportions: Newcombe's hybrid score interval (method 10
//   of Newcombe 1998b), built from the two Wilson intervals. It keeps good coverage at small n
//   and extreme rates where the Wald difference interval fails, and needs no iteration.
// Zero trials give null: no data, no interval (not NaN, not the whole of [0, 1]).

/** A count of successes among trials, e.g. 48 of 80 residents who agreed. */
export interface Proportion {
  successes: number;
  trials: number;
}

function checkCount({ successes, trials }: Proportion): void {
  if (!Number.isInteger(trials) || trials < 0) {
    throw new RangeError(`trials must be a whole number >= 0, got ${trials}`);
  }
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError(`successes must be a whole number in [0, ${trials}], got ${successes}`);
  }
}

/**
 * The Wilson score interval of successes / trials at the given confidence; null when
 * trials = 0. At 0 successes the lower end is exactly 0, at all successes the upper end is 1.
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  confidence = DEFAULT_CONFIDENCE,
): Interval | null {
  checkCount({ successes, trials });
  checkConfidence(confidence);
  if (trials === 0) return null;
  const z = normalQuantile(twoSidedQuantileLevel(confidence));
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return {
    estimate: p,
    // Exact at the edges; elsewhere clamped only against rounding.
    lower: successes === 0 ? 0 : Math.max(0, centre - half),
    upper: successes === trials ? 1 : Math.min(1, centre + half),
    confidence,
  };
}

/**
 * Newcombe's hybrid score interval (method 10) for first - second, two independent proportions:
 *   lower = d - sqrt((p1 - l1)^2 + (u2 - p2)^2),  upper = d + sqrt((u1 - p1)^2 + (p2 - l2)^2),
 * where d = p1 - p2 and (l, u) are each proportion's Wilson interval at the same confidence.
 * Null when either has no trials.
 */
export function newcombeDifferenceInterval(
  first: Proportion,
  second: Proportion,
  confidence = DEFAULT_CONFIDENCE,
): Interval | null {
  checkCount(first);
  checkCount(second);
  const one = wilsonInterval(first.successes, first.trials, confidence);
  const two = wilsonInterval(second.successes, second.trials, confidence);
  if (!one || !two) return null;
  const difference = one.estimate - two.estimate;
  const below = Math.hypot(one.estimate - one.lower, two.upper - two.estimate);
  const above = Math.hypot(one.upper - one.estimate, two.estimate - two.lower);
  return {
    estimate: difference,
    lower: Math.max(-1, difference - below),
    upper: Math.min(1, difference + above),
    confidence,
  };
}
