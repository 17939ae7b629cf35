import type { PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { importPolisBody } from '../../../shared/dialogues/contract.ts';
import {
  POLIS_ATTRIBUTION,
  type PolisExport,
  PolisFormatError,
  readPolisExport,
} from '../../../shared/dialogues/polis.ts';
import { normalisedStatement, STATEMENT_MAX } from '../../../shared/dialogues/statements.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { InvalidError, NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { findProgram } from '../organisations/service.ts';
import { dialogueParticipants, dialogueStatements, dialogues, dialogueVotes } from './schema.ts';

// A Pol.is conversation, imported as an archived dialogue: its comments become statements
// numbered by their Pol.is comment id (those its moderators rejected are kept, rejected, and not
// analysed), its voters participants known only by their Pol.is id, with the role 'other' (Pol.is
// knows no roles), and its votes, the last one of each voter on each comment. Nothing of it can
// change afterwards; it carries Pol.is's attribution wherever it is shown.
//
// One transaction, the rows in batches: a large conversation is tens of thousands of votes, and
// the embedded database answers one statement at a time.

const BATCH = 2_000;
const ONE_SECOND = 1_000;

export interface ImportedDialogue {
  dialogueId: string;
  statements: number;
  participants: number;
  votes: number;
  /** Comments longer than a statement may be, shortened to fit. */
  shortened: number;
}

async function insertInBatches<T extends PgTable>(
  tx: Transaction,
  table: T,
  rows: T['$inferInsert'][],
): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    await tx.insert(table).values(rows.slice(start, start + BATCH));
  }
}

/** Statements keep to 280 characters; a longer comment is cut, marked with an ellipsis. */
const fitted = (text: string) => {
  const words = text.trim() === '' ? '…' : text.trim();
  return words.length > STATEMENT_MAX ? `${words.slice(0, STATEMENT_MAX - 1)}…` : words;
};

/** Stores an export read with readPolisExport; the caller has checked who may. */
export async function storePolisExport(
  tx: Transaction,
  into: { programId: string; title: string; createdBy: string },
  exported: PolisExport,
  now: Date = new Date(),
): Promise<ImportedDialogue> {
  const dialogueId = crypto.randomUUID();
  // votes.csv is read in time order: the first and last votes are its ends.
  const firstVote = exported.votes[0]?.at.getTime();
  const opensAt = firstVote === undefined ? now : new Date(firstVote);
  const lastVote = exported.votes.at(-1)?.at.getTime() ?? now.getTime();
  // A dialogue closes after it opens: one vote, or none, still makes a span.
  const closesAt = new Date(Math.max(lastVote, opensAt.getTime() + ONE_SECOND));
  await tx.insert(dialogues).values({
    id: dialogueId,
    programId: into.programId,
    title: into.title,
    opensAt,
    closesAt,
    audience: 'invited',
    moderation: 'before',
    languages: ['en'],
    importedFrom: POLIS_ATTRIBUTION,
    createdBy: into.createdBy,
  });

  const participantOf = new Map<string, string>();
  for (const pid of [
    ...exported.votes.map((vote) => vote.participant),
    ...exported.statements.map((statement) => statement.authorId),
  ]) {
    if (!participantOf.has(pid)) participantOf.set(pid, crypto.randomUUID());
  }
  await insertInBatches(
    tx,
    dialogueParticipants,
    [...participantOf].map(([pid, id]) => ({
      id,
      dialogueId,
      personId: null,
      role: 'other',
      displayName: `Pol.is participant ${pid}`,
      language: 'en',
      importedId: pid,
      joinedAt: opensAt,
    })),
  );

  const statementOf = new Map<string, string>();
  const wordsTaken = new Set<string>();
  let shortened = 0;
  const statementRows = exported.statements.map((statement) => {
    const id = crypto.randomUUID();
    statementOf.set(statement.id, id);
    const text = fitted(statement.text);
    if (text !== statement.text.trim()) shortened += 1;
    const rejected = statement.moderated === -1;
    // The same words twice are refused in our own dialogues, not in an archive of someone
    // else's: a repeat keeps its words, told apart by its comment id.
    let normalised = normalisedStatement(text);
    if (!rejected && wordsTaken.has(normalised)) normalised = `${normalised} #${statement.id}`;
    if (!rejected) wordsTaken.add(normalised);
    return {
      id,
      dialogueId,
      number: Number(statement.id),
      // Pol.is's authors are its participants: the statement stays theirs, by Pol.is id.
      authorParticipantId: participantOf.get(statement.authorId) ?? null,
      text,
      normalised,
      language: 'en',
      status: rejected ? 'rejected' : 'accepted',
      reason: rejected ? 'Rejected by the conversation’s moderators on Pol.is.' : null,
      createdAt: statement.createdAt,
    };
  });
  await insertInBatches(tx, dialogueStatements, statementRows);

  // votes.csv is in time order: the last vote of a voter on a comment is the one that stands.
  const latest = new Map<string, (typeof exported.votes)[number]>();
  for (const vote of exported.votes) latest.set(`${vote.statement} ${vote.participant}`, vote);
  const voteRows = [...latest.values()].map((vote) => ({
    dialogueId,
    statementId: statementOf.get(vote.statement) ?? '',
    participantId: participantOf.get(vote.participant) ?? '',
    vote: vote.vote,
    votedAt: vote.at,
  }));
  await insertInBatches(tx, dialogueVotes, voteRows);
  return {
    dialogueId,
    statements: statementRows.length,
    participants: participantOf.size,
    votes: voteRows.length,
    shortened,
  };
}

/** Reads the export's files, or says in the body's terms what is wrong with them (400). */
export function readPolisBody(body: { commentsCsv: string; votesCsv: string }): PolisExport {
  try {
    return readPolisExport({ comments: body.commentsCsv, votes: body.votesCsv });
  } catch (error) {
    if (!(error instanceof PolisFormatError)) throw error;
    throw new InvalidError(
      [
        {
          field: error.file === 'comments.csv' ? 'commentsCsv' : 'votesCsv',
          message: error.message,
          code: 'polis_format',
        },
      ],
      'This is not a Pol.is export that can be read.',
    );
  }
}

/** POST /api/programs/:programId/dialogues/import-polis, for whoever may open a dialogue. */
export async function importPolis(
  context: AppContext,
  actor: SignedIn,
  programId: string,
  body: z.output<typeof importPolisBody>,
): Promise<ImportedDialogue> {
  const { db } = context.database;
  const program = await findProgram(db, programId);
  await authorize(db, actor, 'dialogue.create', programTarget(programId, program));
  if (!program) throw new NotFoundError('There is no such program.');
  const exported = readPolisBody(body);
  return db.transaction(async (tx) => {
    const imported = await storePolisExport(
      tx,
      { programId, title: body.title, createdBy: actor.personId },
      exported,
    );
    await auditImport(db, tx, imported, {
      actorKind: 'person',
      actorId: actor.personId,
      organisationId: program.leadOrganisationId,
    });
    return imported;
  });
}

export async function auditImport(
  db: Database,
  tx: Transaction,
  imported: ImportedDialogue,
  by: { actorKind: 'person' | 'system'; actorId: string | null; organisationId: string },
): Promise<void> {
  const { dialogueId, ...counts } = imported;
  await recordAudit(
    db,
    {
      ...by,
      action: 'dialogue.imported',
      targetType: 'dialogue',
      targetId: dialogueId,
      outcome: 'succeeded',
      details: { source: 'polis', ...counts },
    },
    tx,
  );
}
