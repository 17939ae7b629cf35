import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { type CircleCommand, participantOf } from '../../../shared/circles/machine.ts';
import { mayConnectMedia, openMicrophones, RELAY_PEER } from '../../../shared/circles/media.ts';
import {
  type ClientFrame,
  type FrameProblem,
  type IceServer,
  type MediaSignal,
  readClientFrame,
  type ServerFrame,
} from '../../../shared/circles/protocol.ts';
import type { Database } from '../../platform/db/connection.ts';
import { NEEDS_CONSENT, youthStanding } from '../youth/join.ts';
import type { Outcome, Submission } from './batch.ts';
import { type MediaRelay, mayRelay } from './media-relay.ts';
import type { Frame, Room, RoomClient } from './room.ts';
import type { Rooms } from './rooms.ts';
import { findSeat, type Seat } from './seats.ts';

// One person's connection to one circle. Every frame is read with the shared protocol; a frame
// that is malformed, too fast or out of place gets a problem frame on this connection only, and
// nothing else happens. Commands go to the group commit; their answer comes once it is stored.

/** A person sends far fewer frames than this; a burst allows a reconnect's acknowledgements. */
const FRAMES_PER_SECOND = 50;
const FRAME_BURST = 100;
/** A client this far behind on reading is cut off; it resumes from its last event. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** How often a connection's session is checked again, so a signed-out person is let go. */
const SESSION_RECHECK_MS = 5 * 60_000;
/**
 * How long after a speaker's last caption from an open microphone a finished line of theirs is
 * still taken: a browser settles the last words a second or two after they were said.
 */
export const CAPTION_SETTLE_MS = 3_000;

export interface ConnectionDependencies {
  db: Database;
  rooms: Rooms;
  submit(submission: Submission): Promise<Outcome>;
  /** The person whose session opened the connection, or null once it has ended. */
  whoIs(): Promise<{ personId: string } | null>;
  heartbeatMs: number;
  /** The STUN and TURN servers this participant's browser may use for voice and video. */
  iceServers(participantId: string): IceServer[];
  /** Past this many browsers with media, a circle's voices go through the forwarding unit. */
  mediaMeshLimit: number;
  /** The forwarding unit, which answers the offers sent to `RELAY_PEER`. */
  mediaRelay: MediaRelay;
  log: Logger;
}

const textOf = (data: WebSocket.RawData) =>
  Buffer.isBuffer(data)
    ? data.toString('utf8')
    : Array.isArray(data)
      ? Buffer.concat(data).toString('utf8')
      : Buffer.from(data).toString('utf8');

export class LiveConnection implements RoomClient {
  participantId = '';
  keeper = false;
  private readonly socket: WebSocket;
  private readonly dependencies: ConnectionDependencies;
  private personId: string | null = null;
  private circleId = '';
  private seat: Seat | null = null;
  /** A young person under 18: their join says so, and no private word reaches one keeper. */
  private minor = false;
  private room: Room | null = null;
  /** When this person last sent a caption with their microphone open (see CAPTION_SETTLE_MS). */
  private lastOpenCaptionAt: number | null = null;
  private lastAck = 0;
  private chain: Promise<void>;
  private ended = false;
  private tokens = FRAME_BURST;
  private refilledAt = Date.now();
  private awaitingPong = false;
  private missedPongs = 0;
  private sessionCheckedAt = Date.now();
  /** Commands submitted and not yet answered. */
  private inFlight = 0;
  private farewell: (() => void) | null = null;
  private holding = false;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(socket: WebSocket, dependencies: ConnectionDependencies) {
    this.socket = socket;
    this.dependencies = dependencies;
    // Listeners first: frames that arrive while the session is read wait in the chain.
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('close', () => this.closed());
    this.chain = this.authenticate();
    this.heartbeat = setInterval(() => this.beat(), dependencies.heartbeatMs);
  }

  deliver(frame: Frame): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.dependencies.log.info({ circleId: this.circleId }, 'a slow circle client was cut off');
      this.socket.terminate();
      return;
    }
    this.holdUntilNextTick();
    this.socket.send(frame, { binary: false });
  }

  /** Frames sent in one turn of the event loop (a commit's events, its answer) leave in one write. */
  private holdUntilNextTick(): void {
    if (this.holding) return;
    // ws keeps its TCP socket private; corking it only groups writes, as ws does itself.
    const tcp = (this.socket as unknown as { _socket?: Socket | null })._socket;
    if (!tcp) return;
    this.holding = true;
    tcp.cork();
    setImmediate(() => {
      this.holding = false;
      tcp.uncork();
    });
  }

  dismiss(problem: FrameProblem, detail: string): void {
    if (this.ended) return;
    this.ended = true;
    this.farewell = () => {
      this.farewell = null;
      this.send({ kind: 'problem', problem, detail });
      this.socket.close(problem === 'circle_closed' ? 1000 : 1008, problem);
    };
    // The command that closed the circle (or any other in flight) is answered first.
    if (this.inFlight === 0) this.farewell();
  }

  private send(frame: ServerFrame): void {
    this.deliver(JSON.stringify(frame));
  }

  private problem(problem: FrameProblem, detail: string, requestId?: string): void {
    this.send({ kind: 'problem', problem, detail, ...(requestId ? { requestId } : {}) });
  }

  private async authenticate(): Promise<void> {
    try {
      const person = await this.dependencies.whoIs();
      if (person) this.personId = person.personId;
      else this.dismiss('expired', 'Sign in again to take part in the circle.');
    } catch (error) {
      this.dependencies.log.error({ err: error }, 'a circle connection could not be signed in');
      this.dismiss('unavailable', 'The circle cannot be reached just now; try again.');
    }
  }

  private receive(data: WebSocket.RawData, isBinary: boolean): void {
    if (this.ended) return;
    this.awaitingPong = false;
    this.missedPongs = 0;
    if (!this.takeToken()) return;
    const raw = isBinary ? null : textOf(data);
    this.chain = this.chain
      .then(() => this.handle(raw))
      .catch((error: unknown) => {
        this.dependencies.log.error({ err: error }, 'a circle frame could not be handled');
        this.problem('unavailable', 'That could not be done just now; send it again.');
      });
  }

  private takeToken(): boolean {
    const now = Date.now();
    const refill = ((now - this.refilledAt) / 1000) * FRAMES_PER_SECOND;
    this.tokens = Math.min(FRAME_BURST, this.tokens + refill) - 1;
    this.refilledAt = now;
    if (this.tokens >= 0) return true;
    if (this.tokens < -FRAME_BURST) {
      this.dismiss('too_many', 'Too many frames: the connection was closed.');
    } else {
      this.problem(
        'too_many',
        `At most ${FRAMES_PER_SECOND} frames a second; this one was dropped.`,
      );
    }
    return false;
  }

  private async handle(raw: string | null): Promise<void> {
    if (this.ended || this.personId === null) return;
    if (raw === null) return this.problem('bad_frame', 'A frame is JSON text, not binary.');
    const read = readClientFrame(raw);
    if ('problem' in read) return this.problem(read.problem, read.detail);
    const frame = read.frame;
    switch (frame.kind) {
      case 'hello':
        return this.hello(frame, this.personId);
      case 'command':
        return this.command(frame);
      case 'ack':
        if (!this.room) return this.problem('hello_first', 'Say hello to a circle first.');
        if (frame.seq > this.room.seq) {
          return this.problem('bad_frame', `ack: event ${frame.seq} has not been sent yet.`);
        }
        this.lastAck = Math.max(this.lastAck, frame.seq);
        return;
      case 'pong':
        return;
      case 'signal':
        return this.signal(frame);
      case 'caption':
        return this.caption(frame);
    }
  }

  /**
   * A line of the speaker's words for everyone else in the room, from an open microphone only.
   * Passed on and forgotten: it is not an event, so it is neither stored nor logged.
   */
  private caption(frame: Extract<ClientFrame, { kind: 'caption' }>): void {
    const { room, seat } = this;
    if (!room || !seat) {
      this.problem('hello_first', 'Say hello to a circle first.');
      return;
    }
    const now = Date.now();
    const open = openMicrophones(room.state).includes(seat.participantId);
    // The browser settles the last words a moment after they were said, often after the piece
    // has moved on: a finished line shortly after this person's last caption still goes.
    const settling =
      frame.final &&
      this.lastOpenCaptionAt !== null &&
      now - this.lastOpenCaptionAt <= CAPTION_SETTLE_MS;
    if (!open && !settling) {
      this.problem(
        'not_speaking',
        'Captions come from an open microphone: the holder’s, or a keeper guiding aloud.',
      );
      return;
    }
    if (open) this.lastOpenCaptionAt = now;
    this.dependencies.rooms.caption(this.circleId, {
      kind: 'caption',
      from: seat.participantId,
      text: frame.text,
      final: frame.final,
    });
  }

  /** A browser's offer or answer of voice and video, passed to the one browser it is for. */
  private signal(frame: Extract<ClientFrame, { kind: 'signal' }>): void {
    const { room, seat } = this;
    if (!room || !seat) {
      this.problem('hello_first', 'Say hello to a circle first.');
      return;
    }
    if (frame.to === RELAY_PEER) {
      this.offerToRelay(room, seat.participantId, frame.signal);
      return;
    }
    if (!mayConnectMedia(room.state, seat.participantId, frame.to)) {
      this.problem(
        'not_reachable',
        'Voice and video connect two people who are both in the circle with a microphone.',
      );
      return;
    }
    this.dependencies.rooms.relay(this.circleId, frame.to, {
      kind: 'signal',
      from: seat.participantId,
      signal: frame.signal,
    });
  }

  /** An offer to the forwarding unit, answered on this connection once candidates are in. */
  private offerToRelay(room: Room, participantId: string, signal: MediaSignal): void {
    const { mediaRelay, mediaMeshLimit } = this.dependencies;
    // The unit never offers, so it takes offers only, and only while the circle is relayed.
    if (signal.type !== 'offer' || !mayRelay(room, participantId, mediaMeshLimit)) {
      this.problem(
        'not_reachable',
        'The forwarding unit takes offers from people in a large circle with a microphone.',
      );
      return;
    }
    void mediaRelay.answer(room, participantId, signal.sdp).then(
      (sdp) => {
        if (sdp === null) {
          this.problem('not_reachable', 'The forwarding unit could not take that offer.');
        } else {
          this.send({ kind: 'signal', from: RELAY_PEER, signal: { type: 'answer', sdp } });
        }
      },
      (error: unknown) => {
        this.dependencies.log.warn({ err: error }, 'the forwarding unit could not answer');
        this.problem('unavailable', 'Voice could not be connected just now; try again.');
      },
    );
  }

  private async hello(frame: Extract<ClientFrame, { kind: 'hello' }>, personId: string) {
    if (this.room) {
      return this.problem('bad_frame', 'This connection is in a circle already.');
    }
    const found = await findSeat(this.dependencies.db, frame.circleId, personId);
    if (found.kind === 'unknown_circle') {
      return this.problem('unknown_circle', 'There is no such circle.');
    }
    if (found.kind === 'not_seated') {
      return this.problem('not_allowed', 'Join this circle from its page first.');
    }
    if (found.circleStatus === 'closed' || found.circleStatus === 'cancelled') {
      return this.problem('circle_closed', `The circle is ${found.circleStatus}.`);
    }
    const { seat } = found;
    // A young person whose guardian withdrew is out at once, even with a seat taken before.
    const standing = await youthStanding(this.dependencies.db, seat.programId, personId);
    if (this.ended) return;
    if (!standing.mayTakePart) return this.problem('not_allowed', NEEDS_CONSENT);
    this.minor = standing.minor;
    for (;;) {
      const room = await this.dependencies.rooms.enter(frame.circleId);
      if (this.ended) return;
      if (!room) return this.problem('circle_closed', 'The circle has closed.');
      if (participantOf(room.state, seat.participantId)?.removed) {
        return this.problem('not_allowed', 'A keeper asked you to leave this circle.');
      }
      this.participantId = seat.participantId;
      this.keeper = seat.role === 'keeper' || seat.role === 'co_keeper';
      // From admission to the last resumed event nothing awaits, so no event falls between.
      if (!room.admit(this)) continue;
      this.room = room;
      this.seat = seat;
      this.circleId = frame.circleId;
      this.send({
        kind: 'welcome',
        circleId: frame.circleId,
        you: seat.participantId,
        seq: room.seq,
        iceServers: this.dependencies.iceServers(seat.participantId),
        mediaMeshLimit: this.dependencies.mediaMeshLimit,
      });
      for (const resumed of room.resumeFrom(frame.lastSeq, this)) this.deliver(resumed);
      this.dependencies.rooms.announce(frame.circleId, seat.participantId);
      return;
    }
  }

  private command(frame: Extract<ClientFrame, { kind: 'command' }>): void {
    const { room, seat } = this;
    const { requestId } = frame;
    if (!room || !seat) {
      this.problem('hello_first', 'Say hello to a circle first.', requestId);
      return;
    }
    // The name, role and place are the seat's, agreed before joining; never what the client says.
    const command: CircleCommand =
      frame.command.type === 'join'
        ? {
            type: 'join',
            name: seat.displayName,
            role: seat.role,
            ...(seat.place === null ? {} : { place: seat.place }),
            ...(this.minor ? { minor: true as const } : {}),
          }
        : frame.command;
    this.inFlight += 1;
    void this.dependencies
      .submit({ circleId: this.circleId, actor: seat.participantId, command })
      .then((outcome) => {
        this.inFlight -= 1;
        if (outcome.kind === 'accepted') {
          this.send({ kind: 'accepted', requestId, seq: outcome.seq });
        } else if (outcome.kind === 'refused') {
          this.send({ kind: 'refused', requestId, reason: outcome.reason });
        } else {
          this.problem('unavailable', 'That was not stored; send it again.', requestId);
        }
        if (this.inFlight === 0) this.farewell?.();
      });
  }

  /** The session still holds, and a young person's consent too, or the connection ends. */
  private async recheck(): Promise<void> {
    const person = await this.dependencies.whoIs();
    if (!person) {
      this.dismiss('expired', 'Your session has ended. Sign in again.');
      return;
    }
    // A young person whose guardian withdrew since they came in is let go too.
    if (!this.minor || !this.seat) return;
    const standing = await youthStanding(
      this.dependencies.db,
      this.seat.programId,
      person.personId,
    );
    if (!standing.mayTakePart) this.dismiss('not_allowed', NEEDS_CONSENT);
  }

  private beat(): void {
    if (this.ended) return;
    if (this.awaitingPong) {
      this.missedPongs += 1;
      if (this.missedPongs >= 2) {
        this.socket.terminate();
        return;
      }
    }
    this.send({ kind: 'ping' });
    this.awaitingPong = true;
    if (Date.now() - this.sessionCheckedAt > SESSION_RECHECK_MS) {
      this.sessionCheckedAt = Date.now();
      void this.recheck().catch(() => {
        // The database is away: the session is checked again at the next beat.
        this.sessionCheckedAt = 0;
      });
    }
  }

  private closed(): void {
    this.ended = true;
    clearInterval(this.heartbeat);
    this.room?.release(this);
    this.dependencies.log.debug(
      { circleId: this.circleId, participantId: this.participantId, acknowledged: this.lastAck },
      'circle connection closed',
    );
  }
}
