import type {
  Comparison,
  GroupFigures,
  MeanFigure,
  ProportionFigure,
} from '../../../shared/measurement/contract.ts';
import type { Construct } from '../../../shared/measurement/item-bank.ts';
import { type Decision, isSmall } from '../../../shared/measurement/suppression.ts';
import { hedgesG } from '../../../shared/statistics/effect-size.ts';
import type { Interval } from '../../../shared/statistics/interval.ts';
import {
  meanInterval,
  type SampleSummary,
  welchDifferenceInterval,
} from '../../../shared/statistics/means.ts';
import { wilsonInterval } from '../../../shared/statistics/proportions.ts';

// Counts and sums, as the dashboard's queries give them, made into the figures the API shows:
// the trust index's mean with its t interval, each construct's favourable share with Wilson's
// interval, rates, and comparisons with Welch's interval and Hedges' g. A figure leaves here only
// through a suppression decision (`groupFigures`): a hidden group carries its reason, no number.

export interface ConstructCounts {
  respondents: number;
  answers: number;
  favourable: number;
}

/** What the queries count for one group of respondents. */
export interface GroupCounts {
  /** Respondents. */
  n: number;
  /** The trust index of those who have one; null when no one has. */
  trust: SampleSummary | null;
  /** Each construct's people who answered it, their answers (item by item) and how many of them
   * were 4 or 5. */
  constructs: Partial<Record<Construct, ConstructCounts>>;
}

export const noCounts: GroupCounts = { n: 0, trust: null, constructs: {} };

/** An interval as the contract shows it: the estimate, the bounds and the level, no more. */
const plain = (interval: Interval): Interval => ({
  estimate: interval.estimate,
  lower: interval.lower,
  upper: interval.upper,
  confidence: interval.confidence,
});

export function meanFigure(sample: SampleSummary): MeanFigure {
  const interval = meanInterval(sample);
  return { n: sample.n, mean: sample.mean, interval: interval && plain(interval) };
}

/** A rate (answered of sent, done of due) with Wilson's interval. */
export function rateFigure(successes: number, trials: number): ProportionFigure {
  const interval = wilsonInterval(successes, trials);
  return {
    n: trials,
    favourable: trials === 0 ? 0 : successes / trials,
    interval: interval && plain(interval),
  };
}

/**
 * A construct's favourable share: of the answers to its items, those of 4 or 5. One person's
 * answers to the items of one construct go together, so the interval counts people, not
 * answers (the people who answered its items): counting each answer as a new person would make it
 * look surer than it is. Rounding the favourable count to whole people moves the interval's
 * centre by under half a person; the share itself stays as answered.
 */
export function constructFigure(
  answers: number,
  favourableAnswers: number,
  people: number,
): ProportionFigure {
  const n = Math.min(answers, people);
  const share = answers === 0 ? 0 : favourableAnswers / answers;
  const interval = wilsonInterval(Math.round(share * n), n);
  return {
    n,
    favourable: share,
    interval: interval && {
      ...plain(interval),
      estimate: share,
      lower: Math.min(interval.lower, share),
      upper: Math.max(interval.upper, share),
    },
  };
}

/** A quarter's total: shown unless it is 1 to threshold-1 respondents. */
export function quarterDecision(n: number, threshold: number): Decision {
  return isSmall(n, threshold) ? { shown: false, reason: 'below_threshold' } : { shown: true };
}

/** One group's figures as its decision allows: all of them, or why they are hidden. */
export function groupFigures(key: string, counts: GroupCounts, decision: Decision): GroupFigures {
  if (!decision.shown) return { key, hidden: decision.reason };
  const constructs: Partial<Record<Construct, ProportionFigure>> = {};
  for (const [construct, count] of Object.entries(counts.constructs) as [
    Construct,
    ConstructCounts,
  ][]) {
    if (count.answers > 0) {
      constructs[construct] = constructFigure(count.answers, count.favourable, count.respondents);
    }
  }
  return {
    key,
    n: counts.n,
    trust: counts.trust && counts.trust.n > 0 ? meanFigure(counts.trust) : null,
    constructs,
  };
}

/**
 * The trust index from one side to the other (to minus from), as independent samples: anonymous
 * answers cannot be paired. Either side null (hidden, or no one to compare): no figures.
 */
export function compareSides(
  from: Comparison['from'],
  to: Comparison['to'],
  fromSample: SampleSummary | null,
  toSample: SampleSummary | null,
): Comparison {
  const difference = fromSample && toSample && welchDifferenceInterval(toSample, fromSample);
  return {
    from,
    to,
    difference: difference ? plain(difference) : null,
    effectSize: fromSample && toSample ? hedgesG(toSample, fromSample) : null,
  };
}
