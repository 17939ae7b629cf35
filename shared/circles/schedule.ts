// When the circles of a series meet. People keep a circle's local time ("Tuesdays at 6 pm"), so
// every occurrence is computed in the program's time zone and only then turned into an instant:
// a weekly circle stays at 6 pm across a daylight-saving change, not at 5 or 7. A monthly circle
// meets on the same weekday of the same week ("the second Tuesday"), as community meetings do;
// in a month without a fifth such weekday it meets on the last one.

export const repeats = ['none', 'weekly', 'monthly'] as const;
export type Repeat = (typeof repeats)[number];

export interface Series {
  /** The first circle's local date and time, YYYY-MM-DDTHH:mm, in `timeZone`. */
  firstLocal: string;
  timeZone: string;
  repeat: Repeat;
  /** How many circles in all, the first included. */
  count: number;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function partsOf(local: string): LocalParts {
  const match = LOCAL.exec(local);
  if (!match) throw new RangeError(`not a local date and time: ${local}`);
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { year, month, day, hour, minute };
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );
  return asUtc - Math.floor(instant / 1_000) * 1_000;
}

/**
 * The instant a local time names in `timeZone`. A time that the clocks skip (the hour lost in
 * spring) is moved on by the gap; a time that happens twice (the hour repeated in autumn) is the
 * first of the two.
 */
export function instantOf(local: LocalParts, timeZone: string): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const before = wall - offsetAt(wall - 86_400_000, timeZone);
  const after = wall - offsetAt(wall + 86_400_000, timeZone);
  // Whichever reading round-trips to the same wall time is right; the earlier when both do.
  for (const candidate of [Math.min(before, after), Math.max(before, after)]) {
    if (candidate + offsetAt(candidate, timeZone) === wall) return new Date(candidate);
  }
  return new Date(Math.max(before, after));
}

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();
const weekdayOf = (year: number, month: number, day: number) =>
  new Date(Date.UTC(year, month - 1, day)).getUTCDay();

/** The local date `months` later, on the same weekday of the same week of the month. */
function sameWeekdayLater(first: LocalParts, months: number): LocalParts {
  const index = first.month - 1 + months;
  const year = first.year + Math.floor(index / 12);
  const month = (index % 12) + 1;
  const weekday = weekdayOf(first.year, first.month, first.day);
  const week = Math.floor((first.day - 1) / 7);
  const firstOfWeekday = 1 + ((weekday - weekdayOf(year, month, 1) + 7) % 7);
  let day = firstOfWeekday + week * 7;
  if (day > daysInMonth(year, month)) day -= 7;
  return { ...first, year, month, day };
}

function daysLater(first: LocalParts, days: number): LocalParts {
  const moved = new Date(Date.UTC(first.year, first.month - 1, first.day + days));
  return {
    ...first,
    year: moved.getUTCFullYear(),
    month: moved.getUTCMonth() + 1,
    day: moved.getUTCDate(),
  };
}

/** Every circle of the series, as instants, in order. */
export function occurrencesOf(series: Series): Date[] {
  const first = partsOf(series.firstLocal);
  const count = series.repeat === 'none' ? 1 : series.count;
  return Array.from({ length: count }, (_, index) => {
    const local =
      series.repeat === 'weekly'
        ? daysLater(first, 7 * index)
        : series.repeat === 'monthly'
          ? sameWeekdayLater(first, index)
          : first;
    return instantOf(local, series.timeZone);
  });
}
