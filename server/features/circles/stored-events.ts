import { and, asc, eq, gt } from 'drizzle-orm';
import type { CircleEvent } from '../../../shared/circles/machine.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { circleEvents } from './schema.ts';

// A live circle's log as it is stored: each event sealed with the field cipher under a context
// that names its circle and its place, so a sealed event copied to another row does not open.

/** One event of a circle's log with its sequence number: 1, 2, 3, ... with no gaps. */
export interface SequencedEvent {
  seq: number;
  event: CircleEvent;
}

/** An event as it is stored and as it travels between processes: sealed. */
export interface SealedEvent {
  seq: number;
  body: string;
}

const contextOf = (circleId: string, seq: number) => `circle_event:${circleId}:${seq}`;

export function sealEvent(cipher: FieldCipher, circleId: string, event: SequencedEvent): string {
  return cipher.encrypt(JSON.stringify(event.event), contextOf(circleId, event.seq));
}

export function openEvent(cipher: FieldCipher, circleId: string, sealed: SealedEvent) {
  const event = JSON.parse(cipher.decrypt(sealed.body, contextOf(circleId, sealed.seq)));
  return { seq: sealed.seq, event: event as CircleEvent };
}

/** The stored events of a circle after `afterSeq`, in order. */
export async function storedEventsAfter(
  db: Database | Transaction,
  cipher: FieldCipher,
  circleId: string,
  afterSeq: number,
): Promise<SequencedEvent[]> {
  const rows = await db
    .select({ seq: circleEvents.seq, body: circleEvents.body })
    .from(circleEvents)
    .where(and(eq(circleEvents.circleId, circleId), gt(circleEvents.seq, afterSeq)))
    .orderBy(asc(circleEvents.seq));
  return rows.map((row) => openEvent(cipher, circleId, row));
}
