import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { occurrencesOf } from './schedule.ts';

const localIn = (timeZone: string) => (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(instant)
    .replace(', ', 'T');

describe('when the circles of a series meet', () => {
  it('keeps a weekly circle at its local hour across a change of the clocks', () => {
    const series = occurrencesOf({
      firstLocal: '2027-03-02T18:00',
      timeZone: 'America/Chicago',
      repeat: 'weekly',
      count: 3,
    });
    expect(series.map(localIn('America/Chicago'))).toEqual([
      '2027-03-02T18:00',
      '2027-03-09T18:00',
      '2027-03-16T18:00',
    ]);
    // The clocks went forward on 14 March: the same hour is an hour earlier in UTC.
    expect(series.map((instant) => instant.toISOString())).toEqual([
      '2027-03-03T00:00:00.000Z',
      '2027-03-10T00:00:00.000Z',
      '2027-03-16T23:00:00.000Z',
    ]);
  });

  it('meets monthly on the same weekday of the same week, or the last one', () => {
    const second = occurrencesOf({
      firstLocal: '2026-11-10T18:30',
      timeZone: 'America/Chicago',
      repeat: 'monthly',
      count: 3,
    });
    expect(second.map(localIn('America/Chicago'))).toEqual([
      '2026-11-10T18:30',
      '2026-12-08T18:30',
      '2027-01-12T18:30',
    ]);
    const fifth = occurrencesOf({
      firstLocal: '2026-12-29T10:00',
      timeZone: 'Europe/Madrid',
      repeat: 'monthly',
      count: 2,
    });
    expect(fifth.map(localIn('Europe/Madrid'))).toEqual(['2026-12-29T10:00', '2027-01-26T10:00']);
  });

  it('moves a time the clocks skip on by the gap, and takes the first of a time they repeat', () => {
    const at = (firstLocal: string) =>
      occurrencesOf({ firstLocal, timeZone: 'America/Chicago', repeat: 'none', count: 5 });
    expect(at('2027-03-14T02:30').map((instant) => instant.toISOString())).toEqual([
      '2027-03-14T08:30:00.000Z',
    ]);
    expect(at('2026-11-01T01:30').map((instant) => instant.toISOString())).toEqual([
      '2026-11-01T06:30:00.000Z',
    ]);
  });

  it('keeps the local hour of every weekly circle, in every zone, whenever it starts', () => {
    const zones = [
      'UTC',
      'America/Chicago',
      'America/Los_Angeles',
      'America/Mexico_City',
      'Europe/Madrid',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({ min: new Date('2026-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 7, max: 21 }),
        fc.constantFrom(0, 15, 30, 45),
        (timeZone, day, hour, minute) => {
          const date = day.toISOString().slice(0, 10);
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const series = occurrencesOf({
            firstLocal: `${date}T${time}`,
            timeZone,
            repeat: 'weekly',
            count: 30,
          });
          const locals = series.map(localIn(timeZone));
          for (const [index, local] of locals.entries()) {
            expect(local.slice(11)).toBe(time);
            const expected = new Date(Date.parse(`${date}T00:00:00Z`) + index * 7 * 86_400_000);
            expect(local.slice(0, 10)).toBe(expected.toISOString().slice(0, 10));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
