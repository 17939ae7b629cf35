import { sql } from 'drizzle-orm';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Database } from '../../platform/db/connection.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { appendLocked } from './append-locked.ts';
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

// One group commit: the commands of every circle that arrived together, decided and appended
// at once. The quick way first: decide against the state this process holds, and store every
// circle's new events and counter in ONE statement, on the condition that each counter is still
// where this process last saw it. A circle whose counter moved (another process appended, or
// its room was not loaded here) is decided again the careful way, under a lock
// (append-locked.ts); so is a circle that closes, and the whole batch should the quick statement
// fail (two processes' statements can deadlock on PostgreSQL, and one is then refused).

export interface AppendResult {
  outcomes: Outcome[];
  committed: CommittedCircle[];
  /** Why the careful way failed, for the commands it left unanswered (`unavailable`). */
  failure?: unknown;
}

/**
 * Stores the circles whose counter is still at `fromSeq`; returns the ids of those stored. The
 * values travel as a few arrays, so the statement is the same whatever the size of the batch.
 */
async function storeIfCurrent(
  db: Database,
  circles: Working[],
  committed: Map<string, CommittedCircle>,
  at: number,
): Promise<Set<string>> {
  const events = circles.flatMap((circle) =>
    (committed.get(circle.circleId)?.sealed ?? []).map((event) => ({ ...event, circle })),
  );
  const param = <T>(values: T[]) => sql.param(values);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with known (id, from_seq, to_seq, opens) as (
        select * from unnest(
          ${param(circles.map((circle) => circle.circleId))}::text[],
          ${param(circles.map((circle) => circle.fromSeq))}::bigint[],
          ${param(circles.map((circle) => circle.seq))}::bigint[],
          ${param(circles.map(opens))}::boolean[]
        )
      ),
      counted as (
        update circles set
          last_seq = known.to_seq,
          status = case when known.opens and circles.status = 'scheduled' then 'live' else circles.status end,
          opened_at = case when known.opens and circles.opened_at is null then ${new Date(at).toISOString()}::timestamptz else circles.opened_at end
        from known
        where circles.id = known.id and circles.last_seq = known.from_seq
          and circles.status in ('scheduled', 'live')
        returning circles.id
      ),
      stored as (
        insert into circle_events (circle_id, seq, body)
        select event.circle_id, event.seq, event.body
        from unnest(
          ${param(events.map((event) => event.circle.circleId))}::text[],
          ${param(events.map((event) => event.seq))}::bigint[],
          ${param(events.map((event) => event.body))}::text[]
        ) as event (circle_id, seq, body)
        join counted on counted.id = event.circle_id
      )
      select id from counted`,
  );
  return new Set(rows.map((row) => row.id));
}

export async function appendBatch(
  db: Database,
  cipher: FieldCipher,
  batch: Submission[],
  known: KnownState,
): Promise<AppendResult> {
  const at = Date.now();
  const working = new Map<string, Working>();
  for (const circleId of circleIdsOf(batch)) {
    const { state, seq } = known(circleId);
    working.set(circleId, {
      circleId,
      ended: false,
      state,
      fromSeq: seq,
      seq,
      missed: [],
      added: [],
    });
  }
  const decided = decideInOrder(working, batch, at);
  const quick = [...working.values()].filter((circle) => !closes(circle));
  const committed = new Map(
    quick
      .filter((circle) => circle.added.length > 0)
      .map((circle) => [circle.circleId, committedOf(cipher, circle)]),
  );
  let current = new Set<string>();
  try {
    if (quick.length > 0) current = await storeIfCurrent(db, quick, committed, at);
  } catch {
    // Nothing was stored: the whole batch goes the careful way.
  }
  const outcomes: Outcome[] = batch.map((submission, index) =>
    current.has(submission.circleId)
      ? (decided[index] ?? { kind: 'unavailable' })
      : { kind: 'unavailable' },
  );
  const result: AppendResult = {
    outcomes,
    committed: [...committed.values()].filter((circle) => current.has(circle.circleId)),
  };
  const rest = batch.flatMap((submission, index) =>
    current.has(submission.circleId) ? [] : [{ submission, index }],
  );
  if (rest.length === 0) return result;
  try {
    const locked = await db.transaction((tx) =>
      appendLocked(
        tx,
        cipher,
        rest.map(({ submission }) => submission),
        known,
      ),
    );
    rest.forEach(({ index }, position) => {
      outcomes[index] = locked.outcomes[position] ?? { kind: 'unavailable' };
    });
    result.committed.push(...locked.committed);
  } catch (error) {
    result.failure = error;
  }
  return result;
}
