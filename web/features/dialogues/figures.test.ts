import { describe, expect, it } from 'vitest';
import { agreeFigures, charactersLeft, localToInstant, wholePercent } from './figures.ts';

describe('agree figures', () => {
  it('shows the rate and its interval as whole percentages', () => {
    expect(agreeFigures(0.6231, [0.4812, 0.7466])).toEqual({ rate: 62, low: 48, high: 75 });
  });

  it('never shows an interval that leaves out the rounded rate', () => {
    // 0.625 rounds to 63 while 0.6249 (the interval's low end) rounds to 62: low moves no higher.
    expect(agreeFigures(0.625, [0.6251, 0.9])).toEqual({ rate: 63, low: 63, high: 90 });
    expect(agreeFigures(0.5, [0.1, 0.494])).toEqual({ rate: 50, low: 10, high: 50 });
  });

  it('keeps rates out of range or not a number within 0–100', () => {
    expect(wholePercent(1.2)).toBe(100);
    expect(wholePercent(-0.1)).toBe(0);
    expect(wholePercent(Number.NaN)).toBe(0);
  });
});

describe('characters left', () => {
  it('counts as the server does, without the spaces around the words', () => {
    expect(charactersLeft('  hello  ', 280)).toBe(275);
    expect(charactersLeft('x'.repeat(290), 280)).toBe(-10);
  });
});

describe('a typed date and time', () => {
  it('becomes an instant with its offset', () => {
    const instant = localToInstant('2030-05-01T18:30');
    expect(instant).toMatch(/Z$/);
    expect(new Date(instant).getTime()).toBe(new Date('2030-05-01T18:30').getTime());
  });

  it('is sent as typed when it cannot be read, so the server names the field', () => {
    expect(localToInstant('')).toBe('');
    expect(localToInstant('tomorrow')).toBe('tomorrow');
  });
});
