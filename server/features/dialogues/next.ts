import { and, asc, count, desc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { ParticipantRole } from '../../../shared/dialogues/analysis.ts';
import type {
  MyStatement,
  NextStatement,
  OfficerResponse,
  StatementStatus,
  VotableStatement,
} from '../../../shared/dialogues/contract.ts';
import { nextStatement } from '../../../shared/dialogues/voting-order.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Database } from '../../platform/db/connection.ts';
import { ConflictError } from '../../platform/errors.ts';
import { participation, readableDialogue } from './access.ts';
import { wordsOf } from './held-words.ts';
import {
  dialogueParticipants,
  dialogueResponses,
  dialogueStatements,
  dialogueVotes,
} from './schema.ts';
import { supportFor } from './support.ts';

// What a participant sees while taking part: the next statement to vote on (one they have not
// voted on, never one of their own, favouring those with few votes), and their own statements
// with what moderation made of them.

/** Officers' responses to these statements, oldest first, each under the officer's name. */
export async function responsesTo(
  db: Database,
  statementIds: string[],
): Promise<Map<string, OfficerResponse[]>> {
  const responses = new Map<string, OfficerResponse[]>();
  if (statementIds.length === 0) return responses;
  const rows = await db
    .select({
      statementId: dialogueResponses.statementId,
      displayName: dialogueParticipants.displayName,
      text: dialogueResponses.text,
      at: dialogueResponses.createdAt,
    })
    .from(dialogueResponses)
    .innerJoin(dialogueParticipants, eq(dialogueParticipants.id, dialogueResponses.participantId))
    .where(inArray(dialogueResponses.statementId, statementIds))
    .orderBy(asc(dialogueResponses.createdAt));
  for (const row of rows) {
    const list = responses.get(row.statementId) ?? [];
    list.push({ displayName: row.displayName, text: row.text, at: row.at.toISOString() });
    responses.set(row.statementId, list);
  }
  return responses;
}

/** GET /api/dialogues/:id/next. `random` is in [0, 1): tests may fix it. */
export async function nextFor(
  db: Database,
  actor: SignedIn,
  dialogueId: string,
  random: number = Math.random(),
): Promise<NextStatement> {
  const { participant } = await participation(db, actor, dialogueId);
  const candidates = await db
    .select({ id: dialogueStatements.id, votes: count(dialogueVotes.participantId) })
    .from(dialogueStatements)
    .leftJoin(dialogueVotes, eq(dialogueVotes.statementId, dialogueStatements.id))
    .where(
      and(
        eq(dialogueStatements.dialogueId, dialogueId),
        eq(dialogueStatements.status, 'accepted'),
        or(
          isNull(dialogueStatements.authorParticipantId),
          ne(dialogueStatements.authorParticipantId, participant.id),
        ),
      ),
    )
    .groupBy(dialogueStatements.id)
    .orderBy(asc(dialogueStatements.number));
  const voted = await db
    .select({ statementId: dialogueVotes.statementId })
    .from(dialogueVotes)
    .where(eq(dialogueVotes.participantId, participant.id));
  const seen = new Set(voted.map((row) => row.statementId));
  const counted = candidates.map((row) => ({ id: row.id, votes: Number(row.votes) }));
  const seenHere = counted.filter((row) => seen.has(row.id)).length;
  const chosenId = nextStatement(counted, seen, random);
  return {
    statement: chosenId ? await votable(db, chosenId) : null,
    seen: seenHere,
    total: counted.length,
  };
}

async function votable(db: Database, statementId: string): Promise<VotableStatement> {
  const [row] = await db
    .select({
      id: dialogueStatements.id,
      number: dialogueStatements.number,
      text: dialogueStatements.text,
      language: dialogueStatements.language,
      authorRole: dialogueParticipants.role,
    })
    .from(dialogueStatements)
    .leftJoin(
      dialogueParticipants,
      eq(dialogueParticipants.id, dialogueStatements.authorParticipantId),
    )
    .where(eq(dialogueStatements.id, statementId));
  if (!row) throw new ConflictError('That statement was just taken down; ask for the next one.');
  return {
    id: row.id,
    number: row.number,
    text: row.text,
    language: row.language,
    authorRole: (row.authorRole as ParticipantRole | null) ?? 'facilitator',
    responses: (await responsesTo(db, [row.id])).get(row.id) ?? [],
    yourVote: null,
  };
}

/** GET /api/dialogues/:id/mine: also for someone blocked, or after the dialogue closed. */
export async function myStatements(
  { db, cipher }: { db: Database; cipher: FieldCipher },
  actor: SignedIn,
  dialogueId: string,
): Promise<MyStatement[]> {
  const access = await readableDialogue(db, actor, dialogueId);
  if (!access.participant) {
    throw new ConflictError('Join the dialogue first.', { code: 'not_joined' });
  }
  const rows = await db
    .select()
    .from(dialogueStatements)
    .where(eq(dialogueStatements.authorParticipantId, access.participant.id))
    .orderBy(desc(dialogueStatements.createdAt), desc(dialogueStatements.number));
  const support = await supportFor(db, access.dialogue.programId);
  return rows.map((row) => myStatementOf(cipher, row, support));
}

export function myStatementOf(
  cipher: FieldCipher,
  row: typeof dialogueStatements.$inferSelect,
  support: string,
): MyStatement {
  const status = row.status as StatementStatus;
  // Crisis wording held it back: its author is told that a person will reach out, and where
  // help is now, rather than only that it was not published.
  return {
    id: row.id,
    text: wordsOf(cipher, row),
    language: row.language,
    status,
    reason: status === 'rejected' || status === 'hidden' ? row.reason : null,
    at: row.createdAt.toISOString(),
    support: status === 'held' ? { notice: HELD_NOTICE, resources: support } : null,
  };
}

export const HELD_NOTICE =
  'Thank you for telling us. This was not published: a facilitator will read it and reach out to you. If you are in danger now, call your local emergency number.';
