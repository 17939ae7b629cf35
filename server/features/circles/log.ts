import type { Logger } from 'pino';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Database } from '../../platform/db/connection.ts';
import { type AppendResult, appendBatch } from './append.ts';
import type { CommittedCircle, KnownState, Outcome, Submission } from './batch.ts';

// Group commit: the commands of every circle of this process that arrive while a write is under
// way, or within GROUP_COMMIT_MS of the last one starting, wait for the next write and go in
// together: one statement storing all their events and counters (append.ts). Only once it has
// committed are the events handed on (folded into the rooms, published to other processes) and
// the commands answered, so that nothing a client was told is lost if the process dies. Under
// load a batch grows with the time a write takes; when it is quiet, a command goes at once.

/** The least time between the starts of two writes. */
export const GROUP_COMMIT_MS = 8;

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
  let startedAt = Number.NEGATIVE_INFINITY;
  let closed = false;

  async function write(batch: Pending[]): Promise<void> {
    let result: AppendResult;
    try {
      result = await appendBatch(db, cipher, batch, known);
    } catch (error) {
      result = { outcomes: [], committed: [], failure: error };
    }
    if (result.failure) {
      log.error({ err: result.failure }, 'circle commands could not be stored');
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
    startedAt = performance.now();
    writing = write(batch).finally(() => {
      writing = null;
      if (queue.length > 0) schedule();
    });
  }

  function schedule(): void {
    if (scheduled || writing) return;
    scheduled = true;
    // A write costs about the same for one command as for fifty: under load, writes start at
    // most every GROUP_COMMIT_MS and carry all that came meanwhile; when it is quiet, at once.
    const wait = startedAt + GROUP_COMMIT_MS - performance.now();
    if (wait > 0) setTimeout(run, wait);
    else setImmediate(run);
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
