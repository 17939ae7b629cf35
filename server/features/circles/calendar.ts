import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { MailAttachment } from '../../platform/mail/outbox.ts';
import type { Language } from '../../platform/mail/templates/index.ts';
import { offsetMinutes, vtimezoneOf } from './vtimezone.ts';

// The calendar file of an invitation (and of GET /api/circles/:id/calendar.ics): one event per
// circle, in the circle's own zone with its VTIMEZONE, so that "Tuesdays at 6 pm" stays at 6 pm
// across a change of the clocks. A series is written as its circles one by one rather than as a
// rule: a monthly circle meets on "the second Tuesday" and a cancelled one drops out, which the
// circles' own rows say exactly and a recurrence rule would only approximate.

export interface CalendarCircle {
  id: string;
  purpose: string;
  programName: string;
  keeperName: string;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  cancelled: boolean;
  /** Where the reader joins: their own link, or the circle's page. */
  link: string;
}

/**
 * A Date that ical-generator writes as wall time in a zone: it reads a date carrying
 * `withTimeZone` (the shape of @date-fns/tz's TZDate) through the local getters, which give
 * the wall clock of `zone` here. Its instant (getTime) is unchanged.
 */
export class WallClockDate extends Date {
  readonly internal: Date;
  readonly zone: string;
  constructor(instant: number, zone: string) {
    super(instant);
    this.zone = zone;
    this.internal = new Date(instant + offsetMinutes(instant, zone) * 60_000);
  }
  tzComponents() {
    return { zone: this.zone };
  }
  withTimeZone(zone?: string | null): WallClockDate {
    return new WallClockDate(this.getTime(), zone ?? 'UTC');
  }
  override getFullYear() {
    return this.internal.getUTCFullYear();
  }
  override getMonth() {
    return this.internal.getUTCMonth();
  }
  override getDate() {
    return this.internal.getUTCDate();
  }
  override getHours() {
    return this.internal.getUTCHours();
  }
  override getMinutes() {
    return this.internal.getUTCMinutes();
  }
  override getSeconds() {
    return this.internal.getUTCSeconds();
  }
}

const WORDS = {
  en: { circle: 'Circle', keeper: 'Keeper', join: 'Join' },
  es: { circle: 'Círculo', keeper: 'Lo guía', join: 'Unirse' },
} as const;

export function calendarFile(
  circles: readonly CalendarCircle[],
  publicUrl: string,
  language: Language,
): string {
  const years = circles.map((circle) => circle.startsAt.getUTCFullYear());
  const calendar = ical({
    prodId: { company: 'Restorativ', product: 'Circles', language: language.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    // No zone for the calendar itself (its stamps stay in UTC); each event names its own.
    timezone: {
      name: null,
      generator: (zone) => vtimezoneOf(zone, Math.min(...years), Math.max(...years)),
    },
  });
  const host = new URL(publicUrl).hostname;
  const words = WORDS[language];
  for (const circle of circles) {
    const start = circle.startsAt.getTime();
    calendar.createEvent({
      id: `circle-${circle.id}@${host}`,
      start: new WallClockDate(start, circle.timeZone),
      end: new WallClockDate(start + circle.durationMinutes * 60_000, circle.timeZone),
      timezone: circle.timeZone,
      summary: `${words.circle}: ${circle.purpose}`,
      description: [
        `${circle.programName}: ${circle.purpose}`,
        `${words.keeper}: ${circle.keeperName}`,
        `${words.join}: ${circle.link}`,
      ].join('\n'),
      url: circle.link,
      status: circle.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: circle.cancelled ? 1 : 0,
    });
  }
  return calendar.toString();
}

export const calendarAttachment = (content: string): MailAttachment => ({
  filename: 'circle.ics',
  contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
  content,
});
