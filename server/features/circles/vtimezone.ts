// The VTIMEZONE component (RFC 5545, 3.6.5) that a calendar file needs beside every TZID it
// names, written from the zone rules that Intl already holds: the offset at the start of the
// years asked for, then each change of the clocks in them, found by scanning day by day and
// narrowing to the minute. Calendar programs then show "6 pm Chicago time" on both sides of a
// change, whatever zone the reader is in.

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at the instant, in minutes ("GMT-05:00" is -300). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const name = formatterFor(timeZone)
    .formatToParts(new Date(instant))
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

interface Change {
  /** The first minute of the new offset. */
  at: number;
  from: number;
  to: number;
}

/** Every change of offset between two instants, in order. */
export function offsetChanges(from: number, until: number, timeZone: string): Change[] {
  const changes: Change[] = [];
  let before = offsetMinutes(from, timeZone);
  for (let day = from; day < until; day += DAY_MS) {
    const after = offsetMinutes(day + DAY_MS, timeZone);
    if (after === before) continue;
    let low = day / MINUTE_MS;
    let high = (day + DAY_MS) / MINUTE_MS;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (offsetMinutes(middle * MINUTE_MS, timeZone) === before) low = middle;
      else high = middle;
    }
    changes.push({ at: high * MINUTE_MS, from: before, to: after });
    before = after;
  }
  return changes;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** An offset as iCalendar writes it: +0100, -0500. */
function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const whole = Math.abs(minutes);
  return `${sign}${twoDigits(Math.floor(whole / 60))}${twoDigits(whole % 60)}`;
}

/** The wall time at an instant in a fixed offset, as iCalendar's local DATE-TIME. */
function localDateTime(instant: number, offset: number): string {
  const wall = new Date(instant + offset * MINUTE_MS);
  return (
    `${wall.getUTCFullYear()}${twoDigits(wall.getUTCMonth() + 1)}${twoDigits(wall.getUTCDate())}` +
    `T${twoDigits(wall.getUTCHours())}${twoDigits(wall.getUTCMinutes())}${twoDigits(wall.getUTCSeconds())}`
  );
}

/**
 * The VTIMEZONE of `timeZone` for the whole years from `fromYear` to `untilYear`: one
 * observance at their start, and one for each change of the clocks in them. A change that
 * moves the clocks forward starts daylight time; one that moves them back, standard time.
 */
export function vtimezoneOf(timeZone: string, fromYear: number, untilYear: number): string {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(untilYear + 1, 0, 1);
  const first = offsetMinutes(start, timeZone);
  const changes = offsetChanges(start, end, timeZone);
  const lowest = Math.min(first, ...changes.map((change) => change.to));
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', at: number, from: number, to: number) => [
    `BEGIN:${kind}`,
    `DTSTART:${localDateTime(at, from)}`,
    `TZOFFSETFROM:${utcOffset(from)}`,
    `TZOFFSETTO:${utcOffset(to)}`,
    `END:${kind}`,
  ];
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    ...observance(first === lowest ? 'STANDARD' : 'DAYLIGHT', start, first, first),
    ...changes.flatMap((change) =>
      observance(
        change.to > change.from ? 'DAYLIGHT' : 'STANDARD',
        change.at,
        change.from,
        change.to,
      ),
    ),
    'END:VTIMEZONE',
  ].join('\r\n');
}
