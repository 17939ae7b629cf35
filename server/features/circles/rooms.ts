import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import { z } from 'zod';
import { initialState } from '../../../shared/circles/machine.ts';
import { mediaSignal, type ServerFrame } from '../../../shared/circles/protocol.ts';
import type { EventBus } from '../../platform/bus/index.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Database } from '../../platform/db/connection.ts';
import type { CommittedCircle, KnownState } from './batch.ts';
import { Room } from './room.ts';
import { circles } from './schema.ts';
import { openEvent, type SequencedEvent, storedEventsAfter } from './stored-events.ts';

// The rooms this process holds, one per circle that someone here is connected to, each
// subscribed to its circle's channel on the bus. Other processes publish there what they
// committed (sealed, as it is stored) and who is connected to them, so that a participant who
// moved to another process is not taken for gone.

const channelOf = (circleId: string) => `circle:${circleId}`;
const captionContext = (circleId: string) => `circle_caption:${circleId}`;
const captionFrame = z.object({
  kind: z.literal('caption'),
  from: z.string(),
  text: z.string(),
  final: z.boolean(),
});

const roomMessage = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('events'),
    from: z.string(),
    events: z.array(z.object({ seq: z.number().int().positive(), body: z.string() })),
  }),
  z.object({ kind: z.literal('present'), from: z.string(), participantIds: z.array(z.string()) }),
  z.object({ kind: z.literal('who_is_here'), from: z.string() }),
  /** A browser's media offer or answer for a participant connected to another process. */
  z.object({
    kind: z.literal('signal'),
    from: z.string(),
    to: z.string(),
    frame: z.object({ kind: z.literal('signal'), from: z.string(), signal: mediaSignal }),
  }),
  /** A speaker's caption for everyone in the circle, sealed: it is confidential speech. */
  z.object({ kind: z.literal('caption'), from: z.string(), sealed: z.string() }),
]);
type RoomMessage = z.infer<typeof roomMessage>;
type Outgoing = RoomMessage extends infer Message
  ? Message extends RoomMessage
    ? Omit<Message, 'from'>
    : never
  : never;

export interface Rooms {
  /** The circle's room, loaded on first use; null when the circle has closed. */
  enter(circleId: string): Promise<Room | null>;
  /** The state this process knows of a circle: where the group commit starts deciding from. */
  known: KnownState;
  /** Folds committed events into their rooms and publishes them to other processes. */
  committed(circles: CommittedCircle[]): Promise<void>;
  /** Passes a media signal to a participant, here or on the process they are connected to. */
  relay(circleId: string, to: string, frame: Extract<ServerFrame, { kind: 'signal' }>): void;
  /** Passes a speaker's caption to everyone else in the circle, on every process; never kept. */
  caption(circleId: string, frame: Extract<ServerFrame, { kind: 'caption' }>): void;
  /** Tells other processes that this participant is connected here. */
  announce(circleId: string, participantId: string): void;
  close(): Promise<void>;
}

export interface RoomsDependencies {
  db: Database;
  cipher: FieldCipher;
  bus: EventBus;
  log: Logger;
  leaveAfterMs: number;
  leave(circleId: string, participantId: string): void;
}

interface Entry {
  ready: Promise<Room | null>;
  room?: Room;
  /** Events committed or heard before the room had loaded. */
  early: SequencedEvent[];
  unsubscribe(): Promise<void>;
}

export function createRooms(dependencies: RoomsDependencies): Rooms {
  const { db, cipher, bus, log } = dependencies;
  const processId = randomUUID();
  const entries = new Map<string, Entry>();

  const publish = (circleId: string, message: Outgoing) =>
    bus.publish(channelOf(circleId), { ...message, from: processId }).catch((error: unknown) => {
      log.warn({ err: error, circleId }, 'could not publish to the circle channel');
    });

  async function loadAfter(circleId: string, seq: number) {
    const [circle] = await db
      .select({ status: circles.status })
      .from(circles)
      .where(eq(circles.id, circleId));
    if (!circle || circle.status === 'closed' || circle.status === 'cancelled') return 'closed';
    return storedEventsAfter(db, cipher, circleId, seq);
  }

  function hear(circleId: string, entry: Entry, raw: unknown): void {
    // This process's own messages come back on the bus: what they say is known here already.
    if ((raw as { from?: unknown } | null)?.from === processId) return;
    const parsed = roomMessage.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.kind === 'events') {
      const events = message.events.map((sealed) => openEvent(cipher, circleId, sealed));
      if (entry.room) entry.room.advance(events);
      else entry.early.push(...events);
    } else if (message.kind === 'signal') {
      entry.room?.deliverTo(message.to, JSON.stringify(message.frame));
    } else if (message.kind === 'caption') {
      if (!entry.room) return;
      const opened = captionFrame.safeParse(
        JSON.parse(cipher.decrypt(message.sealed, captionContext(circleId))),
      );
      if (opened.success) entry.room.deliverToOthers(opened.data.from, JSON.stringify(opened.data));
    } else if (message.kind === 'present') {
      entry.room?.stopWaitingFor(message.participantIds);
    } else {
      const participantIds = entry.room?.presentHere() ?? [];
      if (participantIds.length > 0) void publish(circleId, { kind: 'present', participantIds });
    }
  }

  function letGo(circleId: string, room: Room): void {
    const entry = entries.get(circleId);
    if (entry?.room !== room) return;
    entries.delete(circleId);
    void entry.unsubscribe();
  }

  async function load(circleId: string, entry: Entry): Promise<Room | null> {
    entry.unsubscribe = await bus.subscribe(channelOf(circleId), (message) =>
      hear(circleId, entry, message),
    );
    const stored = await loadAfter(circleId, 0);
    if (stored === 'closed') {
      entries.delete(circleId);
      await entry.unsubscribe();
      return null;
    }
    const room = new Room(circleId, stored, {
      loadAfter: (seq) => loadAfter(circleId, seq),
      leave: (participantId) => dependencies.leave(circleId, participantId),
      leaveAfterMs: dependencies.leaveAfterMs,
      idle: (idle) => letGo(circleId, idle),
      log,
    });
    room.advance(entry.early.sort((a, b) => a.seq - b.seq));
    entry.early = [];
    entry.room = room;
    // Processes that have people of this circle connected say so, so no one is taken for gone.
    void publish(circleId, { kind: 'who_is_here' });
    return room;
  }

  async function enter(circleId: string): Promise<Room | null> {
    const existing = entries.get(circleId);
    if (existing && !existing.room?.gone) return existing.ready;
    const entry: Entry = { ready: Promise.resolve(null), early: [], unsubscribe: async () => {} };
    entries.set(circleId, entry);
    entry.ready = load(circleId, entry).catch(async (error: unknown) => {
      if (entries.get(circleId) === entry) entries.delete(circleId);
      await entry.unsubscribe();
      throw error;
    });
    return entry.ready;
  }

  return {
    enter,
    known(circleId) {
      const room = entries.get(circleId)?.room;
      return room && !room.gone
        ? { state: room.state, seq: room.seq }
        : { state: initialState, seq: 0 };
    },
    async committed(committed) {
      const publishing: Promise<void>[] = [];
      for (const circle of committed) {
        const entry = entries.get(circle.circleId);
        if (entry?.room) entry.room.advance(circle.events);
        else entry?.early.push(...circle.events);
        publishing.push(publish(circle.circleId, { kind: 'events', events: circle.sealed }));
      }
      await Promise.all(publishing);
    },
    relay(circleId, to, frame) {
      const room = entries.get(circleId)?.room;
      if (room?.deliverTo(to, JSON.stringify(frame))) return;
      void publish(circleId, { kind: 'signal', to, frame });
    },
    caption(circleId, frame) {
      const encoded = JSON.stringify(frame);
      entries.get(circleId)?.room?.deliverToOthers(frame.from, encoded);
      // Redis sees captions pass as it sees events: sealed, so no speech lies about in clear.
      const sealed = cipher.encrypt(encoded, captionContext(circleId));
      void publish(circleId, { kind: 'caption', sealed });
    },
    announce(circleId, participantId) {
      void publish(circleId, { kind: 'present', participantIds: [participantId] });
    },
    async close() {
      const closing = [...entries.values()];
      entries.clear();
      for (const entry of closing) entry.room?.dispose();
      await Promise.all(closing.map((entry) => entry.unsubscribe().catch(() => {})));
    },
  };
}
