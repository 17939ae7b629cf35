import type { Logger } from 'pino';
import {
  apply,
  type CircleEvent,
  type CircleState,
  initialState,
  participantOf,
} from '../../../shared/circles/machine.ts';
import type { FrameProblem, ServerFrame } from '../../../shared/circles/protocol.ts';
import { eventFor, type Viewer, viewFor } from '../../../shared/circles/view.ts';
import type { SequencedEvent } from './stored-events.ts';

// A circle as one process holds it while someone here is connected: the state folded from its
// log, the last events (to resume a client from), and the clients. Events reach it in order,
// from this process's commits and from other processes over the bus; a gap in the numbers means
// something was missed, and the room reads it from the database before going on.

/** A server frame as JSON text, or as its UTF-8 bytes when it goes to many clients. */
export type Frame = string | Buffer;

/** A client further behind than this gets a snapshot instead of every event it missed. */
export const RESUME_WINDOW = 500;

export interface RoomClient {
  readonly participantId: string;
  /** A keeper by their seat: they are shown what only keepers see (shared/circles/view.ts). */
  readonly keeper: boolean;
  /** Sends one text frame, already encoded: the room encodes each event once for all. */
  deliver(frame: Frame): void;
  /** Ends the connection with a problem: the circle closed, or the participant was removed. */
  dismiss(problem: FrameProblem, detail: string): void;
}

/** An event as the room sends it: one encoding for everyone, and the stand-in for those it is kept from. */
interface Delivered {
  seq: number;
  event: CircleEvent;
  frame: Frame;
  keptFrame?: Frame;
}

const serialise = (seq: number, event: CircleEvent) =>
  Buffer.from(JSON.stringify({ kind: 'event', seq, event } satisfies ServerFrame));

const viewerOf = (client: RoomClient): Viewer => ({
  id: client.participantId,
  keeper: client.keeper,
});

function frameFor(delivered: Delivered, client: RoomClient): Frame {
  const seen = eventFor(delivered.event, viewerOf(client));
  if (seen === delivered.event) return delivered.frame;
  delivered.keptFrame ??= serialise(delivered.seq, seen);
  return delivered.keptFrame;
}

export interface RoomDependencies {
  /** The stored events after `seq`, or 'closed' when the circle closed meanwhile. */
  loadAfter(seq: number): Promise<SequencedEvent[] | 'closed'>;
  /** Someone has been away longer than the grace: they have left. */
  leave(participantId: string): void;
  leaveAfterMs: number;
  /** No one is connected here and no departure is pending: the room may be let go. */
  idle(room: Room): void;
  log: Logger;
}

export class Room {
  readonly circleId: string;
  state: CircleState = initialState;
  seq = 0;
  /** Set once the room is let go; a client arriving late enters a fresh one. */
  gone = false;
  private readonly recent: Delivered[] = [];
  private readonly clients = new Set<RoomClient>();
  private readonly leaving = new Map<string, NodeJS.Timeout>();
  private catchingUp = false;
  private held: SequencedEvent[] = [];
  private readonly dependencies: RoomDependencies;

  constructor(circleId: string, stored: readonly SequencedEvent[], dependencies: RoomDependencies) {
    this.circleId = circleId;
    this.dependencies = dependencies;
    this.advance(stored);
    // Whoever was in the circle when it was last held (or when a process died) has the same
    // grace to come back as someone whose connection just dropped.
    for (const participant of this.state.participants) {
      if (participant.present) this.awaitReturn(participant.id);
    }
  }

  /** Sends a frame to one participant's connections here; false when none is here. */
  deliverTo(participantId: string, frame: Frame): boolean {
    let found = false;
    for (const client of this.clients) {
      if (client.participantId !== participantId) continue;
      client.deliver(frame);
      found = true;
    }
    return found;
  }

  /** Sends a frame to every connection here but those of one participant (its sender). */
  deliverToOthers(participantId: string, frame: Frame): void {
    for (const client of this.clients) {
      if (client.participantId !== participantId) client.deliver(frame);
    }
  }

  /** Folds events in order and delivers them to every client here; a gap is read from the database. */
  advance(events: readonly SequencedEvent[], fillGaps = true): void {
    if (this.catchingUp) {
      this.held.push(...events);
      return;
    }
    for (const [index, each] of events.entries()) {
      if (this.gone) return;
      if (each.seq <= this.seq) continue;
      if (each.seq > this.seq + 1) {
        if (fillGaps) this.catchUp(events.slice(index));
        else this.dependencies.log.warn({ circleId: this.circleId }, 'circle events out of reach');
        return;
      }
      this.take(each);
    }
  }

  /** What a client that has folded up to `lastSeq` needs next: the events since, or a snapshot. */
  resumeFrom(lastSeq: number | null, client: RoomClient): Frame[] {
    const oldest = this.recent[0]?.seq ?? this.seq + 1;
    const behind = lastSeq === null ? Number.POSITIVE_INFINITY : this.seq - lastSeq;
    if (lastSeq !== null && behind >= 0 && behind <= RESUME_WINDOW && lastSeq + 1 >= oldest) {
      return this.recent.filter((each) => each.seq > lastSeq).map((each) => frameFor(each, client));
    }
    const state = viewFor(this.state, viewerOf(client));
    const snapshot: ServerFrame = { kind: 'snapshot', seq: this.seq, state };
    return [JSON.stringify(snapshot)];
  }

  /** Adds a client; false when the room was let go meanwhile. */
  admit(client: RoomClient): boolean {
    if (this.gone) return false;
    this.clients.add(client);
    this.stopWaitingFor([client.participantId]);
    return true;
  }

  release(client: RoomClient): void {
    if (!this.clients.delete(client)) return;
    const participant = participantOf(this.state, client.participantId);
    if (participant?.present && !this.isHere(participant.id)) this.awaitReturn(participant.id);
    this.releaseIfIdle();
  }

  /** Another process has these participants connected: they have not left. */
  stopWaitingFor(participantIds: readonly string[]): void {
    for (const participantId of participantIds) {
      clearTimeout(this.leaving.get(participantId));
      this.leaving.delete(participantId);
    }
  }

  /** Who is connected to this process. */
  presentHere(): string[] {
    return [...new Set([...this.clients].map((client) => client.participantId))];
  }

  /** Lets the room go without a word to anyone: the process is stopping. */
  dispose(): void {
    this.gone = true;
    this.stopWaitingFor([...this.leaving.keys()]);
  }

  private isHere(participantId: string): boolean {
    return [...this.clients].some((client) => client.participantId === participantId);
  }

  private take({ seq, event }: SequencedEvent): void {
    this.state = apply(this.state, event);
    this.seq = seq;
    const delivered: Delivered = { seq, event, frame: serialise(seq, event) };
    this.recent.push(delivered);
    if (this.recent.length >= 2 * RESUME_WINDOW) this.recent.splice(0, RESUME_WINDOW);
    for (const client of this.clients) client.deliver(frameFor(delivered, client));
    if (event.type === 'left' || event.type === 'removed') {
      this.stopWaitingFor([event.participantId]);
    }
    if (event.type === 'removed') {
      for (const client of this.clients) {
        if (client.participantId !== event.participantId) continue;
        this.clients.delete(client);
        client.dismiss('not_allowed', 'A keeper asked you to leave this circle.');
      }
    }
    if (event.type === 'closed') this.end();
  }

  private end(): void {
    this.dispose();
    for (const client of this.clients) client.dismiss('circle_closed', 'The circle has closed.');
    this.clients.clear();
    this.dependencies.idle(this);
  }

  private catchUp(pending: readonly SequencedEvent[]): void {
    this.catchingUp = true;
    this.held.push(...pending);
    const settle = (loaded: SequencedEvent[] | 'closed') => {
      this.catchingUp = false;
      const held = this.held.sort((a, b) => a.seq - b.seq);
      this.held = [];
      if (loaded === 'closed') this.end();
      else this.advance([...loaded, ...held], false);
    };
    this.dependencies.loadAfter(this.seq).then(settle, (error: unknown) => {
      this.dependencies.log.warn({ err: error, circleId: this.circleId }, 'circle catch-up failed');
      settle([]);
    });
  }

  private awaitReturn(participantId: string): void {
    if (this.leaving.has(participantId) || this.gone) return;
    const timer = setTimeout(() => {
      this.leaving.delete(participantId);
      if (!this.isHere(participantId)) this.dependencies.leave(participantId);
      this.releaseIfIdle();
    }, this.dependencies.leaveAfterMs);
    timer.unref();
    this.leaving.set(participantId, timer);
  }

  private releaseIfIdle(): void {
    if (this.gone || this.catchingUp || this.clients.size > 0 || this.leaving.size > 0) return;
    this.gone = true;
    this.dependencies.idle(this);
  }
}
