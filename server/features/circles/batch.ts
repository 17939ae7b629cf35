import {
  apply,
  type CircleCommand,
  type CircleEvent,
  type CircleState,
  decide,
  type Refusal,
} from '../../../shared/circles/machine.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { type SealedEvent, type SequencedEvent, sealEvent } from './stored-events.ts';

// What one group commit works on: the commands that arrived together, each circle's state as it
// stood before them, and what deciding them in order made of each circle.

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
  /** Every event after the state the room knew: any read from the database, then the new ones. */
  events: SequencedEvent[];
  /** The new events, sealed, as they are stored and published. */
  sealed: SealedEvent[];
  closed: boolean;
}

export type KnownState = (circleId: string) => { state: CircleState; seq: number };

/** One circle during a group commit. */
export interface Working {
  circleId: string;
  /** The circle can take no command: closed, cancelled, or gone. */
  ended: boolean;
  state: CircleState;
  /** The sequence number the batch starts from, and the one it has reached. */
  fromSeq: number;
  seq: number;
  /** Events another process appended, read from the database before deciding. */
  missed: SequencedEvent[];
  added: SequencedEvent[];
}

export const circleIdsOf = (batch: readonly Submission[]) =>
  [...new Set(batch.map((submission) => submission.circleId))].sort();

/** Decides every command in the order it came, each against the state the ones before left. */
export function decideInOrder(
  working: Map<string, Working>,
  batch: readonly Submission[],
  at: number,
): Outcome[] {
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

export const closes = (circle: Working) => circle.state.status === 'closed';
export const opens = (circle: Working) => circle.added.some(({ event }) => event.type === 'opened');

export function committedOf(cipher: FieldCipher, circle: Working): CommittedCircle {
  return {
    circleId: circle.circleId,
    events: [...circle.missed, ...circle.added],
    sealed: circle.added.map((event) => ({
      seq: event.seq,
      body: sealEvent(cipher, circle.circleId, event),
    })),
    closed: closes(circle),
  };
}
