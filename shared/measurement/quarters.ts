import { addDays } from '../commitments/days.ts';
import type { Quarter } from './contract.ts';

// Calendar quarters, the one unit figures are given for (docs/decisions/028-measurement.md):
// a quarter as people write it (2026-Q3), its first and last days, the one before, and the run
// of quarters a trend covers. Days are YYYY-MM-DD calendar days, as survey_responses stores
// them, so that no time zone enters the arithmetic.

/** Quarters counted from year 0: 4 * year + (quarter - 1). Consecutive quarters differ by 1. */
export function quarterNumber(quarter: Quarter): number {
  if (!/^\d{4}-Q[1-4]$/.test(quarter)) throw new RangeError(`${quarter} is not a quarter.`);
  return Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1;
}

export function quarterFromNumber(number: number): Quarter {
  if (!Number.isInteger(number) || number < 0 || number >= 40_000) {
    throw new RangeError(`No quarter has the number ${number}.`);
  }
  const year = Math.floor(number / 4);
  return `${String(year).padStart(4, '0')}-Q${(number % 4) + 1}`;
}

/** The quarter a YYYY-MM-DD day falls in. */
export function quarterOf(day: string): Quarter {
  const month = Number(day.slice(5, 7));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || month < 1 || month > 12) {
    throw new RangeError(`${day} is not a day.`);
  }
  return `${day.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

const firstDayOf = (number: number): string => {
  const year = Math.floor(number / 4);
  const month = (number % 4) * 3 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
};

/** Its first day, and the first day of the next quarter (the end, not included). */
export function quarterBounds(quarter: Quarter): { start: string; end: string } {
  const number = quarterNumber(quarter);
  return { start: firstDayOf(number), end: firstDayOf(number + 1) };
}

export function previousQuarter(quarter: Quarter): Quarter {
  return quarterFromNumber(quarterNumber(quarter) - 1);
}

/** `count` consecutive quarters ending with `last`, oldest first. */
export function quartersEndingWith(last: Quarter, count: number): Quarter[] {
  const end = quarterNumber(last);
  return Array.from({ length: count }, (_, index) => quarterFromNumber(end - count + 1 + index));
}

/** Negative when a is earlier than b, 0 when equal, positive when later. */
export function compareQuarters(a: Quarter, b: Quarter): number {
  return quarterNumber(a) - quarterNumber(b);
}

/** Its last day, YYYY-MM-DD. */
export function lastDayOf(quarter: Quarter): string {
  return addDays(quarterBounds(quarter).end, -1);
}

/**
 * The latest quarter that has ended by `today`: the one figures are shown up to, so that an
 * answer given today changes no figure anyone can see (docs/decisions/028-measurement.md).
 */
export function lastEndedQuarter(today: string): Quarter {
  return previousQuarter(quarterOf(today));
}
