import { asc, eq, inArray } from 'drizzle-orm';
import type { CommitmentTimelineEntry } from '../../../shared/commitments/contract.ts';
import {
  type CommitmentEvent,
  type CommitmentState,
  type CommitmentStatus,
  fold,
} from '../../../shared/commitments/machine.ts';
import { people } from '../../platform/auth/schema.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { verifiedOfficersAmong } from '../organisations/service.ts';
import { commitmentEvents } from './schema.ts';

// A commitment's events as stored (type, at, by, and the rest in `data`) and as the pure rules
// name them: the same events fold to its state and read as its timeline.

type Executor = Database | Transaction;
type EventRow = typeof commitmentEvents.$inferSelect;

export type NewEvent = CommitmentEvent extends infer Event
  ? Event extends CommitmentEvent
    ? Omit<Event, 'at' | 'by'>
    : never
  : never;

export function eventOf(row: EventRow): CommitmentEvent {
  return { ...row.data, type: row.type, at: row.at.toISOString(), by: row.by } as CommitmentEvent;
}

export async function eventRowsOf(db: Executor, commitmentId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(commitmentEvents)
    .where(eq(commitmentEvents.commitmentId, commitmentId))
    .orderBy(asc(commitmentEvents.id));
}

/** The commitment's state as its events make it; they always begin with 'created'. */
export async function stateOf(db: Executor, commitmentId: string): Promise<CommitmentState> {
  const state = fold((await eventRowsOf(db, commitmentId)).map(eventOf));
  if (!state) throw new Error(`commitment ${commitmentId} has no events`);
  return state;
}

/** Appends an event by `by`, now; returns its id (the subscribers' job names it). */
export async function appendEvent(
  tx: Transaction,
  commitmentId: string,
  by: string,
  event: NewEvent,
): Promise<number> {
  const { type, ...data } = event;
  const [row] = await tx
    .insert(commitmentEvents)
    .values({ commitmentId, type, by, data })
    .returning({ id: commitmentEvents.id });
  if (!row) throw new Error('the event was not stored');
  return row.id;
}

/**
 * The timeline, oldest first: each step with who took it (a verified officer marked as one),
 * when `namePeople`; without it, only what happened and when.
 */
export async function timelineOf(
  db: Executor,
  commitmentId: string,
  namePeople: boolean,
): Promise<CommitmentTimelineEntry[]> {
  const rows = await eventRowsOf(db, commitmentId);
  const takers = [...new Set(rows.map((row) => row.by))];
  const officers = namePeople ? await verifiedOfficersAmong(db, takers) : new Set<string>();
  const names = new Map(
    !namePeople || rows.length === 0
      ? []
      : (
          await db
            .select({ id: people.id, name: people.name })
            .from(people)
            .where(inArray(people.id, takers))
        ).map((person) => [person.id, person.name]),
  );
  let status: CommitmentStatus = 'planned';
  return rows.map((row) => {
    const event = eventOf(row);
    const entry = stepOf(event, status);
    if (event.type === 'status_changed') status = event.to;
    return {
      ...entry,
      id: String(row.id),
      at: event.at,
      byName: names.get(row.by) ?? null,
      byOfficer: officers.has(row.by),
    };
  });
}

type Step = Omit<CommitmentTimelineEntry, 'id' | 'at' | 'byName' | 'byOfficer'>;

/** What an event says on the timeline; `status` is the status before it. */
function stepOf(event: CommitmentEvent, status: CommitmentStatus): Step {
  const step: Step = {
    kind: event.type,
    from: null,
    to: null,
    reason: null,
    percent: null,
    dueOn: null,
    evidence: null,
  };
  switch (event.type) {
    case 'created':
      return { ...step, to: 'planned', dueOn: event.dueOn };
    case 'status_changed':
      return { ...step, from: status, to: event.to, reason: event.reason ?? null };
    case 'progress_reported':
      return { ...step, percent: event.percent };
    case 'due_date_moved':
      return { ...step, dueOn: event.dueOn, reason: event.reason };
    case 'completion_verified':
      return { ...step, reason: event.note ?? null };
    case 'evidence_added':
      return { ...step, evidence: { text: event.text, links: event.links } };
  }
}
