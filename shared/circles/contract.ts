import { z } from 'zod';
import { supportedLanguages } from '../about/contract.ts';
import {
  type CommitmentVisibility,
  calendarDay,
  commitmentOwnerChoice,
  commitmentVisibilities,
} from '../commitments/contract.ts';
import type { CommitmentStatus } from '../commitments/machine.ts';
import type { CircleRole, Stage, VoiceGroup } from './machine.ts';
import { repeats } from './schedule.ts';

// The circles' HTTP API: planning a circle or a series, inviting people, the page before joining,
// the harvest after closing, and the equal-voice figures. The live room speaks protocol.ts over
// its WebSocket, at /api/circles/live.
//
// Planning and joining:
//   GET  /api/programs/:programId/circles            CircleSummary[]
//   POST /api/programs/:programId/circles            createCircleBody -> { circles: CircleSummary[] }
//   GET  /api/programs/:programId/circle-people      CirclePeople (keepers and people to invite)
//   GET  /api/circles/mine                           CircleSummary[] (keeping, invited to, seated in)
//   GET  /api/circles/:id                            CircleDetail
//   POST /api/circles/:id/cancel
//   POST /api/circles/:id/invitations                inviteToCircleBody -> { invited: number }
//   POST /api/circles/:id/join-link                  -> JoinLink;  DELETE revokes it
//   GET  /api/circles/:id/calendar.ics               the calendar invitation
//   POST /api/circle-join/preview                    { token } -> PreJoin (link or personal invitation)
//   POST /api/circle-join                            joinCircleBody with token -> JoinedCircle
//                                                    (a resident without an account gets one, signed in)
//   GET  /api/circles/:id/pre-join                   PreJoin for someone signed in and asked to it
//   POST /api/circles/:id/join                       joinCircleBody without token -> JoinedCircle
//   GET  /api/circles/connection-check?kb=           bytes to time (connection-check.ts)
// After closing:
//   GET|PUT /api/circles/:id/harvest                 Harvest | saveHarvestBody (keepers, while a draft)
//   POST /api/circles/:id/harvest/share              the participants may review it
//   POST /api/circles/:id/harvest/reviews            reviewHarvestBody (a participant)
//   POST /api/circles/:id/harvest/finalise           its commitments go to the register
//   GET  /api/circles/:id/previous                   PreviousCircle | null (series)
//   GET  /api/circles/:id/transcript                 TranscriptMessage[] when everyone consented
//   GET  /api/circles/:id/voice                      VoiceReport (keepers, once closed)
//   GET  /api/programs/:programId/circle-voice       ProgramVoiceReport

export const CAPACITY_MIN = 5;
export const CAPACITY_MAX = 30;
export const PURPOSE_MAX = 500;
export const SERIES_MAX = 52;
export const THEMES_MAX = 8_000;
export const COMMENT_MAX = 2_000;
export const INVITEES_MAX = 30;
/** The guidelines a participant agrees to before joining; raise it when their words change. */
export const GUIDELINES_VERSION = 1;
/** Reminders go out this many hours before a circle starts. */
export const REMINDER_HOURS = [24, 1] as const;

export const circleStatuses = ['scheduled', 'live', 'closed', 'cancelled'] as const;
export type CircleStatus = (typeof circleStatuses)[number];

/** How someone takes part; keepers are set on the circle itself. Officers must be verified. */
export const participantRoles = [
  'keeper',
  'co_keeper',
  'officer',
  'resident',
  'other',
] as const satisfies readonly CircleRole[];

export const harvestStatuses = ['draft', 'shared', 'final'] as const;
export type HarvestStatus = (typeof harvestStatuses)[number];

export const reviewDecisions = ['approve', 'comment'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

const language = z.enum(supportedLanguages, { error: 'Choose English or Spanish.' });

/** A local date and time as a datetime-local field gives it: YYYY-MM-DDTHH:mm. */
export const localDateTime = z
  .string({ error: 'Give a date and a time.' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Give a date and a time.');

export const createCircleBody = z.object({
  purpose: z
    .string({ error: 'Say what the circle is for.' })
    .trim()
    .min(3, 'Say in a few words what the circle is for.')
    .max(PURPOSE_MAX, `Keep the purpose under ${PURPOSE_MAX} characters.`),
  startsAtLocal: localDateTime,
  /** An IANA zone; the program's zone when left out. */
  timeZone: z.string().min(1).max(64).optional(),
  durationMinutes: z
    .number({ error: 'Give the length in minutes.' })
    .int()
    .min(15, 'A circle lasts at least 15 minutes.')
    .max(480, 'A circle lasts at most 8 hours.')
    .default(90),
  keeperId: z.uuid('Choose the keeper.'),
  coKeeperId: z.uuid('Choose the co-keeper.').nullable().default(null),
  capacity: z
    .number({ error: 'Give how many people may take part.' })
    .int('Give a whole number.')
    .min(CAPACITY_MIN, `A circle has at least ${CAPACITY_MIN} places.`)
    .max(CAPACITY_MAX, `A circle has at most ${CAPACITY_MAX} places.`),
  language,
  repeat: z.enum(repeats).default('none'),
  /** How many circles in the series, the first included. */
  count: z
    .number()
    .int()
    .min(1)
    .max(SERIES_MAX, `A series has at most ${SERIES_MAX} circles.`)
    .default(1),
  /** A practice circle of the program's training: taking part completes a course's step. */
  training: z.boolean().default(false),
});
export type CreateCircleBody = z.input<typeof createCircleBody>;

export const inviteToCircleBody = z.object({
  /** People of the program, by account. */
  personIds: z.array(z.uuid()).max(INVITEES_MAX).default([]),
  /** Addresses of people without an account here. */
  emails: z.array(z.email('Give a valid email address.')).max(INVITEES_MAX).default([]),
  language: language.optional(),
});
export type InviteToCircleBody = z.input<typeof inviteToCircleBody>;

export interface PersonRef {
  id: string;
  name: string;
}

export interface CircleSummary {
  id: string;
  programId: string;
  programName: string;
  purpose: string;
  /** ISO instant, and the zone to show it in. */
  startsAt: string;
  timeZone: string;
  durationMinutes: number;
  status: CircleStatus;
  language: (typeof supportedLanguages)[number];
  capacity: number;
  seats: number;
  keeper: PersonRef;
  coKeeper: PersonRef | null;
  series: { id: string; position: number; count: number } | null;
  training: boolean;
  /** A conference's room: its case decides who comes and when. */
  conference: boolean;
}

export interface CircleDetail extends CircleSummary {
  /** What the viewer may do here. */
  can: { manage: boolean; join: boolean; harvest: boolean };
  /** Whether a join link is live, and until when (ISO); the token itself is shown once. */
  joinLink: { expiresAt: string } | null;
  invitees: { id: string; name: string; invitedAt: string }[];
  /** The program's help lines and services, one tap away in the room. */
  supportResources: string;
  /** The viewer's seat, once they have agreed to the guidelines: the room needs it. */
  participantId: string | null;
}

/** For a circle of a series: the previous circle's final harvest and the open commitments. */
export interface PreviousCircle {
  circleId: string;
  startsAt: string;
  themes: string;
  openCommitments: {
    id: string;
    title: string;
    status: CommitmentStatus;
    dueOn: string;
    overdue: boolean;
  }[];
}

/** What the page before joining shows, for a join link or a personal invitation token. */
export interface PreJoin {
  circleId: string;
  purpose: string;
  programName: string;
  startsAt: string;
  timeZone: string;
  status: CircleStatus;
  language: (typeof supportedLanguages)[number];
  keeperName: string;
  guidelinesVersion: number;
  full: boolean;
  /** Who is signed in and how they will appear: an officer's badge is not theirs to remove. */
  you: { name: string; role: CircleRole; verifiedOfficer: boolean } | null;
  /** Already seated: go straight to the room. */
  participantId: string | null;
}

export const joinCircleBody = z.object({
  /** The join link's or the personal invitation's token; absent for someone signed in and invited. */
  token: z.string().min(16).max(128).optional(),
  displayName: z
    .string({ error: 'Choose a name for the circle.' })
    .trim()
    .min(1, 'Choose a name for the circle; it does not have to be your real name.')
    .max(60, 'Keep the name under 60 characters.'),
  language,
  agreeToGuidelines: z.literal(true, {
    error: 'Agree to the guidelines to take part; you can still leave at any time.',
  }),
});
export type JoinCircleBody = z.input<typeof joinCircleBody>;

export const joinLinkPreviewBody = z.object({ token: z.string().min(16).max(128) });

export interface JoinLink {
  /** Shown once: only its hash is kept. The token is in the fragment (/circles/join#token). */
  url: string;
  expiresAt: string;
}

export interface CirclePeople {
  /** Facilitators and coordinators of the program, who may keep a circle. */
  keepers: PersonRef[];
  /** People of the program who may be invited, with how they would appear. */
  invitable: (PersonRef & { role: CircleRole })[];
}

export interface TranscriptMessage {
  name: string;
  role: CircleRole;
  stage: Stage;
  at: string;
  text: string;
}

export interface JoinedCircle {
  circleId: string;
  participantId: string;
}

/** Text the database keeps as written: no NUL character, no half of a surrogate pair. */
const storable = (text: string) => !text.includes('\u0000') && text.isWellFormed();
const STORABLE = 'This text holds characters that cannot be saved; please remove them.';

export const harvestCommitmentDraft = z.object({
  title: z
    .string({ error: 'Give the commitment a title.' })
    .trim()
    .min(3, 'Give the commitment a title of at least 3 characters.')
    .max(160, 'Keep the title under 160 characters.')
    .refine(storable, STORABLE),
  description: z.string().trim().max(4_000).refine(storable, STORABLE).default(''),
  owner: commitmentOwnerChoice.refine(
    (owner) => owner.kind !== 'organisation' || storable(owner.unit),
    { message: STORABLE, path: ['unit'] },
  ),
  dueOn: calendarDay,
  /** Who may see it once it is on the register; the program's people unless the circle chose. */
  visibility: z
    .enum(commitmentVisibilities, { error: 'Choose who may see the commitment.' })
    .default('program'),
});

export const saveHarvestBody = z.object({
  themes: z
    .string({ error: 'Write the themes that came up.' })
    .trim()
    .min(1, 'Write the themes that came up.')
    .max(THEMES_MAX, `Keep the themes under ${THEMES_MAX} characters.`)
    .refine(storable, STORABLE),
  commitments: z.array(harvestCommitmentDraft).max(20, 'At most 20 commitments.').default([]),
});
export type SaveHarvestBody = z.input<typeof saveHarvestBody>;

export const reviewHarvestBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({
    decision: z.literal('comment'),
    comment: z
      .string({ error: 'Write your comment.' })
      .trim()
      .min(1, 'Write your comment.')
      .max(COMMENT_MAX, `Keep the comment under ${COMMENT_MAX} characters.`)
      .refine(storable, STORABLE),
  }),
]);
export type ReviewHarvestBody = z.input<typeof reviewHarvestBody>;

export interface Harvest {
  circleId: string;
  status: HarvestStatus;
  themes: string;
  commitments: {
    id: string;
    title: string;
    description: string;
    ownerName: string;
    ownerIsOfficer: boolean;
    /** The owner as chosen, to fill the keeper's form again; null for those who only read. */
    owner: z.output<typeof commitmentOwnerChoice> | null;
    dueOn: string;
    visibility: CommitmentVisibility;
    /** On the register once the harvest is final. */
    commitmentId: string | null;
  }[];
  reviews: { participantName: string; decision: ReviewDecision; comment: string; at: string }[];
  /** The viewer's own review, if any, and whether they may review (a participant of the circle). */
  mine: { decision: ReviewDecision; comment: string } | null;
  canReview: boolean;
  canEdit: boolean;
}

/** Turns and minutes with the piece by group, for the keeper and program reports. */
export type VoiceReport = Record<VoiceGroup, { people: number; turns: number; heldMs: number }>;

export interface ProgramVoiceReport {
  programId: string;
  circles: { circleId: string; startsAt: string; purpose: string; voice: VoiceReport }[];
  total: VoiceReport;
}

export type { Stage };
