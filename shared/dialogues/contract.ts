import { z } from 'zod';
import type { supportedLanguages } from '../about/contract.ts';
import {
  languageField as language,
  writtenWords as required,
  wordsUpTo as words,
} from '../about/text-fields.ts';
import {
  DESCRIPTION_MAX as COMMITMENT_DESCRIPTION_MAX,
  TITLE_MAX as COMMITMENT_TITLE_MAX,
  calendarDay,
  commitmentOwnerChoice,
  commitmentVisibilities,
} from '../commitments/contract.ts';
import type { ParticipantRole, StatementResult } from './analysis.ts';
import { STATEMENT_MAX } from './statements.ts';

// The dialogues' HTTP API. A dialogue belongs to a program; its facilitators (whoever planned
// it, and the program's coordinators) moderate and read the report. Residents take part by the
// public link without an account (under a name of their choosing) or, for an invited dialogue,
// as people of the program; verified officers take part signed in and are always labelled.
// Results are the program's staff's, and the public's only where the facilitator opted in.
//
// A program's dialogues:
//   GET  /api/programs/:programId/dialogues                  DialogueSummary[]
//   POST /api/programs/:programId/dialogues                  createDialogueBody -> DialogueDetail
//   POST /api/programs/:programId/dialogues/import-polis     importPolisBody -> DialogueDetail (archived)
// One dialogue:
//   GET  /api/dialogues/:id                                  DialogueDetail
//   PATCH /api/dialogues/:id                                 updateDialogueBody -> DialogueDetail
//   POST /api/dialogues/:id/close                            -> DialogueDetail (closes it now)
//   POST /api/dialogues/:id/join-link                        -> JoinLink (a new one ends the old one)
//   POST /api/dialogue-join/preview                          { token } -> DialoguePreview
//   POST /api/dialogue-join                                  joinDialogueBody with token -> Joined
//                                                            (a resident without an account gets one, signed in)
//   POST /api/dialogues/:id/join                             joinDialogueBody without token -> Joined
// Taking part (a participant):
//   GET  /api/dialogues/:id/next                             NextStatement (one unseen, or none left)
//   GET  /api/dialogues/:id/mine                             MyStatement[] (with moderation outcomes)
//   POST /api/dialogues/:id/statements                       addStatementBody -> MyStatement
//   PUT  /api/dialogues/:id/statements/:statementId/vote     voteBody -> { vote }
//   POST /api/dialogues/:id/statements/:statementId/report   reportBody
//   POST /api/dialogues/:id/statements/:statementId/response responseBody (a verified officer)
// Moderation (facilitators):
//   GET  /api/dialogues/:id/moderation                       ModerationQueue
//   POST /api/dialogues/:id/statements/:statementId/moderate moderateBody -> ModeratedStatement
//   POST /api/dialogues/:id/participants/:participantId/block  reasonBody
// Results:
//   GET  /api/dialogues/:id/report                           DialogueReport (facilitators, reviewers)
//   GET  /api/dialogues/:id/report.csv                       one row per statement
//   PUT  /api/dialogues/:id/synthesis                        synthesisBody -> DialogueDetail
//   POST /api/dialogues/:id/commitments                      dialogueCommitmentBody -> { commitmentId }
//   GET  /api/public/dialogues/:id                           PublicResults (when published)
//   WebSocket /api/dialogues/:id/live                        ReportSignal on each vote or moderation

export const TITLE_MAX = 160;
export const DESCRIPTION_MAX = 4_000;
export const NEIGHBOURHOOD_MAX = 80;
export const DISPLAY_NAME_MAX = 60;
export const RESPONSE_MAX = 1_000;
export const REASON_MAX = 500;
export const SYNTHESIS_MAX = 8_000;
/** A Pol.is export's files together, as text: a large conversation is a few megabytes. */
export const POLIS_EXPORT_MAX = 20_000_000;
/** The smallest group whose figures are shown, unless the facilitator raises it. */
export const GROUP_THRESHOLD_DEFAULT = 5;
/** The consent a participant gives before taking part; raise it when the words change. */
export const TAKING_PART_VERSION = 1;

export const dialogueAudiences = ['public', 'invited'] as const;
export type DialogueAudience = (typeof dialogueAudiences)[number];
/** Before: nothing is shown until a facilitator accepts it. After: shown at once, hidden later. */
export const moderationModes = ['before', 'after'] as const;
export type ModerationMode = (typeof moderationModes)[number];
/** Upcoming, open and closed follow the dates; an imported dialogue is archived from the start. */
export const dialogueStates = ['upcoming', 'open', 'closed', 'archived'] as const;
export type DialogueState = (typeof dialogueStates)[number];
/**
 * pending: waits for moderation; held: crisis wording sent it to a facilitator, never published;
 * accepted: others vote on it; rejected: the author sees the reason; hidden: taken down after
 * being shown (reported, or moderation after publication).
 */
export const statementStatuses = ['pending', 'held', 'accepted', 'rejected', 'hidden'] as const;
export type StatementStatus = (typeof statementStatuses)[number];
export const voteChoices = ['agree', 'disagree', 'pass'] as const;
export type VoteChoice = (typeof voteChoices)[number];
export const moderationDecisions = ['accept', 'reject', 'hide'] as const;

const instant = z.iso.datetime({ offset: true, error: 'Give a date and time.' });

export const reasonBody = z.object({ reason: words(REASON_MAX, 'the reason').default('') });

export const createDialogueBody = z
  .object({
    title: required(TITLE_MAX, 'the topic'),
    description: words(DESCRIPTION_MAX, 'the description').default(''),
    opensAt: instant,
    closesAt: instant,
    audience: z.enum(dialogueAudiences, { error: 'Choose who may take part.' }),
    moderation: z.enum(moderationModes, { error: 'Choose when statements are moderated.' }),
    languages: z
      .array(language)
      .min(1, 'Choose at least one language.')
      .refine((list) => new Set(list).size === list.length, 'Name each language once.'),
    /** Statements the facilitator starts the dialogue with: published at once. */
    seedStatements: z.array(required(STATEMENT_MAX, 'the statement')).max(50).default([]),
    groupThreshold: z.number().int().min(3).max(50).default(GROUP_THRESHOLD_DEFAULT),
  })
  .refine((body) => Date.parse(body.closesAt) > Date.parse(body.opensAt), {
    path: ['closesAt'],
    message: 'The dialogue must close after it opens.',
  });
export type CreateDialogueBody = z.input<typeof createDialogueBody>;

export const updateDialogueBody = z.object({
  title: required(TITLE_MAX, 'the topic').optional(),
  description: words(DESCRIPTION_MAX, 'the description').optional(),
  opensAt: instant.optional(),
  closesAt: instant.optional(),
  moderation: z.enum(moderationModes).optional(),
  resultsPublic: z.boolean().optional(),
});
export type UpdateDialogueBody = z.input<typeof updateDialogueBody>;

export interface DialogueSummary {
  id: string;
  programId: string;
  title: string;
  state: DialogueState;
  audience: DialogueAudience;
  opensAt: string;
  closesAt: string;
  participants: number;
  statements: number;
  /** Waiting for a facilitator: pending, held and reported; null for those who do not moderate. */
  toModerate: number | null;
  /** Whether the viewer takes part already. */
  joined: boolean;
}

export interface DialogueDetail extends DialogueSummary {
  description: string;
  programName: string;
  moderation: ModerationMode;
  languages: (typeof supportedLanguages)[number][];
  groupThreshold: number;
  resultsPublic: boolean;
  hasJoinLink: boolean;
  synthesis: string;
  /** Pol.is's attribution for an imported conversation; null for our own. */
  source: string | null;
  /** What the viewer may do. */
  can: { moderate: boolean; readReport: boolean; takePart: boolean };
  /** The viewer's part, once they joined. */
  you: {
    participantId: string;
    role: ParticipantRole;
    displayName: string;
    blocked: boolean;
  } | null;
  /**
   * How the viewer would appear if they joined now (a verified officer as an officer), when
   * they may and have not; null otherwise, and in answers to a change.
   */
  joinsAs: ParticipantRole | null;
}

export interface JoinLink {
  /** Shown once: only its hash is kept. The token is in the fragment (/dialogues/join#token). */
  url: string;
}

export const joinPreviewBody = z.object({ token: z.string().min(16).max(128) });

export interface DialoguePreview {
  dialogueId: string;
  title: string;
  description: string;
  programName: string;
  state: DialogueState;
  closesAt: string;
  languages: (typeof supportedLanguages)[number][];
  moderation: ModerationMode;
  /** Who is signed in, and how they would appear; an officer's label is not theirs to remove. */
  you: { name: string; verifiedOfficer: boolean } | null;
  joined: boolean;
}

export const joinDialogueBody = z.object({
  /** The public link's token; absent for someone signed in who may take part. */
  token: z.string().min(16).max(128).optional(),
  displayName: z
    .string({ error: 'Choose a name for the dialogue.' })
    .trim()
    .min(1, 'Choose a name for the dialogue; it does not have to be your real name.')
    .max(DISPLAY_NAME_MAX, `Keep the name under ${DISPLAY_NAME_MAX} characters.`),
  neighbourhood: words(NEIGHBOURHOOD_MAX, 'your neighbourhood').default(''),
  language,
  agreeToTakePart: z.literal(true, {
    error: 'Agree to how the dialogue works to take part; you can stop at any time.',
  }),
});
export type JoinDialogueBody = z.input<typeof joinDialogueBody>;

export interface Joined {
  dialogueId: string;
  participantId: string;
}

/** A statement as a participant sees it to vote on. */
export interface VotableStatement {
  id: string;
  number: number;
  text: string;
  language: string;
  /** Who wrote it, by role only: a resident, an officer, the facilitator. */
  authorRole: ParticipantRole | 'facilitator';
  responses: OfficerResponse[];
  yourVote: VoteChoice | null;
}

export interface OfficerResponse {
  displayName: string;
  text: string;
  at: string;
}

export interface NextStatement {
  statement: VotableStatement | null;
  seen: number;
  total: number;
}

export const addStatementBody = z.object({
  text: z.string({ error: 'Write the statement.' }),
  language,
});
export type AddStatementBody = z.input<typeof addStatementBody>;

export interface MyStatement {
  id: string;
  text: string;
  /** The language it was written in, for the page's lang attribute. */
  language: string;
  status: StatementStatus;
  /** Why a facilitator did not publish it, in their words. */
  reason: string | null;
  at: string;
  /**
   * For a held statement (crisis wording): that a facilitator will reach out, and the program's
   * support resources (crisis lines) to show with it; null otherwise.
   */
  support: { notice: string; resources: string } | null;
}

export const voteBody = z.object({
  vote: z.enum(voteChoices, { error: 'Choose agree, disagree or pass.' }),
});

export const reportBody = z.object({ reason: required(REASON_MAX, 'what is wrong with it') });

export const responseBody = z.object({ text: required(RESPONSE_MAX, 'the response') });

export const moderateBody = z
  .object({
    decision: z.enum(moderationDecisions, { error: 'Choose accept, reject or hide.' }),
    reason: words(REASON_MAX, 'the reason').default(''),
  })
  .refine((body) => body.decision === 'accept' || body.reason.length > 0, {
    path: ['reason'],
    message: 'Give the author a reason: they will see it.',
  });
export type ModerateBody = z.input<typeof moderateBody>;

export interface ModeratedStatement {
  id: string;
  number: number;
  text: string;
  language: string;
  status: StatementStatus;
  reason: string | null;
  authorRole: ParticipantRole | 'facilitator';
  authorName: string | null;
  /** The author, to block; null for the facilitator's own statements and imported ones. */
  authorParticipantId: string | null;
  authorBlocked: boolean;
  reports: { reason: string; at: string }[];
  crisis: boolean;
  at: string;
}

export interface ModerationQueue {
  /** Pending, held and reported statements, the held ones first. */
  waiting: ModeratedStatement[];
  /** Every statement decided so far, latest first. */
  decided: ModeratedStatement[];
}

export interface ReportStatement extends StatementResult {
  id: string;
  number: number;
  text: string;
  language: string;
  authorRole: ParticipantRole | 'facilitator';
  responses: OfficerResponse[];
}

export interface DialogueReport {
  dialogueId: string;
  title: string;
  state: DialogueState;
  threshold: number;
  participants: number;
  /** Participants by role; a role under the threshold shows null. */
  byRole: Record<ParticipantRole, number | null>;
  votes: number;
  grouped: number;
  opinionGroups: { id: number; size: number | null }[];
  statements: ReportStatement[];
  /** Statement ids, most agreed first. */
  commonGround: string[];
  divisive: string[];
  synthesis: string;
  /** Commitments on the register that came from this dialogue. */
  commitments: { id: string; title: string }[];
}

/** What the live report's socket says: something changed; the page fetches the report again. */
export interface ReportSignal {
  kind: 'changed';
  votes: number;
}

export const synthesisBody = z.object({
  synthesis: words(SYNTHESIS_MAX, 'the synthesis'),
  resultsPublic: z.boolean(),
});

export const dialogueCommitmentBody = z.object({
  // The register's own limits: the commitment is recorded there as written.
  title: required(COMMITMENT_TITLE_MAX, 'the commitment').min(
    3,
    'Give the commitment a title of at least 3 characters.',
  ),
  description: words(COMMITMENT_DESCRIPTION_MAX, 'the description').default(''),
  owner: commitmentOwnerChoice,
  visibility: z.enum(commitmentVisibilities),
  dueOn: calendarDay,
  /** The common-ground statements the commitment answers. */
  statementIds: z.array(z.string()).max(20).default([]),
});
export type DialogueCommitmentBody = z.input<typeof dialogueCommitmentBody>;

export const importPolisBody = z.object({
  title: required(TITLE_MAX, 'the topic'),
  commentsCsv: z.string().min(1, 'Add comments.csv.').max(POLIS_EXPORT_MAX),
  votesCsv: z.string().min(1, 'Add votes.csv.').max(POLIS_EXPORT_MAX),
});

export interface PublicResults {
  title: string;
  description: string;
  programName: string;
  state: DialogueState;
  participants: number;
  synthesis: string;
  commonGround: {
    number: number;
    text: string;
    language: string;
    agreeRate: number;
    agreeInterval: [number, number];
  }[];
  commitments: { id: string; title: string }[];
  source: string | null;
}
