import { describe, expect, it } from 'vitest';
import { type CircleEvent, type CircleState, fold } from '../../../shared/circles/machine.ts';
import { RELAY_PEER } from '../../../shared/circles/media.ts';
import type { MediaSignal } from '../../../shared/circles/protocol.ts';
import { LISTENER_VIDEO_SCALE, MediaEngine, type SignalLine } from './media-engine.ts';

// The engine with stand-ins for the browser's peer connections: which connections it makes as
// the circle changes, and which tracks it puts on the wire.

class FakeTrack {
  readonly kind: 'audio' | 'video';
  constructor(kind: 'audio' | 'video') {
    this.kind = kind;
  }
}

class FakeSender {
  track: FakeTrack | null = null;
  parameters: { encodings: { scaleResolutionDownBy?: number }[] } = { encodings: [{}] };
  async replaceTrack(track: FakeTrack | null): Promise<void> {
    this.track = track;
  }
  getParameters() {
    return this.parameters;
  }
  async setParameters(parameters: FakeSender['parameters']): Promise<void> {
    this.parameters = parameters;
  }
}

class FakeTransceiver {
  direction = 'recvonly';
  readonly sender = new FakeSender();
  readonly receiver: { track: FakeTrack };
  constructor(kind: 'audio' | 'video') {
    this.receiver = { track: new FakeTrack(kind) };
  }
}

class FakeConnection extends EventTarget {
  connectionState = 'new';
  signalingState = 'stable';
  iceGatheringState = 'complete';
  localDescription: { type: string; sdp: string } | null = null;
  remote: { type: string; sdp: string } | null = null;
  readonly transceivers: FakeTransceiver[] = [];
  closed = false;
  addTransceiver(kind: 'audio' | 'video', init: { direction?: string } = {}) {
    const transceiver = new FakeTransceiver(kind);
    if (init.direction) transceiver.direction = init.direction;
    this.transceivers.push(transceiver);
    return transceiver;
  }
  getTransceivers() {
    return this.transceivers;
  }
  async createOffer() {
    return { type: 'offer', sdp: 'offer-sdp' };
  }
  async createAnswer() {
    return { type: 'answer', sdp: 'answer-sdp' };
  }
  async setLocalDescription(description: { type: string; sdp: string }) {
    this.localDescription = description;
    this.signalingState = description.type === 'offer' ? 'have-local-offer' : 'stable';
  }
  async setRemoteDescription(description: { type: string; sdp: string }) {
    this.remote = description;
    if (description.type === 'offer') {
      this.addTransceiver('audio');
      this.addTransceiver('video');
      this.signalingState = 'have-remote-offer';
    } else {
      this.signalingState = 'stable';
    }
  }
  close() {
    this.closed = true;
    this.connectionState = 'closed';
  }
}

const microphone = new FakeTrack('audio');
const camera = new FakeTrack('video');
const local = {
  getAudioTracks: () => [microphone],
  getVideoTracks: () => [camera],
} as unknown as MediaStream;

function setUp() {
  const connections: FakeConnection[] = [];
  const streams: MediaStream[] = [];
  const sent: { to: string; signal: MediaSignal }[] = [];
  let deliver: (from: string, signal: MediaSignal) => void = () => undefined;
  const line: SignalLine = {
    sendSignal: (to, signal) => {
      sent.push({ to, signal });
      return true;
    },
    onSignal: (listener) => {
      deliver = listener;
      return () => undefined;
    },
  };
  const engine = new MediaEngine({
    line,
    createConnection: () => {
      const connection = new FakeConnection();
      connections.push(connection);
      return connection as unknown as RTCPeerConnection;
    },
    createStream: () => {
      const stream = {} as MediaStream;
      streams.push(stream);
      return stream;
    },
  });
  engine.start();
  return {
    engine,
    connections,
    streams,
    sent,
    receive: (from: string, s: MediaSignal) => deliver(from, s),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const seated: CircleEvent[] = [
  { type: 'joined', participantId: 'a-keeper', name: 'Maya', role: 'keeper', at: 1 },
  { type: 'joined', participantId: 'b-ana', name: 'Ana', role: 'resident', at: 2 },
  { type: 'joined', participantId: 'c-luz', name: 'Luz', role: 'resident', at: 3 },
  { type: 'opened', by: 'a-keeper', at: 4 },
  { type: 'piece_moved', to: 'a-keeper', at: 5 },
  { type: 'media_chosen', participantId: 'a-keeper', media: 'audio', at: 6 },
  { type: 'media_chosen', participantId: 'b-ana', media: 'video', at: 7 },
];
const circle = (...more: CircleEvent[]): CircleState => fold([...seated, ...more]);

describe('the media engine', () => {
  it('offers to those after it, sends the mic only while it holds the piece, and the camera small', async () => {
    const { engine, connections, sent } = setUp();
    engine.setLocalStream(local);
    engine.update(circle(), 'b-ana', []);
    await settle();
    // Ana's id sorts after Maya's: Maya offers, Ana waits. Luz is by text: no connection.
    expect(connections).toHaveLength(0);
    engine.update(
      circle({ type: 'media_chosen', participantId: 'c-luz', media: 'audio', at: 8 }),
      'b-ana',
      [],
    );
    await settle();
    expect(connections).toHaveLength(1);
    expect(sent).toEqual([{ to: 'c-luz', signal: { type: 'offer', sdp: 'offer-sdp' } }]);
    const [audio, video] = connections[0]?.transceivers ?? [];
    expect(audio?.sender.track).toBeNull();
    expect(video?.sender.track).toBe(camera);
    expect(video?.sender.parameters.encodings[0]?.scaleResolutionDownBy).toBe(LISTENER_VIDEO_SCALE);

    engine.update(
      circle(
        { type: 'media_chosen', participantId: 'c-luz', media: 'audio', at: 8 },
        { type: 'piece_moved', to: 'b-ana', at: 9 },
      ),
      'b-ana',
      [],
    );
    await settle();
    expect(audio?.sender.track).toBe(microphone);
    expect(video?.sender.parameters.encodings[0]?.scaleResolutionDownBy).toBe(1);
  });

  it('answers an offer from the browser before it, and closes the line when that person goes back to text', async () => {
    const { engine, connections, sent, receive } = setUp();
    engine.setLocalStream(local);
    engine.update(circle(), 'b-ana', []);
    receive('a-keeper', { type: 'offer', sdp: 'offer-sdp' });
    await settle();
    await settle();
    expect(connections).toHaveLength(1);
    expect(connections[0]?.transceivers.map((each) => each.direction)).toEqual([
      'sendrecv',
      'sendrecv',
    ]);
    expect(sent).toEqual([{ to: 'a-keeper', signal: { type: 'answer', sdp: 'answer-sdp' } }]);
    expect(engine.getSnapshot().map((peer) => peer.id)).toEqual(['a-keeper']);

    engine.update(
      circle({ type: 'media_chosen', participantId: 'a-keeper', media: 'text', at: 8 }),
      'b-ana',
      [],
    );
    expect(connections[0]?.closed).toBe(true);
    expect(engine.getSnapshot()).toEqual([]);
  });

  it('makes no connection while the person has no microphone of their own', async () => {
    const { engine, connections, receive } = setUp();
    engine.update(circle(), 'b-ana', []);
    receive('a-keeper', { type: 'offer', sdp: 'offer-sdp' });
    await settle();
    expect(connections).toHaveLength(0);
    // The offer waits for the microphone, then is answered.
    engine.setLocalStream(local);
    await settle();
    await settle();
    expect(connections).toHaveLength(1);
  });

  it('past the mesh limit, offers the unit alone its four channels, and shows the slots as the holder’s and the guide’s', async () => {
    const { engine, connections, streams, sent, receive } = setUp();
    engine.setLocalStream(local);
    const withLuz = circle({ type: 'media_chosen', participantId: 'c-luz', media: 'audio', at: 8 });
    // Three browsers with media, a limit of two: everyone connects to the unit, even Ana, who
    // offers to no one in a mesh.
    engine.update(withLuz, 'b-ana', [], 2);
    await settle();
    expect(connections).toHaveLength(1);
    expect(sent).toEqual([{ to: RELAY_PEER, signal: { type: 'offer', sdp: 'offer-sdp' } }]);
    const relay = connections[0];
    expect(relay?.transceivers.map((each) => [each.receiver.track.kind, each.direction])).toEqual([
      ['audio', 'sendrecv'],
      ['video', 'sendrecv'],
      ['audio', 'recvonly'],
      ['video', 'recvonly'],
    ]);
    // A listener sends nothing: no microphone, and no picture, which the unit would not forward.
    const [audio, video] = relay?.transceivers ?? [];
    expect(audio?.sender.track).toBeNull();
    expect(video?.sender.track).toBeNull();

    receive(RELAY_PEER, { type: 'answer', sdp: 'answer-sdp' });
    await settle();
    expect(relay?.remote).toEqual({ type: 'answer', sdp: 'answer-sdp' });
    const [holderSlot, guideSlot] = streams;
    const whose = () =>
      engine.getSnapshot().map((peer) => [peer.id, peer.stream, peer.via] as const);
    // Maya holds the piece: slot 0 is hers; Luz listens, so nothing of hers comes.
    expect(whose()).toEqual([
      ['a-keeper', holderSlot, 'relay'],
      ['c-luz', null, 'relay'],
    ]);

    // Maya passes to Ana and guides aloud: Ana's microphone and camera go out; slot 1 is Maya's.
    engine.update(
      circle(
        { type: 'media_chosen', participantId: 'c-luz', media: 'audio', at: 8 },
        { type: 'piece_moved', to: 'b-ana', at: 9 },
        { type: 'guiding_started', by: 'a-keeper', at: 10 },
      ),
      'b-ana',
      [],
      2,
    );
    await settle();
    expect(connections).toHaveLength(1);
    expect(audio?.sender.track).toBe(microphone);
    expect(video?.sender.track).toBe(camera);
    expect(whose()).toEqual([
      ['a-keeper', guideSlot, 'relay'],
      ['c-luz', null, 'relay'],
    ]);
  });

  it('moves from the mesh to the unit when the limit is crossed, and back when it is not', async () => {
    const { engine, connections, sent } = setUp();
    engine.setLocalStream(local);
    const withLuz = circle({ type: 'media_chosen', participantId: 'c-luz', media: 'audio', at: 8 });
    engine.update(withLuz, 'b-ana', [], 3);
    await settle();
    expect(sent.map((each) => each.to)).toEqual(['c-luz']);
    // The limit is crossed (here, a lower limit stands for a fourth person turning voice on).
    engine.update(withLuz, 'b-ana', [], 2);
    await settle();
    expect(connections[0]?.closed).toBe(true);
    expect(sent.map((each) => each.to)).toEqual(['c-luz', RELAY_PEER]);
    expect(engine.getSnapshot().every((peer) => peer.via === 'relay')).toBe(true);
    // Luz goes back to text: two browsers are a mesh again, and Maya offers to Ana.
    engine.update(
      circle(
        { type: 'media_chosen', participantId: 'c-luz', media: 'audio', at: 8 },
        { type: 'media_chosen', participantId: 'c-luz', media: 'text', at: 9 },
      ),
      'b-ana',
      [],
      2,
    );
    await settle();
    expect(connections[1]?.closed).toBe(true);
    expect(engine.getSnapshot()).toEqual([]);
  });
});
