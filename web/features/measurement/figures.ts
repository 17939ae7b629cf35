import type {
  Comparison,
  MeanFigure,
  ProportionFigure,
  Quarter,
  QuarterFigures,
} from '../../../shared/measurement/contract.ts';
import { quarter as quarterSchema } from '../../../shared/measurement/contract.ts';
import { wholePercent } from '../dialogues/figures.ts';

// Figures as people read them: a trust index to one decimal, shares as whole percentages, and
// intervals that never seem to leave out the figure they surround once both are rounded. A
// comparison is said in words ("went up by 0.3 points"), with how sure it is and how large.

export interface Rounded {
  estimate: number;
  lower: number;
  upper: number;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;
const twoDecimals = (value: number) => Math.round(value * 100) / 100;

/** The trust index (1 to 5) to one decimal, and its interval when there is one. */
export function meanFigures(figure: MeanFigure): { mean: number; interval: Rounded | null } {
  const mean = oneDecimal(figure.mean);
  if (!figure.interval) return { mean, interval: null };
  return {
    mean,
    interval: {
      estimate: mean,
      lower: Math.min(oneDecimal(figure.interval.lower), mean),
      upper: Math.max(oneDecimal(figure.interval.upper), mean),
    },
  };
}

/** A favourable share as a whole percentage, and its interval when there is one. */
export function shareFigures(figure: ProportionFigure): {
  percent: number;
  interval: Rounded | null;
} {
  const percent = wholePercent(figure.favourable);
  if (!figure.interval) return { percent, interval: null };
  return {
    percent,
    interval: {
      estimate: percent,
      lower: Math.min(wholePercent(figure.interval.lower), percent),
      upper: Math.max(wholePercent(figure.interval.upper), percent),
    },
  };
}

/** Cohen's conventional words for a standardized difference (0.2 small, 0.5 medium, 0.8 large). */
export type EffectMagnitude = 'negligible' | 'small' | 'medium' | 'large';

export function effectMagnitude(g: number): EffectMagnitude {
  const size = Math.abs(g);
  if (size < 0.2) return 'negligible';
  if (size < 0.5) return 'small';
  if (size < 0.8) return 'medium';
  return 'large';
}

export interface ComparisonFigures {
  direction: 'up' | 'down' | 'same';
  /** How far the trust index moved, in points of the 1 to 5 scale, to one decimal, unsigned. */
  amount: number;
  /** The difference's interval, signed, to one decimal. */
  lower: number;
  upper: number;
  /** Whether the whole interval lies on one side of no change. */
  clear: boolean;
  effect: { g: number; lower: number; upper: number; magnitude: EffectMagnitude } | null;
}

/** The figures a comparison is told with; null when it has no difference to tell. */
export function comparisonFigures(comparison: Comparison): ComparisonFigures | null {
  const difference = comparison.difference;
  if (!difference) return null;
  const amount = Math.abs(oneDecimal(difference.estimate));
  const direction = amount === 0 ? 'same' : difference.estimate > 0 ? 'up' : 'down';
  const effect = comparison.effectSize;
  return {
    direction,
    amount,
    lower: oneDecimal(difference.lower),
    upper: oneDecimal(difference.upper),
    clear: difference.lower > 0 || difference.upper < 0,
    effect: effect
      ? {
          g: twoDecimals(effect.estimate),
          lower: twoDecimals(effect.lower),
          upper: twoDecimals(effect.upper),
          magnitude: effectMagnitude(effect.estimate),
        }
      : null,
  };
}

/** A quarter's year and number, or null when the text is not a quarter. */
export function parseQuarter(text: string): { year: number; number: 1 | 2 | 3 | 4 } | null {
  if (!quarterSchema.safeParse(text).success) return null;
  return { year: Number(text.slice(0, 4)), number: Number(text.slice(6)) as 1 | 2 | 3 | 4 };
}

/** The first and last day of a quarter, as UTC dates: for "Jul – Sep 2026" in any language. */
export function quarterSpan(quarter: Quarter): { first: Date; last: Date } | null {
  const parsed = parseQuarter(quarter);
  if (!parsed) return null;
  const startMonth = (parsed.number - 1) * 3;
  return {
    first: new Date(Date.UTC(parsed.year, startMonth, 1)),
    last: new Date(Date.UTC(parsed.year, startMonth + 3, 0)),
  };
}

/**
 * Whether anyone answered in any quarter of a trend: a quarter hidden to protect a small group
 * counts (someone answered), an empty one does not. A trend of empty quarters is said in words
 * rather than drawn as an empty chart.
 */
export function anyoneAnswered(trend: readonly QuarterFigures[]): boolean {
  return trend.some(({ figures }) => 'hidden' in figures || figures.n > 0);
}
