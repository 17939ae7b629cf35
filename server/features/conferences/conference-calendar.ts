import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { MailAttachment } from '../../platform/mail/outbox.ts';
import type { Language } from '../../platform/mail/templates/index.ts';
import { WallClockDate } from '../circles/calendar.ts';
import { vtimezoneOf } from '../circles/vtimezone.ts';

// The calendar file of a conference, for its parties' invitations and its team
// (GET /api/conferences/:id/calendar.ics), written as the circles' are: in the program's zone
// with its VTIMEZONE. One event per case, whose UID stays the same when the conference is moved,
// with a higher SEQUENCE, so that a calendar moves the event rather than adding a second one.
// It names the program and the case's reference, never a party or what happened.

/** A conference is planned for about two hours; the calendar holds that much. */
export const CONFERENCE_MINUTES = 120;

export interface CalendarConference {
  id: string;
  reference: string;
  programName: string;
  startsAt: Date;
  timeZone: string;
  mode: 'in_person' | 'online';
  place: string;
  /** The reader's own page: a party's part of the case, or the case for its team. */
  link: string;
  /** How many times it was moved: 0 when first scheduled. */
  sequence: number;
}

const WORDS = {
  en: {
    conference: 'Restorative conference',
    case: 'Case',
    online: 'Online, in the case’s private room: open the link to come in.',
    open: 'Open',
  },
  es: {
    conference: 'Conferencia restaurativa',
    case: 'Caso',
    online: 'En línea, en la sala privada del caso: abra el enlace para entrar.',
    open: 'Abrir',
  },
} as const;

export function conferenceCalendarFile(
  conference: CalendarConference,
  publicUrl: string,
  language: Language,
): string {
  const year = conference.startsAt.getUTCFullYear();
  const calendar = ical({
    prodId: { company: 'Restorativ', product: 'Conferences', language: language.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: (zone) => vtimezoneOf(zone, year, year) },
  });
  const words = WORDS[language];
  const start = conference.startsAt.getTime();
  const where = conference.mode === 'online' ? words.online : conference.place;
  calendar.createEvent({
    id: `conference-${conference.id}@${new URL(publicUrl).hostname}`,
    start: new WallClockDate(start, conference.timeZone),
    end: new WallClockDate(start + CONFERENCE_MINUTES * 60_000, conference.timeZone),
    timezone: conference.timeZone,
    summary: `${words.conference}: ${conference.programName}`,
    description: [
      `${words.case} ${conference.reference}`,
      where,
      `${words.open}: ${conference.link}`,
    ].join('\n'),
    location: where,
    url: conference.link,
    status: ICalEventStatus.CONFIRMED,
    sequence: conference.sequence,
  });
  return calendar.toString();
}

export const conferenceCalendarAttachment = (content: string): MailAttachment => ({
  filename: 'conference.ics',
  contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
  content,
});
