import type { Logger } from 'pino';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Database } from '../../platform/db/connection.ts';
import {
  appendBatch,
  type CommittedCircle,
  type KnownState,
  type Outcome,
  type Submission,
} from './append.ts';

// Group commit: the commands of every circle of this process that arrive while a transaction is
// being written wait for the next one, and go in together: one transaction, one insert of all
// their events, one update of the counters. Only once it has committed are the events handed
// on (folded into the rooms, published to other processes) and the commands answered, so that
// nothing a client was told is lost if the process dies. Under load a batch grows with the
// time a commit takes; alone, a command waits only for the turn of the event loop.

export interface CircleLog {
  /** Decides and stores one command; resolves once it is committed (or refused). */
  submit(submission: Submission): Promise<Outcome>;
  /** Answers what is queued, then refuses new commands: for shutdown. */
  close(): Promise<void>;
}

export interface CircleLogDependencies {
  db: Database;
  cipher: FieldCipher;
  log: Logger;
  known: KnownState;
  /** Called after the commit, in the order of the batch, before any command is answered. */
  committed(circles: CommittedCircle[]): Promise<void>;
}

interface Pending extends Submission {
  answer(outcome: Outcome): void;
}

export function createCircleLog(dependencies: CircleLogDependencies): CircleLog {
  const { db, cipher, log, known } = dependencies;
  let queue: Pending[] = [];
  let writing: Promise<void> | null = null;
  let scheduled = false;
  let closed = false;

  async function write(batch: Pending[]): Promise<void> {
    let result: Awaited<ReturnType<typeof appendBatch>>;
    try {
      result = await db.transaction((tx) => appendBatch(tx, cipher, batch, known));
    } catch (error) {
      log.error({ err: error, commands: batch.length }, 'circle commands could not be stored');
      for (const pending of batch) pending.answer({ kind: 'unavailable' });
      return;
    }
    try {
      await dependencies.committed(result.committed);
    } catch (error) {
      // Stored already: the rooms catch up from the database on the next gap.
      log.warn({ err: error }, 'committed circle events could not be handed on');
    }
    batch.forEach((pending, index) => {
      pending.answer(result.outcomes[index] ?? { kind: 'unavailable' });
    });
  }

  function run(): void {
    scheduled = false;
    if (writing || queue.length === 0) return;
    const batch = queue;
    queue = [];
    writing = write(batch).finally(() => {
      writing = null;
      // What arrived meanwhile goes in the next transaction, at once.
      if (queue.length > 0) schedule();
    });
  }

  function schedule(): void {
    if (scheduled || writing) return;
    scheduled = true;
    setImmediate(run);
  }

  return {
    submit(submission) {
      if (closed) return Promise.resolve({ kind: 'unavailable' });
      return new Promise((answer) => {
        queue.push({ ...submission, answer });
        schedule();
      });
    },
    async close() {
      closed = true;
      while (writing || queue.length > 0) {
        if (writing) await writing;
        else run();
      }
    },
  };
}
