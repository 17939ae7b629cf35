import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../commitments/days.ts';
import {
  compareQuarters,
  lastDayOf,
  lastEndedQuarter,
  previousQuarter,
  quarterBounds,
  quarterFromNumber,
  quarterNumber,
  quarterOf,
  quartersEndingWith,
} from './quarters.ts';

const quarters = fc
  .integer({ min: 2000 * 4, max: 2199 * 4 + 3 })
  .map((number) => quarterFromNumber(number));
const days = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z') })
  .filter((date) => !Number.isNaN(date.getTime()))
  .map((date) => date.toISOString().slice(0, 10));

describe('calendar quarters', () => {
  it('names the quarter of a day as people write it', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-09-30')).toBe('2026-Q3');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
  });

  it('gives a quarter’s first day and the first day of the next', () => {
    expect(quarterBounds('2026-Q3')).toEqual({ start: '2026-07-01', end: '2026-10-01' });
    expect(quarterBounds('2026-Q4')).toEqual({ start: '2026-10-01', end: '2027-01-01' });
  });

  it('gives a quarter’s last day and the last quarter that has ended', () => {
    expect(lastDayOf('2026-Q4')).toBe('2026-12-31');
    expect(lastDayOf('2024-Q1')).toBe('2024-03-31');
    expect(lastEndedQuarter('2026-01-01')).toBe('2025-Q4');
    expect(lastEndedQuarter('2026-12-31')).toBe('2026-Q3');
  });

  it('goes back across a year', () => {
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(quartersEndingWith('2026-Q2', 4)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
  });

  it('puts every day in exactly the quarter whose bounds hold it', () => {
    fc.assert(
      fc.property(days, (day) => {
        const { start, end } = quarterBounds(quarterOf(day));
        expect(start <= day && day < end).toBe(true);
        expect(quarterOf(start)).toBe(quarterOf(day));
        expect(quarterOf(addDays(end, -1))).toBe(quarterOf(day));
        expect(quarterOf(end)).not.toBe(quarterOf(day));
      }),
    );
  });

  it('makes the previous quarter end where the next begins, with no day between', () => {
    fc.assert(
      fc.property(quarters, (quarter) => {
        const before = previousQuarter(quarter);
        expect(quarterBounds(before).end).toBe(quarterBounds(quarter).start);
        expect(compareQuarters(before, quarter)).toBe(-1);
        expect(quarterFromNumber(quarterNumber(quarter))).toBe(quarter);
      }),
    );
  });

  it('lists a trend’s quarters in order, ending with the one chosen', () => {
    fc.assert(
      fc.property(quarters, fc.integer({ min: 1, max: 12 }), (last, count) => {
        const run = quartersEndingWith(last, count);
        expect(run).toHaveLength(count);
        expect(run.at(-1)).toBe(last);
        run.slice(1).forEach((quarter, index) => {
          expect(previousQuarter(quarter)).toBe(run[index]);
        });
      }),
    );
  });

  it('refuses what is not a quarter or a day', () => {
    expect(() => quarterNumber('2026-Q5')).toThrow(RangeError);
    expect(() => quarterOf('2026-13-01')).toThrow(RangeError);
  });
});
