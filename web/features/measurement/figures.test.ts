import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../shared/measurement/contract.ts';
import {
  anyoneAnswered,
  comparisonFigures,
  effectMagnitude,
  meanFigures,
  parseQuarter,
  quarterSpan,
  shareFigures,
} from './figures.ts';

const interval = (estimate: number, lower: number, upper: number) => ({
  estimate,
  lower,
  upper,
  confidence: 0.95,
});

describe('the trust index as people read it', () => {
  it('rounds to one decimal, interval and all', () => {
    expect(meanFigures({ n: 40, mean: 3.44, interval: interval(3.44, 3.12, 3.76) })).toEqual({
      mean: 3.4,
      interval: { estimate: 3.4, lower: 3.1, upper: 3.8 },
    });
  });

  it('never shows an interval that seems to leave out its own figure', () => {
    // 3.46 shows as 3.5, and its upper end 3.47 would show as 3.5 too: never below it.
    const shown = meanFigures({ n: 900, mean: 3.46, interval: interval(3.46, 3.44, 3.47) });
    expect(shown.interval).toEqual({ estimate: 3.5, lower: 3.4, upper: 3.5 });
  });

  it('has no interval for a single answer', () => {
    expect(meanFigures({ n: 1, mean: 4, interval: null })).toEqual({ mean: 4, interval: null });
  });
});

describe('favourable shares as people read them', () => {
  it('are whole percentages with a whole-percentage interval around them', () => {
    expect(
      shareFigures({ n: 50, favourable: 0.62, interval: interval(0.62, 0.4818, 0.7408) }),
    ).toEqual({ percent: 62, interval: { estimate: 62, lower: 48, upper: 74 } });
  });
});

describe('the words for an effect size (Cohen’s conventions)', () => {
  it('names each band by its lower edge, whatever the direction', () => {
    expect(effectMagnitude(0.19)).toBe('negligible');
    expect(effectMagnitude(0.2)).toBe('small');
    expect(effectMagnitude(-0.35)).toBe('small');
    expect(effectMagnitude(0.5)).toBe('medium');
    expect(effectMagnitude(-0.79)).toBe('medium');
    expect(effectMagnitude(0.8)).toBe('large');
  });
});

describe('a comparison told in words', () => {
  const comparison = (estimate: number, lower: number, upper: number): Comparison => ({
    from: '2026-Q2',
    to: '2026-Q3',
    difference: interval(estimate, lower, upper),
    effectSize: { ...interval(0.348, 0.112, 0.584), standardError: 0.12 },
  });

  it('goes up by the unsigned amount, with its signed interval and the effect size', () => {
    expect(comparisonFigures(comparison(0.31, 0.08, 0.54))).toEqual({
      direction: 'up',
      amount: 0.3,
      lower: 0.1,
      upper: 0.5,
      clear: true,
      effect: { g: 0.35, lower: 0.11, upper: 0.58, magnitude: 'small' },
    });
  });

  it('goes down, and says when the interval includes no change', () => {
    const figures = comparisonFigures(comparison(-0.26, -0.61, 0.09));
    expect(figures).toMatchObject({ direction: 'down', amount: 0.3, lower: -0.6, upper: 0.1 });
    expect(figures?.clear).toBe(false);
  });

  it('stays the same when the change rounds to nothing', () => {
    expect(comparisonFigures(comparison(0.04, -0.2, 0.28))?.direction).toBe('same');
  });

  it('has nothing to tell without a difference', () => {
    expect(
      comparisonFigures({ from: 'before', to: 'after', difference: null, effectSize: null }),
    ).toBeNull();
  });

  it('tells a difference without an effect size', () => {
    const figures = comparisonFigures({ ...comparison(0.5, 0.2, 0.8), effectSize: null });
    expect(figures?.effect).toBeNull();
  });
});

describe('quarters', () => {
  it('reads a quarter and refuses anything else', () => {
    expect(parseQuarter('2026-Q3')).toEqual({ year: 2026, number: 3 });
    expect(parseQuarter('2026-Q5')).toBeNull();
    expect(parseQuarter('1999-Q1')).toBeNull();
  });

  it('knows each quarter’s first and last day', () => {
    expect(quarterSpan('2026-Q1')).toEqual({
      first: new Date('2026-01-01T00:00:00Z'),
      last: new Date('2026-03-31T00:00:00Z'),
    });
    expect(quarterSpan('2024-Q4')?.last).toEqual(new Date('2024-12-31T00:00:00Z'));
  });
});

describe('a trend with answers', () => {
  const empty = { key: 'all', n: 0, trust: null, constructs: {} };
  it('counts a hidden quarter as answered, and a trend of empty quarters as not', () => {
    expect(anyoneAnswered([{ quarter: '2026-Q1', figures: empty }])).toBe(false);
    expect(
      anyoneAnswered([
        { quarter: '2026-Q1', figures: empty },
        { quarter: '2026-Q2', figures: { key: 'all', hidden: 'below_threshold' } },
      ]),
    ).toBe(true);
    expect(anyoneAnswered([])).toBe(false);
  });
});
