import { z } from 'zod';

// Safeguarding concerns in a youth program: anyone of the program raises one, and it goes to the
// program's safeguarding lead alone, who keeps a record of what was done about it.

export const CONCERN_MIN_LENGTH = 10;
export const CONCERN_MAX_LENGTH = 4000;

/** POST /api/programs/:programId/concerns: what someone saw, heard or worries about. */
export const raiseConcernRequest = z.object({
  body: z
    .string({ error: 'Write what happened, or what worries you.' })
    .trim()
    .min(
      CONCERN_MIN_LENGTH,
      'Write a little more, at least 10 characters, so that the safeguarding lead understands.',
    )
    .max(CONCERN_MAX_LENGTH, 'Keep it under 4,000 characters.'),
});
export type RaiseConcernRequest = z.input<typeof raiseConcernRequest>;
export type RaiseConcernBody = z.infer<typeof raiseConcernRequest>;

export const raisedConcern = z.object({ id: z.string(), raisedAt: z.string() });
export type RaisedConcern = z.infer<typeof raisedConcern>;

/** POST /api/concerns/:id/actions: what the lead did; `close` when nothing more is to be done. */
export const concernActionRequest = z.object({
  note: z
    .string({ error: 'Write what you did.' })
    .trim()
    .min(1, 'Write what you did.')
    .max(CONCERN_MAX_LENGTH, 'Keep the note under 4,000 characters.'),
  close: z.boolean({ error: 'Say whether the concern is closed.' }),
});
export type ConcernActionRequest = z.input<typeof concernActionRequest>;
export type ConcernActionBody = z.infer<typeof concernActionRequest>;

export const concernStatuses = ['open', 'closed'] as const;

export const concernAction = z.object({
  byName: z.string(),
  note: z.string(),
  /** This action closed the concern. */
  closed: z.boolean(),
  at: z.string(),
});

export const concernView = z.object({
  id: z.string(),
  body: z.string(),
  status: z.enum(concernStatuses),
  raisedAt: z.string(),
  /** Null once the person who raised it has been removed. */
  raisedByName: z.string().nullable(),
  /** Oldest first: the record of what was done. */
  actions: z.array(concernAction),
});
export type ConcernView = z.infer<typeof concernView>;

/** GET /api/programs/:programId/concerns: for the safeguarding lead alone, newest first. */
export const concernsList = z.object({
  programName: z.string(),
  concerns: z.array(concernView),
});
export type ConcernsList = z.infer<typeof concernsList>;

export const concernResponse = z.object({ concern: concernView });
