import ical, { ICalCalendarMethod } from 'ical-generator';
import type { MailAttachment } from '../../platform/mail/outbox.ts';
import type { Language } from '../../platform/mail/templates/index.ts';

// The calendar file that an agreement's meeting items travel with: one event per meeting, at
// its instant in UTC (a single meeting needs no zone rules: calendars show it in the reader's
// own time). Like the emails, it names the case by its reference, never by its words.

export interface CalendarMeeting {
  itemId: string;
  reference: string;
  meetingAt: Date;
  /** The reader's page of the case. */
  link: string;
}

/** An agreement does not say how long a meeting lasts; an hour holds the time in calendars. */
const MEETING_MINUTES = 60;

const WORDS = {
  en: { meeting: 'Meeting agreed in case', see: 'See the agreement' },
  es: { meeting: 'Reunión acordada en el caso', see: 'Ver el acuerdo' },
} as const;

export function meetingsCalendar(
  meetings: readonly CalendarMeeting[],
  publicUrl: string,
  language: Language,
): string {
  const calendar = ical({
    prodId: { company: 'Restorativ', product: 'Conferences', language: language.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
  });
  const host = new URL(publicUrl).hostname;
  const words = WORDS[language];
  for (const meeting of meetings) {
    const start = meeting.meetingAt.getTime();
    calendar.createEvent({
      id: `conference-item-${meeting.itemId}@${host}`,
      start: new Date(start),
      end: new Date(start + MEETING_MINUTES * 60_000),
      summary: `${words.meeting} ${meeting.reference}`,
      description: `${words.see}: ${meeting.link}`,
      url: meeting.link,
    });
  }
  return calendar.toString();
}

export const meetingsAttachment = (content: string): MailAttachment => ({
  filename: 'meeting.ics',
  contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
  content,
});
