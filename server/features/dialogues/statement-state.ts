import { and, eq } from 'drizzle-orm';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { dialogueStatements } from './schema.ts';

// One statement of a dialogue, for voting on, reporting, responding to and moderating it: not
// found when it is not in this dialogue; refused with words for each way it is not published.

export type StatementRow = typeof dialogueStatements.$inferSelect;

export async function statementIn(
  db: Database | Transaction,
  dialogueId: string,
  statementId: string,
  /** 'share' while adding to it (a vote), 'update' while changing it (moderation). */
  lock?: 'share' | 'update',
): Promise<StatementRow> {
  const query = db
    .select()
    .from(dialogueStatements)
    .where(
      and(eq(dialogueStatements.id, statementId), eq(dialogueStatements.dialogueId, dialogueId)),
    );
  const [row] = lock ? await query.for(lock) : await query;
  if (!row) throw new NotFoundError('There is no such statement in this dialogue.');
  return row;
}

/** 409 unless others may see the statement now: only accepted statements are voted on. */
export function ensurePublished(statement: StatementRow): void {
  if (statement.status === 'accepted') return;
  const words =
    statement.status === 'pending'
      ? 'This statement is waiting for a facilitator: it can be voted on once it is published.'
      : 'This statement is not published, so it cannot be voted on, reported or answered.';
  throw new ConflictError(words, { code: `statement_${statement.status}` });
}
