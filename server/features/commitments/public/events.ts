import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { commitmentStatuses } from '../../../../shared/commitments/machine.ts';
import type { Database } from '../../../platform/db/connection.ts';
import { commitmentEvents, commitments } from '../schema.ts';
import { publicWords } from './query.ts';

// A commitment's timeline as the public reads it: what happened and when, with the reason or
// evidence given; never who (the `by` column is not even read).

export type PublicEvent = { id: number; commitmentId: string; at: Date } & (
  | { kind: 'created'; dueOn: string }
  | { kind: 'status_changed'; to: (typeof commitmentStatuses)[number]; reason: string }
  | { kind: 'progress_reported'; percent: number }
  | { kind: 'due_date_moved'; dueOn: string; reason: string }
  | { kind: 'completion_verified'; reason: string }
  | { kind: 'evidence_added'; text: string; links: string[] }
);

// The stored `data` of each event type; an event that does not read as its type is left out
// rather than shown half-understood.
const dataOf = {
  created: z.object({ dueOn: z.string() }),
  status_changed: z.object({
    to: z.enum(commitmentStatuses),
    reason: z.string().default(''),
  }),
  progress_reported: z.object({ percent: z.number().int() }),
  due_date_moved: z.object({ dueOn: z.string(), reason: z.string().default('') }),
  completion_verified: z.object({ note: z.string().default('') }),
  evidence_added: z.object({
    text: z.string().default(''),
    links: z.array(z.string()).default([]),
  }),
};

type EventRow = {
  id: number;
  commitmentId: string;
  type: string;
  at: Date;
  data: Record<string, unknown>;
};

export function publicEventOf(row: EventRow): PublicEvent | null {
  const base = { id: row.id, commitmentId: row.commitmentId, at: row.at };
  switch (row.type) {
    case 'created': {
      const data = dataOf.created.safeParse(row.data);
      return data.success ? { ...base, kind: 'created', ...data.data } : null;
    }
    case 'status_changed': {
      const data = dataOf.status_changed.safeParse(row.data);
      return data.success ? { ...base, kind: 'status_changed', ...data.data } : null;
    }
    case 'progress_reported': {
      const data = dataOf.progress_reported.safeParse(row.data);
      return data.success ? { ...base, kind: 'progress_reported', ...data.data } : null;
    }
    case 'due_date_moved': {
      const data = dataOf.due_date_moved.safeParse(row.data);
      return data.success ? { ...base, kind: 'due_date_moved', ...data.data } : null;
    }
    case 'completion_verified': {
      const data = dataOf.completion_verified.safeParse(row.data);
      return data.success ? { ...base, kind: 'completion_verified', reason: data.data.note } : null;
    }
    case 'evidence_added': {
      const data = dataOf.evidence_added.safeParse(row.data);
      return data.success ? { ...base, kind: 'evidence_added', ...data.data } : null;
    }
    default:
      return null;
  }
}

const eventColumns = {
  id: commitmentEvents.id,
  commitmentId: commitmentEvents.commitmentId,
  type: commitmentEvents.type,
  at: commitmentEvents.at,
  data: commitmentEvents.data,
};

/** The timeline of one commitment, oldest first; the caller has checked that it is public. */
export async function timelineOf(db: Database, commitmentId: string): Promise<PublicEvent[]> {
  const rows = await db
    .select(eventColumns)
    .from(commitmentEvents)
    .where(eq(commitmentEvents.commitmentId, commitmentId))
    .orderBy(asc(commitmentEvents.id));
  return rows.flatMap((row) => publicEventOf(row) ?? []);
}

/** One event, read for the subscribers' job. */
export async function eventById(db: Database, eventId: number): Promise<PublicEvent | null> {
  const [row] = await db
    .select(eventColumns)
    .from(commitmentEvents)
    .where(eq(commitmentEvents.id, eventId));
  return row ? publicEventOf(row) : null;
}

export interface FeedItem {
  event: PublicEvent;
  commitmentTitle: string;
}

/** The latest events of the public commitments of the programs, newest first. */
export async function latestPublicEvents(
  db: Database,
  programIds: readonly string[],
  limit: number,
): Promise<FeedItem[]> {
  if (programIds.length === 0) return [];
  const rows = await db
    .select({
      ...eventColumns,
      source: commitments.source,
      title: commitments.title,
      publicTitle: commitments.publicTitle,
    })
    .from(commitmentEvents)
    .innerJoin(commitments, eq(commitments.id, commitmentEvents.commitmentId))
    .where(
      and(eq(commitments.visibility, 'public'), inArray(commitments.programId, [...programIds])),
    )
    .orderBy(desc(commitmentEvents.at), desc(commitmentEvents.id))
    .limit(limit);
  return rows.flatMap((row) => {
    const shown = publicWords({ ...row, description: null, publicDescription: null });
    const event = publicEventOf(row);
    return shown && event ? [{ event, commitmentTitle: shown.title }] : [];
  });
}
