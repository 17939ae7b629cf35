import { eq, max } from 'drizzle-orm';
import type { ParticipantRole } from '../../../shared/dialogues/analysis.ts';
import type {
  DialogueAudience,
  ModerationMode,
  StatementStatus,
  VoteChoice,
} from '../../../shared/dialogues/contract.ts';
import { votes as voteValues } from '../../../shared/dialogues/matrix.ts';
import { normalisedStatement } from '../../../shared/dialogues/statements.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import {
  dialogueParticipants,
  dialogueReports,
  dialogueResponses,
  dialogueStatements,
  dialogues,
  dialogueVotes,
} from './schema.ts';

// Dialogues as tests need them, written straight to the database: a dialogue in any state, its
// participants, statements, votes, reports and responses, without going through the routes
// (which are tested on their own). Every helper returns the ids it made.

type Executor = Database | Transaction;

const hour = 3_600_000;

export interface TestDialogue {
  programId: string;
  /** Who planned it: they moderate it when they may create dialogues in the program. */
  createdBy: string;
  title?: string;
  description?: string;
  audience?: DialogueAudience;
  moderation?: ModerationMode;
  /** Sets the dates: open (the default) from an hour ago for a week; closed a day ago. */
  state?: 'upcoming' | 'open' | 'closed';
  opensAt?: Date;
  closesAt?: Date;
  languages?: ('en' | 'es')[];
  groupThreshold?: number;
  joinTokenHash?: string | null;
  resultsPublic?: boolean;
  synthesis?: string;
  /** An imported conversation's attribution: the dialogue is archived. */
  importedFrom?: string | null;
}

function datesOf(state: TestDialogue['state']): { opensAt: Date; closesAt: Date } {
  const now = Date.now();
  if (state === 'upcoming')
    return { opensAt: new Date(now + 24 * hour), closesAt: new Date(now + 8 * 24 * hour) };
  if (state === 'closed')
    return { opensAt: new Date(now - 8 * 24 * hour), closesAt: new Date(now - 24 * hour) };
  return { opensAt: new Date(now - hour), closesAt: new Date(now + 7 * 24 * hour) };
}

export async function insertDialogue(db: Executor, dialogue: TestDialogue): Promise<string> {
  const id = crypto.randomUUID();
  const dates = datesOf(dialogue.state);
  await db.insert(dialogues).values({
    id,
    programId: dialogue.programId,
    title: dialogue.title ?? 'Traffic stops in the Eastside district',
    description: dialogue.description ?? '',
    opensAt: dialogue.opensAt ?? dates.opensAt,
    closesAt: dialogue.closesAt ?? dates.closesAt,
    audience: dialogue.audience ?? 'invited',
    moderation: dialogue.moderation ?? 'after',
    languages: dialogue.languages ?? ['en', 'es'],
    groupThreshold: dialogue.groupThreshold ?? 5,
    joinTokenHash: dialogue.joinTokenHash ?? null,
    resultsPublic: dialogue.resultsPublic ?? false,
    synthesis: dialogue.synthesis ?? '',
    importedFrom: dialogue.importedFrom ?? null,
    createdBy: dialogue.createdBy,
  });
  return id;
}

export interface TestParticipant {
  /** Null for a participant of an imported conversation; a person must exist otherwise. */
  personId?: string | null;
  role?: ParticipantRole;
  displayName?: string;
  neighbourhood?: string;
  language?: 'en' | 'es';
  blocked?: boolean;
}

export async function insertParticipant(
  db: Executor,
  dialogueId: string,
  participant: TestParticipant = {},
): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(dialogueParticipants).values({
    id,
    dialogueId,
    personId: participant.personId ?? null,
    role: participant.role ?? 'resident',
    displayName: participant.displayName ?? `Neighbour ${id.slice(0, 4)}`,
    neighbourhood: participant.neighbourhood ?? '',
    language: participant.language ?? 'en',
    ...(participant.blocked ? { blockedAt: new Date(), blockedReason: 'Blocked by a test.' } : {}),
  });
  return id;
}

/** Participants without accounts (as an imported conversation has), one per role given. */
export async function insertParticipants(
  db: Executor,
  dialogueId: string,
  roles: readonly ParticipantRole[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const role of roles) ids.push(await insertParticipant(db, dialogueId, { role }));
  return ids;
}

export interface TestStatement {
  text?: string;
  /** Null (the default) for the facilitator's own statements. */
  authorParticipantId?: string | null;
  status?: StatementStatus;
  crisis?: boolean;
  reason?: string | null;
  language?: string;
  /** The next number in the dialogue unless given. */
  number?: number;
  createdAt?: Date;
}

export async function insertStatement(
  db: Executor,
  dialogueId: string,
  statement: TestStatement = {},
): Promise<string> {
  const id = crypto.randomUUID();
  const [last] = await db
    .select({ number: max(dialogueStatements.number) })
    .from(dialogueStatements)
    .where(eq(dialogueStatements.dialogueId, dialogueId));
  const number = statement.number ?? (last?.number ?? 0) + 1;
  const text = statement.text ?? `Statement number ${number} about traffic stops`;
  await db.insert(dialogueStatements).values({
    id,
    dialogueId,
    number,
    authorParticipantId: statement.authorParticipantId ?? null,
    text,
    normalised: normalisedStatement(text),
    language: statement.language ?? 'en',
    status: statement.status ?? 'accepted',
    crisis: statement.crisis ?? false,
    reason: statement.reason ?? null,
    ...(statement.createdAt ? { createdAt: statement.createdAt } : {}),
  });
  return id;
}

/** Accepted statements with the given words (or `count` made-up ones), numbered in order. */
export async function insertStatements(
  db: Executor,
  dialogueId: string,
  texts: readonly string[] | number,
): Promise<string[]> {
  const list =
    typeof texts === 'number'
      ? Array.from({ length: texts }, (_, index) => `Made-up statement ${index + 1}`)
      : texts;
  const ids: string[] = [];
  for (const text of list) ids.push(await insertStatement(db, dialogueId, { text }));
  return ids;
}

export interface TestVote {
  participantId: string;
  statementId: string;
  vote: VoteChoice;
  votedAt?: Date;
}

export async function insertVotes(
  db: Executor,
  dialogueId: string,
  votes: readonly TestVote[],
): Promise<void> {
  if (votes.length === 0) return;
  await db.insert(dialogueVotes).values(
    votes.map((vote) => ({
      dialogueId,
      statementId: vote.statementId,
      participantId: vote.participantId,
      vote: voteValues[vote.vote],
      ...(vote.votedAt ? { votedAt: vote.votedAt } : {}),
    })),
  );
}

/**
 * Votes from a grid: `grid[p][s]` is participant p's vote on statement s, or null for unseen.
 * Handy for matrices with a known answer.
 */
export async function insertVoteGrid(
  db: Executor,
  dialogueId: string,
  participantIds: readonly string[],
  statementIds: readonly string[],
  grid: readonly (readonly (VoteChoice | null)[])[],
): Promise<void> {
  const votes: TestVote[] = [];
  grid.forEach((row, p) => {
    row.forEach((vote, s) => {
      const participantId = participantIds[p];
      const statementId = statementIds[s];
      if (vote && participantId && statementId) votes.push({ participantId, statementId, vote });
    });
  });
  await insertVotes(db, dialogueId, votes);
}

export async function insertReport(
  db: Executor,
  statementId: string,
  participantId: string,
  reason = 'It names someone.',
): Promise<void> {
  await db.insert(dialogueReports).values({ statementId, participantId, reason });
}

export async function insertResponse(
  db: Executor,
  statementId: string,
  participantId: string,
  text = 'We changed how stops are recorded last year.',
): Promise<void> {
  await db.insert(dialogueResponses).values({ statementId, participantId, text });
}
