import type { CaseCommand, CaseState } from '../../../shared/conferences/machine.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import { ConflictError } from '../../platform/errors.ts';
import { runCommand } from './events.ts';

// A workflow step and the rows that go with it (a party's row, a consent, the conference's
// place), in one transaction: the step is decided first, under the case's lock, and `then`
// writes the rest only once it is taken. A refusal still commits its audit entry (written in
// this transaction), then answers 409 with the workflow's words; nothing else is written.

export async function withStep<Result>(
  context: Pick<AppContext, 'database' | 'cipher'>,
  actorId: string,
  conferenceId: string,
  command: CaseCommand,
  then: (tx: Transaction, state: CaseState) => Promise<Result>,
): Promise<Result> {
  const { db } = context.database;
  const outcome = await db.transaction(
    async (tx): Promise<{ done: Result } | { refused: ConflictError }> => {
      let state: CaseState;
      try {
        ({ state } = await runCommand(db, context.cipher, actorId, conferenceId, command, tx));
      } catch (error) {
        if (error instanceof ConflictError) return { refused: error };
        throw error;
      }
      return { done: await then(tx, state) };
    },
  );
  if ('refused' in outcome) throw outcome.refused;
  return outcome.done;
}
