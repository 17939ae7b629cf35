import { z } from 'zod';

// Mentoring pairs of a youth program: an officer mentor and a young person, whose every message
// is read by the program's coordinators and its safeguarding lead (and the guardian, where the
// program says so), and whose meetings are logged: when, where, and who was present.

export const MENTORING_MESSAGE_MAX = 2_000;

/** POST /api/programs/:programId/mentoring-pairs */
export const createPairRequest = z.object({
  mentorId: z.uuid('Choose the officer who will mentor.'),
  youngPersonId: z.uuid('Choose the young person.'),
});
export type CreatePairRequest = z.input<typeof createPairRequest>;

const personRef = z.object({ id: z.string(), name: z.string() });

export const pairSummary = z.object({
  id: z.string(),
  programId: z.string(),
  programName: z.string(),
  mentor: personRef,
  youngPerson: personRef,
  createdAt: z.string(),
  /** Who reads every message besides the pair, by name: said above the messages. */
  readAlongBy: z.array(z.string()),
  /** The program lets the young person's guardian read the messages too. */
  guardianReads: z.boolean(),
});
export type PairSummary = z.infer<typeof pairSummary>;

export const pairList = z.object({ pairs: z.array(pairSummary) });

export const mentoringMessage = z.object({
  id: z.string(),
  authorName: z.string(),
  mine: z.boolean(),
  body: z.string(),
  sentAt: z.string(),
});
export type MentoringMessage = z.infer<typeof mentoringMessage>;

export const mentoringMeeting = z.object({
  id: z.string(),
  metAt: z.string(),
  place: z.string(),
  present: z.array(z.string()),
  loggedByName: z.string(),
});
export type MentoringMeeting = z.infer<typeof mentoringMeeting>;

/** GET /api/mentoring-pairs/:id */
export const pairDetail = z.object({
  pair: pairSummary,
  /** The reader may write: the mentor, the young person, or a coordinator. */
  mayWrite: z.boolean(),
  /** The reader may log a meeting: the mentor or a coordinator. */
  mayLogMeetings: z.boolean(),
  messages: z.array(mentoringMessage),
  meetings: z.array(mentoringMeeting),
});
export type PairDetail = z.infer<typeof pairDetail>;

/** POST /api/mentoring-pairs/:id/messages */
export const sendMessageRequest = z.object({
  body: z
    .string({ error: 'Write a message.' })
    .trim()
    .min(1, 'Write a message first.')
    .max(MENTORING_MESSAGE_MAX, `Keep a message under ${MENTORING_MESSAGE_MAX} characters.`),
});

/** POST /api/mentoring-pairs/:id/meetings */
export const logMeetingRequest = z.object({
  metAt: z.iso.datetime({ offset: true, error: 'Give the day and time of the meeting.' }),
  place: z
    .string({ error: 'Say where you met.' })
    .trim()
    .min(2, 'Say where you met, for example "Riverside library".')
    .max(200, 'Keep the place under 200 characters.'),
  /** Everyone else who was there, by name. */
  present: z
    .array(
      z
        .string()
        .trim()
        .min(1, 'Leave no name empty.')
        .max(80, 'Keep each name under 80 characters.'),
    )
    .max(20, 'List at most 20 people.'),
});
export type LogMeetingRequest = z.input<typeof logMeetingRequest>;

/** GET /api/consent/mentoring?token=: a guardian reads along, where the program says so. */
export const guardianMentoring = z.object({
  pairs: z.array(
    z.object({
      id: z.string(),
      mentorName: z.string(),
      messages: z.array(mentoringMessage),
      meetings: z.array(mentoringMeeting),
    }),
  ),
});
export type GuardianMentoring = z.infer<typeof guardianMentoring>;
