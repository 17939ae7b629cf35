import type { ParticipantRole } from '../../../shared/dialogues/analysis.ts';
import type { StatementStatus } from '../../../shared/dialogues/contract.ts';
import type { Vote } from '../../../shared/dialogues/matrix.ts';
import { normalisedStatement } from '../../../shared/dialogues/statements.ts';
import { placeholderEmailFor } from '../../../shared/people/placeholder-email.ts';
import { people } from '../../platform/auth/schema.ts';
import type { Database } from '../../platform/db/connection.ts';
import {
  dialogueParticipants,
  dialogueResponses,
  dialogueStatements,
  dialogues,
  dialogueVotes,
} from './schema.ts';

// A dialogue written straight into the database, with its votes as a table of rows, for tests
// of the results: what the report must show is worked out by hand from the same table.

export interface TestDialogue {
  dialogueId: string;
  participants: string[];
  statements: string[];
}

export interface DialogueFixture {
  programId: string;
  createdBy: string;
  title?: string;
  groupThreshold?: number;
  resultsPublic?: boolean;
  /** One per participant; each becomes a person of their own (residents come by a link). */
  roles: ParticipantRole[];
  statements: { text: string; status?: StatementStatus; author?: number }[];
  /** votes[participant][statement]: 1, -1, 0, or null for not seen. */
  votes: (Vote | null)[][];
  /** An officer's response: the participant's index, the statement's. */
  responses?: { participant: number; statement: number; text: string }[];
}

export async function insertDialogue(
  db: Database,
  fixture: DialogueFixture,
): Promise<TestDialogue> {
  const dialogueId = crypto.randomUUID();
  const day = 86_400_000;
  await db.insert(dialogues).values({
    id: dialogueId,
    programId: fixture.programId,
    title: fixture.title ?? 'Traffic stops on the east side',
    opensAt: new Date(Date.now() - 7 * day),
    closesAt: new Date(Date.now() + 7 * day),
    audience: 'public',
    moderation: 'before',
    languages: ['en', 'es'],
    groupThreshold: fixture.groupThreshold ?? 5,
    resultsPublic: fixture.resultsPublic ?? false,
    createdBy: fixture.createdBy,
  });
  const participants = fixture.roles.map(() => crypto.randomUUID());
  await db.insert(people).values(
    participants.map((id, index) => ({
      id,
      name: `Neighbour ${index + 1}`,
      email: placeholderEmailFor(id),
    })),
  );
  await db.insert(dialogueParticipants).values(
    participants.map((id, index) => ({
      id,
      dialogueId,
      personId: id,
      role: fixture.roles[index] ?? 'other',
      displayName: `Neighbour ${index + 1}`,
      language: 'en',
    })),
  );
  const statements = fixture.statements.map(() => crypto.randomUUID());
  await db.insert(dialogueStatements).values(
    fixture.statements.map((statement, index) => ({
      id: statements[index] ?? '',
      dialogueId,
      number: index + 1,
      authorParticipantId:
        statement.author === undefined ? null : (participants[statement.author] ?? null),
      text: statement.text,
      normalised: normalisedStatement(statement.text),
      language: 'en',
      status: statement.status ?? 'accepted',
    })),
  );
  const votes = fixture.votes.flatMap((row, participant) =>
    row.flatMap((vote, statement) =>
      vote === null
        ? []
        : [
            {
              dialogueId,
              statementId: statements[statement] ?? '',
              participantId: participants[participant] ?? '',
              vote,
            },
          ],
    ),
  );
  if (votes.length > 0) await db.insert(dialogueVotes).values(votes);
  for (const response of fixture.responses ?? []) {
    await db.insert(dialogueResponses).values({
      statementId: statements[response.statement] ?? '',
      participantId: participants[response.participant] ?? '',
      text: response.text,
    });
  }
  return { dialogueId, participants, statements };
}
