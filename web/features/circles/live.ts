import {
  apply,
  type CircleCommand,
  type CircleEvent,
  type CircleState,
  initialState,
  type Refusal,
} from '../../../shared/circles/machine.ts';
import { DEFAULT_MEDIA_MESH_LIMIT } from '../../../shared/circles/media.ts';
import {
  type ClientFrame,
  type FrameProblem,
  HEARTBEAT_MS,
  type IceServer,
  type MediaSignal,
  type ServerFrame,
} from '../../../shared/circles/protocol.ts';
import {
  newId,
  OPEN,
  readServerFrame,
  type SocketLike,
  sameOriginUrl,
  type Timers,
} from './live-transport.ts';

// The room's connection to its circle: one WebSocket, the circle's log folded with the same
// `apply` as the server's, acknowledged as it is folded, and resumed from the last sequence
// number after a dropped connection (or replaced by a snapshot when the server says so). The
// page reads it as an external store (subscribe / getSnapshot) and sends commands with `send`,
// which answers with what became of each one.

/**
 * connecting: the first connection; live: welcomed and in step; reconnecting: the connection
 * dropped and the client is trying again (the state shown is what was folded so far); ended: the
 * server will not have this client in this circle (see `problem`), or the page stopped it.
 */
export type Connection = 'connecting' | 'live' | 'reconnecting' | 'ended';

export interface LiveView {
  connection: Connection;
  state: CircleState;
  /** The last sequence number folded; null before the first. */
  seq: number | null;
  /** This client's participant id in the circle, from the server's welcome. */
  you: string | null;
  /** Why the server ended this client's connection, for good. */
  problem: FrameProblem | null;
  /** Live and caught up with everything that happened before the welcome. */
  synced: boolean;
  /** The STUN and TURN servers for voice and video, from the server's welcome. */
  iceServers: IceServer[];
  /** Past this many browsers with media, voices go through the server's unit (the welcome's). */
  mediaMeshLimit: number;
}

/** A voice and video offer or answer from another participant's browser. */
export type SignalListener = (from: string, signal: MediaSignal) => void;

/** A caption of another participant's speech; shown, never kept. */
export type CaptionListener = (caption: { from: string; text: string; final: boolean }) => void;

/** What became of a command: done, refused (with the rules' reason), or lost with a connection. */
export type Outcome =
  | { kind: 'accepted'; seq: number }
  | { kind: 'refused'; reason: Refusal }
  | { kind: 'problem'; problem: FrameProblem }
  | { kind: 'offline' };

/** An event as it was folded; `live` is false while catching up after a reconnection. */
export interface FoldedEvent {
  seq: number;
  event: CircleEvent;
  live: boolean;
}

/** Problems after which trying again would only be refused again. */
const finalProblems: ReadonlySet<FrameProblem> = new Set([
  'unknown_circle',
  'not_allowed',
  'expired',
  'circle_closed',
]);

/** Waits between attempts to reconnect: quick at first, then calmer, never more than 15 s. */
export const RECONNECT_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000, 15_000] as const;
/** A connection that has heard nothing (not even a ping) for this long is taken as dead. */
export const SILENCE_LIMIT_MS = HEARTBEAT_MS * 2;
/** Acknowledgements are gathered for this long, so that a burst of events costs one ack. */
export const ACK_DELAY_MS = 200;

export interface LiveOptions {
  circleId: string;
  /** Defaults to the page's own origin: /api/circles/live over ws: or wss:. */
  url?: string;
  createSocket?: (url: string) => SocketLike;
  timers?: Timers;
  /** A random share of each wait, so that a room's clients do not all come back at once. */
  jitter?: () => number;
}

export class CircleLive {
  readonly #circleId: string;
  readonly #url: string;
  readonly #createSocket: (url: string) => SocketLike;
  readonly #timers: Timers;
  readonly #jitter: () => number;
  #socket: SocketLike | null = null;
  #view: LiveView = {
    connection: 'connecting',
    state: initialState,
    seq: null,
    you: null,
    problem: null,
    synced: false,
    iceServers: [],
    mediaMeshLimit: DEFAULT_MEDIA_MESH_LIMIT,
  };
  /** Events up to this number, on each connection, are a catch-up, not news. */
  #catchUpUntil = 0;
  #attempt = 0;
  #reconnectTimer: unknown = null;
  #silenceTimer: unknown = null;
  #ackTimer: unknown = null;
  #ackedSeq: number | null = null;
  #stopped = false;
  readonly #pending = new Map<string, (outcome: Outcome) => void>();
  readonly #listeners = new Set<() => void>();
  readonly #eventListeners = new Set<(folded: FoldedEvent) => void>();
  readonly #signalListeners = new Set<SignalListener>();
  readonly #captionListeners = new Set<CaptionListener>();

  constructor(options: LiveOptions) {
    this.#circleId = options.circleId;
    this.#url = options.url ?? sameOriginUrl();
    this.#createSocket =
      options.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike);
    this.#timers = options.timers ?? {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
    };
    this.#jitter = options.jitter ?? Math.random;
  }

  /** Opens the connection; after `stop`, opens it again (React mounts effects twice in dev). */
  start(): void {
    if (this.#socket || this.#view.problem) return;
    this.#stopped = false;
    this.#update({ connection: this.#view.seq === null ? 'connecting' : 'reconnecting' });
    this.#connect();
  }

  /** Closes the connection for good (the page is left). */
  stop(): void {
    this.#stopped = true;
    this.#clearTimers();
    this.#dropSocket();
    this.#settleAll({ kind: 'offline' });
    this.#update({ connection: 'ended' });
  }

  /** Tries at once instead of waiting out the backoff, e.g. when the device is back online. */
  retryNow(): void {
    if (this.#stopped || this.#view.connection !== 'reconnecting' || this.#socket) return;
    this.#timers.clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    this.#connect();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): LiveView => this.#view;

  /** Every event as it is folded, e.g. to announce the piece reaching someone. */
  onEvent(listener: (folded: FoldedEvent) => void): () => void {
    this.#eventListeners.add(listener);
    return () => this.#eventListeners.delete(listener);
  }

  /** Offers and answers of voice and video from other browsers, as they arrive. */
  onSignal(listener: SignalListener): () => void {
    this.#signalListeners.add(listener);
    return () => this.#signalListeners.delete(listener);
  }

  /** Passes an offer or answer to one other participant's browser; false when offline. */
  sendSignal(to: string, signal: MediaSignal): boolean {
    if (this.#view.connection !== 'live') return false;
    return this.#write({ kind: 'signal', to, signal });
  }

  /** Captions of the others' speech, as they arrive. */
  onCaption(listener: CaptionListener): () => void {
    this.#captionListeners.add(listener);
    return () => this.#captionListeners.delete(listener);
  }

  /** Sends a caption of this person's own speech to the others; false when offline. */
  sendCaption(text: string, final: boolean): boolean {
    if (this.#view.connection !== 'live') return false;
    return this.#write({ kind: 'caption', text, final });
  }

  /** Sends a command; resolves with the server's answer, or `offline` when it cannot be sent. */
  send(command: CircleCommand): Promise<Outcome> {
    const socket = this.#socket;
    if (!socket || socket.readyState !== OPEN || this.#view.connection !== 'live') {
      return Promise.resolve({ kind: 'offline' });
    }
    const requestId = newId();
    return new Promise((resolve) => {
      this.#pending.set(requestId, resolve);
      this.#write({ kind: 'command', requestId, command });
    });
  }

  #connect(): void {
    if (this.#stopped) return;
    let socket: SocketLike;
    try {
      socket = this.#createSocket(this.#url);
    } catch {
      this.#scheduleReconnect();
      return;
    }
    this.#socket = socket;
    socket.onopen = () => {
      this.#ackedSeq = this.#view.seq;
      this.#write({ kind: 'hello', circleId: this.#circleId, lastSeq: this.#view.seq });
      this.#expectWithin();
    };
    socket.onmessage = (message) => {
      if (this.#socket !== socket) return;
      this.#expectWithin();
      const frame = readServerFrame(message.data);
      if (frame) this.#receive(frame);
    };
    socket.onclose = () => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      this.#lost();
    };
    // An error is always followed by a close, which does the work.
    socket.onerror = () => undefined;
  }

  #receive(frame: ServerFrame): void {
    switch (frame.kind) {
      case 'welcome':
        this.#attempt = 0;
        this.#catchUpUntil = frame.seq;
        this.#update({
          connection: 'live',
          you: frame.you,
          problem: null,
          iceServers: frame.iceServers,
          mediaMeshLimit: frame.mediaMeshLimit,
          synced: (this.#view.seq ?? 0) >= frame.seq,
        });
        return;
      case 'snapshot':
        this.#update({
          state: frame.state,
          seq: frame.seq,
          synced: frame.seq >= this.#catchUpUntil,
        });
        this.#scheduleAck();
        return;
      case 'event':
        this.#fold(frame.seq, frame.event);
        return;
      case 'accepted':
        this.#settle(frame.requestId, { kind: 'accepted', seq: frame.seq });
        return;
      case 'refused':
        this.#settle(frame.requestId, { kind: 'refused', reason: frame.reason });
        return;
      case 'problem':
        this.#onProblem(frame.problem, frame.requestId);
        return;
      case 'ping':
        this.#write({ kind: 'pong' });
        return;
      case 'signal':
        for (const listener of this.#signalListeners) listener(frame.from, frame.signal);
        return;
      case 'caption':
        for (const listener of this.#captionListeners) {
          listener({ from: frame.from, text: frame.text, final: frame.final });
        }
        return;
    }
  }

  #fold(seq: number, event: CircleEvent): void {
    const last = this.#view.seq;
    if (last !== null && seq <= last) return;
    if (last !== null && seq > last + 1) {
      // Something was missed: start again from the last event folded; the server replays.
      this.#dropSocket();
      this.#lost();
      return;
    }
    const live = seq > this.#catchUpUntil;
    this.#update({
      state: apply(this.#view.state, event),
      seq,
      synced: this.#view.synced || seq >= this.#catchUpUntil,
    });
    for (const listener of this.#eventListeners) listener({ seq, event, live });
    this.#scheduleAck();
  }

  #onProblem(problem: FrameProblem, requestId: string | undefined): void {
    // A signal that found no one to take it: the media engine follows the circle's state anyway.
    if (problem === 'not_reachable') return;
    // A caption sent as the piece moved on: the captions follow the microphone anyway.
    if (problem === 'not_speaking') return;
    if (!finalProblems.has(problem)) {
      // About one command (it names it): that command alone failed. About a frame it cannot
      // name: whatever waited on an answer would not hear one.
      if (requestId !== undefined) this.#settle(requestId, { kind: 'problem', problem });
      else this.#settleAll({ kind: 'problem', problem });
      return;
    }
    this.#stopped = true;
    this.#clearTimers();
    this.#dropSocket();
    this.#settleAll({ kind: 'problem', problem });
    this.#update({ connection: 'ended', problem, synced: false });
  }

  #lost(): void {
    this.#settleAll({ kind: 'offline' });
    this.#timers.clearTimeout(this.#silenceTimer);
    this.#silenceTimer = null;
    if (this.#stopped) return;
    this.#update({ connection: 'reconnecting', synced: false });
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#stopped || this.#reconnectTimer !== null) return;
    const base =
      RECONNECT_DELAYS_MS[Math.min(this.#attempt, RECONNECT_DELAYS_MS.length - 1)] ?? 15_000;
    this.#attempt += 1;
    const wait = base * (0.75 + this.#jitter() * 0.5);
    this.#reconnectTimer = this.#timers.setTimeout(() => {
      this.#reconnectTimer = null;
      this.#connect();
    }, wait);
  }

  /** Restarts the watch for silence: a connection that goes quiet for too long is dead. */
  #expectWithin(): void {
    this.#timers.clearTimeout(this.#silenceTimer);
    this.#silenceTimer = this.#timers.setTimeout(() => {
      this.#silenceTimer = null;
      this.#dropSocket();
      this.#lost();
    }, SILENCE_LIMIT_MS);
  }

  #scheduleAck(): void {
    if (this.#ackTimer !== null) return;
    this.#ackTimer = this.#timers.setTimeout(() => {
      this.#ackTimer = null;
      const seq = this.#view.seq;
      if (seq === null || seq === this.#ackedSeq) return;
      if (this.#write({ kind: 'ack', seq })) this.#ackedSeq = seq;
    }, ACK_DELAY_MS);
  }

  #write(frame: ClientFrame): boolean {
    const socket = this.#socket;
    if (!socket || socket.readyState !== OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  #dropSocket(): void {
    const socket = this.#socket;
    this.#socket = null;
    if (!socket) return;
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
    socket.close(1000);
  }

  #settle(requestId: string, outcome: Outcome): void {
    const resolve = this.#pending.get(requestId);
    if (!resolve) return;
    this.#pending.delete(requestId);
    resolve(outcome);
  }

  #settleAll(outcome: Outcome): void {
    const waiting = [...this.#pending.values()];
    this.#pending.clear();
    for (const resolve of waiting) resolve(outcome);
  }

  #clearTimers(): void {
    for (const timer of [this.#reconnectTimer, this.#silenceTimer, this.#ackTimer]) {
      if (timer !== null) this.#timers.clearTimeout(timer);
    }
    this.#reconnectTimer = null;
    this.#silenceTimer = null;
    this.#ackTimer = null;
  }

  #update(change: Partial<LiveView>): void {
    this.#view = { ...this.#view, ...change };
    for (const listener of this.#listeners) listener();
  }
}
