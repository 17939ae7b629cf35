import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import {
  apply,
  type CircleCommand,
  type CircleEvent,
  type CircleState,
  initialState,
} from '../../../shared/circles/machine.ts';
import type { ServerFrame } from '../../../shared/circles/protocol.ts';
import { eventFor } from '../../../shared/circles/view.ts';

// A participant's app, as the tests drive it: a real WebSocket with the session cookie, which
// folds the events it receives with the shared reducer, answers pings, and remembers where it
// is so that it can resume after its connection drops.

type Answer = Extract<ServerFrame, { kind: 'accepted' | 'refused' | 'problem' }>;

export class LiveClient {
  /** Where it connects; a test moves it to a restarted or another server process. */
  url: string;
  readonly cookie: string | undefined;
  socket!: WebSocket;
  /** Every frame received, across reconnections. */
  readonly frames: ServerFrame[] = [];
  /** The events folded, in order; a snapshot replaces what came before it. */
  log: { seq: number; event: CircleEvent }[] = [];
  state: CircleState = initialState;
  seq: number | null = null;
  /** Events that came out of order: always empty when the server keeps its promise. */
  readonly disorder: string[] = [];
  you = '';
  answerPings = true;
  private waiters: { test(frame: ServerFrame): boolean; resolve(frame: ServerFrame): void }[] = [];
  private closedWith: Promise<{ code: number; reason: string }> = Promise.resolve({
    code: 0,
    reason: '',
  });

  constructor(url: string, cookie?: string) {
    this.url = url;
    this.cookie = cookie;
  }

  static async connect(url: string, cookie?: string, origin?: string): Promise<LiveClient> {
    const client = new LiveClient(url, cookie);
    await client.open(origin);
    return client;
  }

  async open(origin = 'http://localhost:3000'): Promise<void> {
    const headers: Record<string, string> = { origin };
    if (this.cookie) headers.cookie = this.cookie;
    const socket = new WebSocket(this.url, { headers });
    this.socket = socket;
    this.closedWith = new Promise((resolve) => {
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    socket.on('message', (data) => this.receive(JSON.parse(String(data)) as ServerFrame));
    socket.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
  }

  send(frame: object | string): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Says hello from where this client is (or from nothing), and waits for the welcome. */
  async hello(circleId: string, lastSeq: number | null = this.seq): Promise<ServerFrame> {
    const answer = this.next((frame) => frame.kind === 'welcome' || frame.kind === 'problem');
    this.send({ kind: 'hello', circleId, lastSeq });
    const frame = await answer;
    if (frame.kind === 'welcome') this.you = frame.you;
    return frame;
  }

  /**
   * Sends a command and waits for its answer: accepted, refused, or a problem about it (a frame
   * sent too fast is dropped before it is read, so its problem names no request).
   */
  async command(command: CircleCommand | object): Promise<Answer> {
    const requestId = randomUUID();
    const answer = this.next((frame) =>
      frame.kind === 'problem'
        ? frame.requestId === requestId || frame.problem === 'too_many'
        : (frame.kind === 'accepted' || frame.kind === 'refused') && frame.requestId === requestId,
    );
    this.send({ kind: 'command', requestId, command });
    return (await answer) as Answer;
  }

  /** The first frame from now on that passes the test. */
  next(test: (frame: ServerFrame) => boolean): Promise<ServerFrame> {
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  /** Resolves once the condition holds, checked now and after every frame. */
  async until(condition: () => boolean): Promise<void> {
    if (condition()) return;
    await this.next(condition);
  }

  /** Resolves once this client has folded up to `seq`. */
  reach(seq: number): Promise<void> {
    return this.until(() => (this.seq ?? 0) >= seq);
  }

  /** Ends the connection as a phone losing its signal does: no goodbye. */
  drop(): Promise<{ code: number; reason: string }> {
    this.socket.terminate();
    return this.closedWith;
  }

  close(): Promise<{ code: number; reason: string }> {
    this.socket.close();
    return this.closedWith;
  }

  closed(): Promise<{ code: number; reason: string }> {
    return this.closedWith;
  }

  private receive(frame: ServerFrame): void {
    this.frames.push(frame);
    if (frame.kind === 'ping' && this.answerPings) this.send({ kind: 'pong' });
    if (frame.kind === 'snapshot') {
      this.state = frame.state;
      this.seq = frame.seq;
      this.log = [];
    }
    if (frame.kind === 'event') {
      const expected = (this.seq ?? 0) + 1;
      if (frame.seq !== expected) {
        this.disorder.push(`expected ${expected}, got ${frame.seq}`);
      } else {
        this.state = apply(this.state, frame.event);
        this.seq = frame.seq;
        this.log.push({ seq: frame.seq, event: frame.event });
      }
    }
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.test(frame)) return true;
      waiter.resolve(frame);
      return false;
    });
  }
}

/**
 * The log `client` should have folded, from a keeper's whole log: someone else's private word,
 * report or transcript choice reaches a participant who is not a keeper as `kept_private`.
 */
export const asReceivedBy = (
  keepersLog: LiveClient['log'],
  client: LiveClient,
  keeper: boolean,
): LiveClient['log'] =>
  keepersLog.map(({ seq, event }) => ({ seq, event: eventFor(event, { id: client.you, keeper }) }));
