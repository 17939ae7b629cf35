import { describe, expect, it } from 'vitest';
import { calendarFile } from './calendar.ts';
import { eventsOf } from './fixtures.ts';
import { offsetChanges, vtimezoneOf } from './vtimezone.ts';

// The calendar file's zone rules, written from Intl: the changes of the clocks where they fall,
// and events in the circle's own zone whatever the server's zone is.

describe('the VTIMEZONE of a zone', () => {
  it('names each change of the clocks in Chicago, daylight time in March and standard in November', () => {
    const text = vtimezoneOf('America/Chicago', 2026, 2026);
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:America/Chicago',
      'BEGIN:STANDARD',
      'DTSTART:20251231T180000',
      'TZOFFSETFROM:-0600',
      'TZOFFSETTO:-0600',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:20260308T020000',
      'TZOFFSETFROM:-0600',
      'TZOFFSETTO:-0500',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20261101T020000',
      'TZOFFSETFROM:-0500',
      'TZOFFSETTO:-0600',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('gives a zone without daylight time one observance, and finds the southern changes', () => {
    expect(vtimezoneOf('Asia/Tokyo', 2027, 2028)).not.toContain('DAYLIGHT');
    const santiago = offsetChanges(Date.UTC(2027, 0, 1), Date.UTC(2028, 0, 1), 'America/Santiago');
    expect(santiago.map((change) => [change.from, change.to])).toEqual([
      [-180, -240],
      [-240, -180],
    ]);
  });
});

describe('the calendar file', () => {
  it('writes each circle at its local time in its own zone, with that zone’s rules beside it', () => {
    const file = calendarFile(
      [
        {
          id: 'c1',
          purpose: 'Elm Street, after dark; stops',
          programName: 'Listening circles',
          keeperName: 'Luis',
          startsAt: new Date('2030-03-09T00:00:00Z'),
          durationMinutes: 90,
          timeZone: 'America/Chicago',
          cancelled: false,
          link: 'https://rj.example.org/circles/join#tok',
        },
        {
          id: 'c2',
          purpose: 'Elm Street, after dark; stops',
          programName: 'Listening circles',
          keeperName: 'Luis',
          startsAt: new Date('2030-03-15T23:00:00Z'),
          durationMinutes: 90,
          timeZone: 'America/Chicago',
          cancelled: true,
          link: 'https://rj.example.org/circles/c2',
        },
      ],
      'https://rj.example.org',
      'es',
    );
    const { events, timezones } = eventsOf(file);
    expect(timezones).toEqual(['America/Chicago']);
    expect(events.map((event) => [event.localStart, event.status, event.uid])).toEqual([
      ['20300308T180000', 'CONFIRMED', 'circle-c1@rj.example.org'],
      ['20300315T180000', 'CANCELLED', 'circle-c2@rj.example.org'],
    ]);
    expect(file).toContain('SUMMARY:Círculo: Elm Street\\, after dark\\; stops');
    expect(file).toContain('METHOD:PUBLISH');
  });
});
