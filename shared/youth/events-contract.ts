import { z } from 'zod';

// Events of a youth program (a game, a visit, a workshop) and who came. Staff who manage the
// program plan them; its facilitators record attendance at the door. Only young people who may
// take part (a minor needs a current guardian's consent) are recorded, and only they see the
// program's upcoming events on their own page.

export const EVENT_TITLE_MIN = 2;
export const EVENT_TITLE_MAX = 120;
export const EVENT_PLACE_MIN = 2;
export const EVENT_PLACE_MAX = 200;

/** POST /api/programs/:programId/youth-events */
export const planEventRequest = z.object({
  title: z
    .string({ error: 'Give the event a title.' })
    .trim()
    .min(EVENT_TITLE_MIN, 'Give the event a title, for example "Basketball at the rec centre".')
    .max(EVENT_TITLE_MAX, `Keep the title under ${EVENT_TITLE_MAX} characters.`),
  startsAt: z.iso.datetime({ offset: true, error: 'Give the day and time the event starts.' }),
  place: z
    .string({ error: 'Say where the event is.' })
    .trim()
    .min(EVENT_PLACE_MIN, 'Say where the event is, for example "Riverside library".')
    .max(EVENT_PLACE_MAX, `Keep the place under ${EVENT_PLACE_MAX} characters.`),
});
export type PlanEventRequest = z.input<typeof planEventRequest>;

export const youthEventSummary = z.object({
  id: z.string(),
  programId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  place: z.string(),
  /** How many young people were recorded present. */
  presentCount: z.number().int(),
});
export type YouthEventSummary = z.infer<typeof youthEventSummary>;

export const youthEventList = z.object({ events: z.array(youthEventSummary) });

export const attendanceMarks = ['present', 'absent', 'not_recorded'] as const;

/** Why a young person cannot take part yet: where their guardian's consent stands. */
export const notYetReasons = ['none', 'requested', 'declined', 'withdrawn', 'lapsed'] as const;
export type NotYetReason = (typeof notYetReasons)[number];

export const attendanceRow = z.object({
  youngPersonId: z.string(),
  displayName: z.string(),
  mayTakePart: z.boolean(),
  /** Null while they may take part. */
  notYetBecause: z.enum(notYetReasons).nullable(),
  attendance: z.enum(attendanceMarks),
});
export type AttendanceRow = z.infer<typeof attendanceRow>;

/** GET /api/youth-events/:id: the event and every young person of the program. */
export const youthEventDetail = z.object({
  event: youthEventSummary,
  programName: z.string(),
  attendance: z.array(attendanceRow),
});
export type YouthEventDetail = z.infer<typeof youthEventDetail>;

/** PUT /api/youth-events/:id/attendance: who came; anyone not listed keeps what was recorded. */
export const recordAttendanceRequest = z.object({
  attendance: z
    .array(
      z.object({
        youngPersonId: z.uuid('Choose a young person of this program.'),
        present: z.boolean({ error: 'Say whether they came.' }),
      }),
      { error: 'List who came.' },
    )
    .min(1, 'List who came.')
    .max(500, 'Record at most 500 young people at once.'),
});
export type RecordAttendanceRequest = z.input<typeof recordAttendanceRequest>;

/** GET /api/me/youth-events: the upcoming events of the programs the young person may take part in. */
export const myYouthEvents = z.object({
  events: z.array(
    z.object({
      id: z.string(),
      programId: z.string(),
      title: z.string(),
      startsAt: z.string(),
      place: z.string(),
    }),
  ),
});
export type MyYouthEvents = z.infer<typeof myYouthEvents>;
