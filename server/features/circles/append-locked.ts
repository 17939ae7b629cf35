import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { fold, initialState } from '../../../shared/circles/machine.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import {
  type CommittedCircle,
  circleIdsOf,
  closes,
  committedOf,
  decideInOrder,
  type KnownState,
  type Outcome,
  opens,
  type Submission,
  type Working,
} from './batch.ts';
import { closeCircle } from './close.ts';
import { circleEvents, circles } from './schema.ts';
import { type SequencedEvent, storedEventsAfter } from './stored-events.ts';

// The careful way to append, inside a transaction: each circle's row is locked first, so that no
// other process decides for the same circle meanwhile, and a process that is behind (another one
// appended since it last heard) reads the events it missed and decides against the state as it
// is. Closing a circle always goes this way, since it writes more than the log.

async function lockCircles(
  tx: Transaction,
  cipher: FieldCipher,
  circleIds: string[],
  known: KnownState,
): Promise<{ working: Map<string, Working>; programs: Map<string, string> }> {
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
  const programs = new Map<string, string>();
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
    programs.set(circleId, row?.programId ?? '');
    working.set(circleId, { circleId, ended, state, fromSeq: seq, seq, missed, added: [] });
  }
  return { working, programs };
}

export async function appendLocked(
  tx: Transaction,
  cipher: FieldCipher,
  batch: Submission[],
  known: KnownState,
): Promise<{ outcomes: Outcome[]; committed: CommittedCircle[] }> {
  const { working, programs } = await lockCircles(tx, cipher, circleIdsOf(batch), known);
  const now = new Date();
  const outcomes = decideInOrder(working, batch, now.getTime());
  const changed = [...working.values()].filter((circle) => circle.added.length > 0);
  const committed = changed.map((circle) => committedOf(cipher, circle));
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
    if (opens(circle)) {
      await tx
        .update(circles)
        .set({ status: 'live', openedAt: now })
        .where(and(eq(circles.id, circle.circleId), eq(circles.status, 'scheduled')));
    }
    if (closes(circle)) {
      const programId = programs.get(circle.circleId) ?? '';
      await closeCircle(tx, cipher, { ...circle, programId, now });
    }
  }
  return { outcomes, committed };
}
