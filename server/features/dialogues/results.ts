import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  analyseDialogue,
  type DialogueAnalysis,
  type ParticipantRole,
} from '../../../shared/dialogues/analysis.ts';
import type { OfficerResponse } from '../../../shared/dialogues/contract.ts';
import { type Vote, voteMatrix } from '../../../shared/dialogues/matrix.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import type { DialogueRow } from './access.ts';
import {
  dialogueParticipants,
  dialogueResponses,
  dialogueStatements,
  dialogueVotes,
} from './schema.ts';

// A dialogue's votes, analysed: what the report, its export and the public results are made of.
// Only accepted statements are analysed. A pending, held or rejected one was never put to the
// vote; a hidden one was taken down after being shown (reported, or moderated after
// publication), and its votes are left out with it so that the results say nothing about words
// the facilitator removed. Votes of blocked participants count: they were cast in good standing.

type Executor = Database | Transaction;

export interface AnalysedStatement {
  id: string;
  number: number;
  text: string;
  language: string;
  authorRole: ParticipantRole | 'facilitator';
  responses: OfficerResponse[];
}

export interface DialogueResults {
  analysis: DialogueAnalysis;
  /** The accepted statements, by number, in the analysis's column order. */
  statements: AnalysedStatement[];
  /** Everyone who joined, by role; the analysis counts only those who voted. */
  joined: Record<ParticipantRole, number>;
  votes: number;
}

export async function analysedResults(
  db: Executor,
  dialogue: DialogueRow,
): Promise<DialogueResults> {
  const participants = await db
    .select({
      id: dialogueParticipants.id,
      role: dialogueParticipants.role,
      displayName: dialogueParticipants.displayName,
    })
    .from(dialogueParticipants)
    .where(eq(dialogueParticipants.dialogueId, dialogue.id));
  const roles = new Map(participants.map((p) => [p.id, p.role as ParticipantRole]));
  const names = new Map(participants.map((p) => [p.id, p.displayName]));
  const statementRows = await db
    .select({
      id: dialogueStatements.id,
      number: dialogueStatements.number,
      text: dialogueStatements.text,
      language: dialogueStatements.language,
      author: dialogueStatements.authorParticipantId,
    })
    .from(dialogueStatements)
    .where(
      and(
        eq(dialogueStatements.dialogueId, dialogue.id),
        eq(dialogueStatements.status, 'accepted'),
      ),
    )
    .orderBy(asc(dialogueStatements.number));
  const ids = statementRows.map((row) => row.id);
  const voteRows =
    ids.length === 0
      ? []
      : await db
          .select({
            participant: dialogueVotes.participantId,
            statement: dialogueVotes.statementId,
            vote: dialogueVotes.vote,
          })
          .from(dialogueVotes)
          .where(
            and(eq(dialogueVotes.dialogueId, dialogue.id), inArray(dialogueVotes.statementId, ids)),
          )
          // One vote per participant and statement is stored; a fixed order keeps the matrix's
          // rows, and so the opinion groups, the same from one reading to the next.
          .orderBy(asc(dialogueVotes.votedAt), asc(dialogueVotes.participantId));
  const responseRows =
    ids.length === 0
      ? []
      : await db
          .select({
            statementId: dialogueResponses.statementId,
            participantId: dialogueResponses.participantId,
            text: dialogueResponses.text,
            at: dialogueResponses.createdAt,
          })
          .from(dialogueResponses)
          .where(inArray(dialogueResponses.statementId, ids))
          .orderBy(asc(dialogueResponses.createdAt));

  const analysis = analyseDialogue(
    voteMatrix(
      voteRows.map((row) => ({ ...row, vote: row.vote as Vote })),
      ids,
    ),
    { roles, threshold: dialogue.groupThreshold },
  );
  const joined: Record<ParticipantRole, number> = { resident: 0, officer: 0, other: 0 };
  for (const role of roles.values()) joined[role] += 1;
  // An imported conversation's comments came from its participants, whose roles Pol.is never
  // knew: 'other', like them. Our own statements without an author are the facilitator's.
  const unsigned = dialogue.importedFrom === null ? 'facilitator' : 'other';
  return {
    analysis,
    statements: statementRows.map((row) => ({
      id: row.id,
      number: row.number,
      text: row.text,
      language: row.language,
      authorRole: row.author ? (roles.get(row.author) ?? 'other') : unsigned,
      responses: responseRows
        .filter((response) => response.statementId === row.id)
        .map((response) => ({
          displayName: names.get(response.participantId) ?? '',
          text: response.text,
          at: response.at.toISOString(),
        })),
    })),
    joined,
    votes: voteRows.length,
  };
}
