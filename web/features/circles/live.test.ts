import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CircleEvent } from '../../../shared/circles/machine.ts';
import { fold, initialState } from '../../../shared/circles/machine.ts';
import type { ClientFrame, ServerFrame } from '../../../shared/circles/protocol.ts';
import {
  ACK_DELAY_MS,
  CircleLive,
  type FoldedEvent,
  RECONNECT_DELAYS_MS,
  SILENCE_LIMIT_MS,
} from './live.ts';
import type { SocketLike } from './live-transport.ts';

const circleId = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

/** A socket the test opens, feeds and drops by hand; it records what the client sent. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: ClientFrame[] = [];
  closed = false;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  send(data: string): void {
    this.sent.push(JSON.parse(data) as ClientFrame);
  }
  close(): void {
    this.closed = true;
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(frame: ServerFrame): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.({});
  }
}

const events: CircleEvent[] = [
  { type: 'joined', participantId: 'keeper', name: 'Rosa', role: 'keeper', at: 1 },
  { type: 'joined', participantId: 'luz', name: 'Luz', role: 'resident', at: 2 },
  { type: 'opened', by: 'keeper', at: 3 },
  { type: 'piece_moved', to: 'keeper', at: 4 },
  { type: 'posted', messageId: 'm1', by: 'keeper', text: 'Welcome, everyone.', at: 5 },
  { type: 'piece_moved', to: 'luz', at: 6 },
];

function setUp() {
  const sockets: FakeSocket[] = [];
  const live = new CircleLive({
    circleId,
    url: 'ws://localhost/api/circles/live',
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    jitter: () => 0.5,
  });
  const latest = () => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error('no socket was opened');
    return socket;
  };
  return { live, sockets, latest };
}

/** Opens the latest socket and welcomes the client, then sends events from `from` (1-based). */
function welcome(socket: FakeSocket, upTo: number, from = 1) {
  socket.open();
  socket.receive({
    kind: 'welcome',
    circleId,
    you: 'luz',
    seq: upTo,
    iceServers: [],
    mediaMeshLimit: 6,
  });
  for (let seq = from; seq <= upTo; seq += 1) {
    const event = events[seq - 1];
    if (event) socket.receive({ kind: 'event', seq, event });
  }
}

describe('the live client of a circle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says hello, folds the log in order with the shared reducer, and acknowledges a burst once', () => {
    const { live, latest } = setUp();
    live.start();
    welcome(latest(), 6);
    expect(latest().sent[0]).toEqual({ kind: 'hello', circleId, lastSeq: null });
    const view = live.getSnapshot();
    expect(view.connection).toBe('live');
    expect(view.you).toBe('luz');
    expect(view.seq).toBe(6);
    expect(view.state).toEqual(fold(events));
    vi.advanceTimersByTime(ACK_DELAY_MS);
    expect(latest().sent.filter((frame) => frame.kind === 'ack')).toEqual([
      { kind: 'ack', seq: 6 },
    ]);
  });

  it('answers every ping with a pong', () => {
    const { live, latest } = setUp();
    live.start();
    welcome(latest(), 0);
    latest().receive({ kind: 'ping' });
    expect(latest().sent.at(-1)).toEqual({ kind: 'pong' });
  });

  it('reconnects after a drop, resumes from the last event folded, and folds nothing twice', () => {
    const { live, sockets, latest } = setUp();
    live.start();
    welcome(latest(), 4);
    latest().drop();
    expect(live.getSnapshot().connection).toBe('reconnecting');
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(RECONNECT_DELAYS_MS[0]);
    expect(sockets).toHaveLength(2);
    latest().open();
    expect(latest().sent[0]).toEqual({ kind: 'hello', circleId, lastSeq: 4 });
    // The server replays from 3 (one it already sent): the client keeps its place.
    latest().receive({
      kind: 'welcome',
      circleId,
      you: 'luz',
      seq: 6,
      iceServers: [],
      mediaMeshLimit: 6,
    });
    for (const seq of [3, 4, 5, 6]) {
      const event = events[seq - 1];
      if (event) latest().receive({ kind: 'event', seq, event });
    }
    expect(live.getSnapshot().connection).toBe('live');
    expect(live.getSnapshot().state).toEqual(fold(events));
  });

  it('waits longer after each failed attempt, and starts over once welcomed', () => {
    const { live, sockets, latest } = setUp();
    live.start();
    latest().drop();
    for (const [attempt, delay] of RECONNECT_DELAYS_MS.slice(0, 3).entries()) {
      vi.advanceTimersByTime(delay - 1);
      expect(sockets).toHaveLength(attempt + 1);
      vi.advanceTimersByTime(1);
      expect(sockets).toHaveLength(attempt + 2);
      latest().drop();
    }
    vi.advanceTimersByTime(RECONNECT_DELAYS_MS[3]);
    welcome(latest(), 1);
    latest().drop();
    vi.advanceTimersByTime(RECONNECT_DELAYS_MS[0]);
    expect(sockets).toHaveLength(6);
  });

  it('replaces its state with a snapshot', () => {
    const { live, latest } = setUp();
    live.start();
    welcome(latest(), 2);
    latest().receive({ kind: 'snapshot', seq: 6, state: fold(events) });
    expect(live.getSnapshot().state).toEqual(fold(events));
    expect(live.getSnapshot().seq).toBe(6);
  });

  it('starts again from its last event when one is missing, instead of folding past a gap', () => {
    const { live, sockets, latest } = setUp();
    live.start();
    welcome(latest(), 2);
    const skipped = events[4];
    if (skipped) latest().receive({ kind: 'event', seq: 5, event: skipped });
    expect(live.getSnapshot().seq).toBe(2);
    expect(sockets[0]?.closed).toBe(true);
    vi.advanceTimersByTime(RECONNECT_DELAYS_MS[0]);
    latest().open();
    expect(latest().sent[0]).toEqual({ kind: 'hello', circleId, lastSeq: 2 });
  });

  it('tells each command its answer: accepted, refused with the reason, or offline when the connection drops', async () => {
    const { live, latest } = setUp();
    expect(await live.send({ type: 'pass' })).toEqual({ kind: 'offline' });
    live.start();
    welcome(latest(), 6);
    const pass = live.send({ type: 'pass' });
    const post = live.send({ type: 'post', messageId: 'm2', text: 'Thank you.' });
    const stepOut = live.send({ type: 'step_out' });
    const [passFrame, postFrame] = latest().sent.filter((frame) => frame.kind === 'command');
    if (passFrame?.kind !== 'command' || postFrame?.kind !== 'command')
      throw new Error('no commands');
    latest().receive({ kind: 'refused', requestId: postFrame.requestId, reason: 'not_holder' });
    latest().receive({ kind: 'accepted', requestId: passFrame.requestId, seq: 7 });
    latest().drop();
    expect(await pass).toEqual({ kind: 'accepted', seq: 7 });
    expect(await post).toEqual({ kind: 'refused', reason: 'not_holder' });
    expect(await stepOut).toEqual({ kind: 'offline' });
  });

  it('stops for good when the server will not have it, without trying again', () => {
    const { live, sockets, latest } = setUp();
    live.start();
    latest().open();
    latest().receive({ kind: 'problem', problem: 'not_allowed', detail: 'Not seated here.' });
    expect(live.getSnapshot()).toMatchObject({ connection: 'ended', problem: 'not_allowed' });
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('takes a connection that has gone silent past the heartbeat as dropped', () => {
    const { live, sockets, latest } = setUp();
    live.start();
    welcome(latest(), 1);
    vi.advanceTimersByTime(SILENCE_LIMIT_MS - 1);
    expect(live.getSnapshot().connection).toBe('live');
    vi.advanceTimersByTime(1);
    expect(live.getSnapshot().connection).toBe('reconnecting');
    vi.advanceTimersByTime(RECONNECT_DELAYS_MS[0]);
    expect(sockets).toHaveLength(2);
  });

  it('marks replayed events as a catch-up and fresh ones as live, for announcements', () => {
    const { live, latest } = setUp();
    const seen: FoldedEvent[] = [];
    live.onEvent((folded) => seen.push(folded));
    live.start();
    welcome(latest(), 5);
    const fresh = events[5];
    if (fresh) latest().receive({ kind: 'event', seq: 6, event: fresh });
    expect(seen.map((folded) => [folded.seq, folded.live])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [5, false],
      [6, true],
    ]);
    expect(live.getSnapshot().state).not.toEqual(initialState);
  });

  it('says when it has caught up with what happened before it arrived, and not before', () => {
    const { live, latest } = setUp();
    live.start();
    latest().open();
    latest().receive({
      kind: 'welcome',
      circleId,
      you: 'luz',
      seq: 2,
      iceServers: [],
      mediaMeshLimit: 6,
    });
    expect(live.getSnapshot().synced).toBe(false);
    const [first, second] = events;
    if (first) latest().receive({ kind: 'event', seq: 1, event: first });
    expect(live.getSnapshot().synced).toBe(false);
    if (second) latest().receive({ kind: 'event', seq: 2, event: second });
    expect(live.getSnapshot().synced).toBe(true);
    latest().drop();
    expect(live.getSnapshot().synced).toBe(false);
  });

  it('lets only the command a problem names hear of it, and the connection go on', async () => {
    const { live, latest } = setUp();
    live.start();
    welcome(latest(), 6);
    const pass = live.send({ type: 'pass' });
    const stepOut = live.send({ type: 'step_out' });
    const [passFrame, stepOutFrame] = latest().sent.filter((frame) => frame.kind === 'command');
    if (passFrame?.kind !== 'command' || stepOutFrame?.kind !== 'command') {
      throw new Error('no commands');
    }
    latest().receive({
      kind: 'problem',
      problem: 'unavailable',
      detail: 'That was not stored; send it again.',
      requestId: passFrame.requestId,
    });
    latest().receive({ kind: 'accepted', requestId: stepOutFrame.requestId, seq: 7 });
    expect(await pass).toEqual({ kind: 'problem', problem: 'unavailable' });
    expect(await stepOut).toEqual({ kind: 'accepted', seq: 7 });
    expect(live.getSnapshot().connection).toBe('live');
  });

  it('passes voice and video signals both ways, with the servers for them from the welcome', () => {
    const { live, latest } = setUp();
    const heard: [string, string][] = [];
    live.onSignal((from, signal) => heard.push([from, signal.type]));
    live.start();
    expect(live.sendSignal('rosa', { type: 'offer', sdp: 'v=0' })).toBe(false);
    latest().open();
    latest().receive({
      kind: 'welcome',
      circleId,
      you: 'luz',
      seq: 0,
      iceServers: [{ urls: ['stun:stun.example.org'] }],
      mediaMeshLimit: 4,
    });
    expect(live.getSnapshot().iceServers).toEqual([{ urls: ['stun:stun.example.org'] }]);
    expect(live.getSnapshot().mediaMeshLimit).toBe(4);
    expect(live.sendSignal('rosa', { type: 'offer', sdp: 'v=0' })).toBe(true);
    expect(latest().sent.at(-1)).toEqual({
      kind: 'signal',
      to: 'rosa',
      signal: { type: 'offer', sdp: 'v=0' },
    });
    latest().receive({ kind: 'signal', from: 'rosa', signal: { type: 'answer', sdp: 'v=0' } });
    expect(heard).toEqual([['rosa', 'answer']]);
  });

  it('stays live when a signal is not passed on, and leaves waiting commands alone', async () => {
    const { live, latest } = setUp();
    live.start();
    welcome(latest(), 6);
    const pass = live.send({ type: 'pass' });
    latest().receive({
      kind: 'problem',
      problem: 'not_reachable',
      detail: 'Voice and video connect two people who are both in the circle with a microphone.',
    });
    expect(live.getSnapshot()).toMatchObject({ connection: 'live', problem: null });
    const [passFrame] = latest().sent.filter((frame) => frame.kind === 'command');
    if (passFrame?.kind !== 'command') throw new Error('no command');
    latest().receive({ kind: 'accepted', requestId: passFrame.requestId, seq: 7 });
    expect(await pass).toEqual({ kind: 'accepted', seq: 7 });
  });

  it('sends its own captions, hands on the others’, and stays live when one is refused', async () => {
    const { live, latest } = setUp();
    const heard: { from: string; text: string; final: boolean }[] = [];
    live.onCaption((caption) => heard.push(caption));
    live.start();
    expect(live.sendCaption('Thank you', false)).toBe(false);
    welcome(latest(), 6);
    expect(live.sendCaption('Thank you all.', true)).toBe(true);
    expect(latest().sent.at(-1)).toEqual({ kind: 'caption', text: 'Thank you all.', final: true });
    latest().receive({ kind: 'caption', from: 'keeper', text: 'Welcome', final: false });
    expect(heard).toEqual([{ from: 'keeper', text: 'Welcome', final: false }]);
    // Sent as the piece moved on: refused, and no command waiting is failed by it.
    const pass = live.send({ type: 'pass' });
    latest().receive({ kind: 'problem', problem: 'not_speaking', detail: 'closed' });
    expect(live.getSnapshot()).toMatchObject({ connection: 'live', problem: null });
    const [passFrame] = latest().sent.filter((frame) => frame.kind === 'command');
    if (passFrame?.kind !== 'command') throw new Error('no command');
    latest().receive({ kind: 'accepted', requestId: passFrame.requestId, seq: 7 });
    expect(await pass).toEqual({ kind: 'accepted', seq: 7 });
  });

  it('ends for good at once when a keeper asks the person to leave', () => {
    const { live, sockets, latest } = setUp();
    live.start();
    welcome(latest(), 6);
    latest().receive({
      kind: 'problem',
      problem: 'not_allowed',
      detail: 'A keeper asked you to leave this circle.',
    });
    expect(live.getSnapshot()).toMatchObject({ connection: 'ended', problem: 'not_allowed' });
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });
});
