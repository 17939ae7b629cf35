import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { hasMedia, mediaTopology } from '../../../shared/circles/media.ts';
import type { IceServer } from '../../../shared/circles/protocol.ts';
import type { EventBus } from '../../platform/bus/index.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { RelayCircle } from './relay-circle.ts';
import type { Room } from './room.ts';

// The forwarding unit for circles with more browsers with media than a mesh carries well (see
// docs/decisions/033-forwarding-unit.md). Each browser connects to it once; it sends each one the
// open voices only, in fixed slots, so that nothing is negotiated again when the piece moves. It
// follows the room's state as a client of the room, and forwards a browser's packets only while
// the state opens that browser's microphone: the third lock, which no changed client gets past.

export interface MediaRelayOptions {
  meshLimit: number;
  /** STUN servers, so that the unit learns and offers its public address. */
  iceServers: IceServer[];
  /** The UDP ports to bind, as the operator opened them; otherwise any. */
  portRange?: [number, number] | undefined;
  /**
   * The other processes, when there are several (Redis): each unit publishes the open voices of
   * its own browsers on the bus, sealed with the cipher, and forwards the others' to its browsers.
   */
  processes?: { bus: EventBus; cipher: FieldCipher } | undefined;
  log: Logger;
}

export interface MediaRelay {
  /**
   * Connects a browser to the unit from its offer, and gives the answer (candidates gathered);
   * null when it may not connect: the circle is a mesh, or the person has no media.
   */
  answer(room: Room, participantId: string, offerSdp: string): Promise<string | null>;
  /** Closes every connection: the server is stopping. */
  close(): Promise<void>;
}

/** Whether this participant's browser may connect to the unit in the room's current state. */
export const mayRelay = (room: Room, participantId: string, meshLimit: number): boolean =>
  room.state.status !== 'closed' &&
  mediaTopology(room.state, meshLimit) === 'relay' &&
  hasMedia(room.state, participantId);

export function createMediaRelay(options: MediaRelayOptions): MediaRelay {
  const circles = new Map<string, RelayCircle>();
  const unitId = randomUUID();
  let closed = false;

  function circleFor(room: Room): RelayCircle | null {
    const existing = circles.get(room.circleId);
    if (existing?.room === room) return existing;
    existing?.closeAll();
    const circle = new RelayCircle(room, options, unitId, (gone) => {
      if (circles.get(gone.room.circleId) === gone) circles.delete(gone.room.circleId);
    });
    if (!room.admit(circle)) return null;
    circles.set(room.circleId, circle);
    return circle;
  }

  return {
    async answer(room, participantId, offerSdp) {
      if (closed || !mayRelay(room, participantId, options.meshLimit)) return null;
      const circle = circleFor(room);
      if (!circle) return null;
      const answer = await circle.connect(participantId, offerSdp);
      // The state moved on while the answer was made: it decides again.
      circle.follow();
      return answer;
    },
    async close() {
      closed = true;
      for (const circle of [...circles.values()]) circle.closeAll();
    },
  };
}
