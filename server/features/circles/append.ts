import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  apply,
  type CircleCommand,
  type CircleEvent,
  type CircleState,
  decide,
  fold,
  initialState,
  type Refusal,
} from '../../../shared/circles/machine.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import { closeCircle } from './close.ts';
import { circleEvents, circles } from './schema.ts';
import {
  type SealedEvent,
  type SequencedEvent,
  sealEvent,
  storedEventsAfter,
} from './stored-events.ts';

// One group commit: the commands of every circle that arrived together, decided and appended in
// one transaction. Each circle's row is locked first, so that two processes never decide for the
// same circle at once; a process that is behind (another one appended since it last heard) reads
// the events it missed inside the lock and decides against the state as it is.

export interface Submission {
  circleId: string;
  /** The participant's id in the circle (their seat), never an account id. */
  actor: string;
  command: CircleCommand;
}

export type Outcome =
  | { kind: 'accepted'; seq: number }
  | { kind: 'refused'; reason: Refusal }
  | { kind: 'unavailable' };

/** What one circle's log became: to fold into the room and to publish to other processes. */
export interface CommittedCircle {
  circleId: string;
  /** Every event after the state the room knew: those read in the lock, then the new ones. */
  events: SequencedEvent[];
  /** The new events, sealed, as they are stored and published. */
  sealed: SealedEvent[];
  closed: boolean;
}

export type KnownState = (circleId: string) => { state: CircleState; seq: number };

interface Working {
  circleId: string;
  programId: string;
  /** The circle can take no command: closed, cancelled, or gone. */
  ended: boolean;
  state: CircleState;
  seq: number;
  missed: SequencedEvent[];
  added: SequencedEvent[];
}

async function lockCircles(
  tx: Transaction,
  cipher: FieldCipher,
  circleIds: string[],
  known: KnownState,
): Promise<Map<string, Working>> {
  // In one order, so that two processes locking overlapping circles never wait on each other.
  const rows = await tx
    .select({
      id: circles.id,
      programId: circles.programId,
      status: circles.status,
      lastSeq: circles.lastSeq,
    })
    .from(circles)
    .where(inArray(circles.id, circleIds))
    .orderBy(asc(circles.id))
    .for('update');
  const working = new Map<string, Working>();
  for (const circleId of circleIds) {
    const row = rows.find((each) => each.id === circleId);
    let { state, seq } = known(circleId);
    let missed: SequencedEvent[] = [];
    const ended = !row || row.status === 'closed' || row.status === 'cancelled';
    if (row && !ended && row.lastSeq !== seq) {
      // Behind (or, should memory ever disagree, ahead): the stored log decides.
      const from = row.lastSeq > seq ? seq : 0;
      missed = await storedEventsAfter(tx, cipher, circleId, from);
      state = fold(
        missed.map((each) => each.event),
        from === 0 ? initialState : state,
      );
      seq = missed.at(-1)?.seq ?? from;
    }
    working.set(circleId, {
      circleId,
      programId: row?.programId ?? '',
      ended,
      state,
      seq,
      missed,
      added: [],
    });
  }
  return working;
}

function decideInOrder(working: Map<string, Working>, batch: Submission[], at: number): Outcome[] {
  return batch.map(({ circleId, actor, command }): Outcome => {
    const circle = working.get(circleId);
    if (!circle || circle.ended) return { kind: 'refused', reason: 'closed' };
    const decision = decide(circle.state, actor, command);
    if ('refusal' in decision) return { kind: 'refused', reason: decision.refusal };
    for (const event of decision.events) {
      const stamped = { ...event, at } as CircleEvent;
      circle.seq += 1;
      circle.state = apply(circle.state, stamped);
      circle.added.push({ seq: circle.seq, event: stamped });
    }
    return { kind: 'accepted', seq: circle.seq };
  });
}

/** Decides and stores one batch; the caller runs it in a transaction and acts once it commits. */
export async function appendBatch(
  tx: Transaction,
  cipher: FieldCipher,
  batch: Submission[],
  known: KnownState,
): Promise<{ outcomes: Outcome[]; committed: CommittedCircle[] }> {
  const circleIds = [...new Set(batch.map((submission) => submission.circleId))].sort();
  const working = await lockCircles(tx, cipher, circleIds, known);
  const now = new Date();
  const outcomes = decideInOrder(working, batch, now.getTime());

  const changed = [...working.values()].filter((circle) => circle.added.length > 0);
  const committed = changed.map((circle) => ({
    circleId: circle.circleId,
    events: [...circle.missed, ...circle.added],
    sealed: circle.added.map((event) => ({
      seq: event.seq,
      body: sealEvent(cipher, circle.circleId, event),
    })),
    closed: circle.state.status === 'closed',
  }));
  const live = committed.filter((circle) => !circle.closed);
  const rows = live.flatMap((circle) =>
    circle.sealed.map((event) => ({ circleId: circle.circleId, ...event })),
  );
  if (rows.length > 0) await tx.insert(circleEvents).values(rows);
  if (live.length > 0) {
    const counters = live.map(
      (circle) => sql`(${circle.circleId}::text, ${circle.sealed.at(-1)?.seq ?? 0}::bigint)`,
    );
    await tx.execute(
      sql`update ${circles} set last_seq = counter.seq
          from (values ${sql.join(counters, sql`, `)}) as counter(id, seq)
          where ${circles.id} = counter.id`,
    );
  }
  for (const circle of changed) {
    if (circle.added.some(({ event }) => event.type === 'opened')) {
      await tx
        .update(circles)
        .set({ status: 'live', openedAt: now })
        .where(and(eq(circles.id, circle.circleId), eq(circles.status, 'scheduled')));
    }
    if (circle.state.status === 'closed') {
      await closeCircle(tx, cipher, { ...circle, now });
    }
  }
  return { outcomes, committed };
}
