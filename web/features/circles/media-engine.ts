import { type CircleState, mediaOf, participantOf } from '../../../shared/circles/machine.ts';
import {
  DEFAULT_MEDIA_MESH_LIMIT,
  hasMedia,
  mediaLinks,
  mediaTopology,
  openMicrophones,
  RELAY_PEER,
  voiceSlots,
} from '../../../shared/circles/media.ts';
import type { IceServer, MediaSignal } from '../../../shared/circles/protocol.ts';

// The room's voice and video: one peer connection to each other browser with a microphone, made
// and closed as the circle's state changes; past the mesh limit, one connection to the server's
// forwarding unit instead, which sends the open voices in two fixed slots (holder, guide). Each
// connection carries its channels from the start, so that the piece moving, or someone turning
// their camera on, changes only which track is sent, never the negotiation. The microphone's track is on the wire only
// while the circle's rules open it (the piece, or a keeper guiding); otherwise nothing is sent.

/** How the engine reaches other browsers: the room's live connection. */
export interface SignalLine {
  sendSignal(to: string, signal: MediaSignal): boolean;
  onSignal(listener: (from: string, signal: MediaSignal) => void): () => void;
}

/** Offers and answers go whole, once gathered; a network that gathers slowly sends what it has. */
export const GATHER_LIMIT_MS = 3_000;

/** Listeners' video goes at a quarter of the size: shown small, it needs no more. */
export const LISTENER_VIDEO_SCALE = 4;

export interface RemotePeer {
  /** Whose voice and picture this is: a participant's id, never the unit's. */
  id: string;
  connection: RTCPeerConnectionState;
  /**
   * The person's audio and video, once negotiated. Through the unit, only open microphones'
   * come (a listener's face is not forwarded), so a listener's is null.
   */
  stream: MediaStream | null;
  /** Straight from their browser, or forwarded by the server's unit. */
  via: 'mesh' | 'relay';
}

export interface MediaEngineOptions {
  line: SignalLine;
  createConnection?: (configuration: RTCConfiguration) => RTCPeerConnection;
  createStream?: (tracks: MediaStreamTrack[]) => MediaStream;
  gatherLimitMs?: number;
}

interface Peer {
  id: string;
  pc: RTCPeerConnection;
  audio: RTCRtpTransceiver | null;
  video: RTCRtpTransceiver | null;
  stream: MediaStream | null;
  /** From the unit only: the guide's slot (slot 0 is `stream`). */
  guideStream: MediaStream | null;
}

/** Waits until the connection has gathered its network candidates, or the limit has passed. */
function gathered(pc: RTCPeerConnection, limitMs: number): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', onChange);
      resolve();
    };
    const onChange = () => {
      if (pc.iceGatheringState === 'complete') done();
    };
    const timer = setTimeout(done, limitMs);
    pc.addEventListener('icegatheringstatechange', onChange);
  });
}

export class MediaEngine {
  readonly #line: SignalLine;
  readonly #createConnection: (configuration: RTCConfiguration) => RTCPeerConnection;
  readonly #createStream: (tracks: MediaStreamTrack[]) => MediaStream;
  readonly #gatherLimitMs: number;
  readonly #peers = new Map<string, Peer>();
  /** Offers that came before this browser folded the event that lets them in. */
  readonly #early = new Map<string, MediaSignal>();
  readonly #listeners = new Set<() => void>();
  #stopListening: (() => void) | null = null;
  #state: CircleState | null = null;
  #you: string | null = null;
  #iceServers: IceServer[] = [];
  #meshLimit = DEFAULT_MEDIA_MESH_LIMIT;
  #local: MediaStream | null = null;
  #snapshot: RemotePeer[] = [];

  constructor(options: MediaEngineOptions) {
    this.#line = options.line;
    this.#createConnection =
      options.createConnection ?? ((configuration) => new RTCPeerConnection(configuration));
    this.#createStream = options.createStream ?? ((tracks) => new MediaStream(tracks));
    this.#gatherLimitMs = options.gatherLimitMs ?? GATHER_LIMIT_MS;
  }

  /** Listens for other browsers' offers and answers; after `stop`, again (React remounts). */
  start(): void {
    this.#stopListening ??= this.#line.onSignal((from, signal) => void this.#receive(from, signal));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): RemotePeer[] => this.#snapshot;

  /** The person's own microphone (and camera), or null while they take part by text. */
  setLocalStream(stream: MediaStream | null): void {
    this.#local = stream;
    this.#reconcile();
  }

  /**
   * The circle as it now stands: connections follow who has media (and the mesh limit, from the
   * server's welcome), tracks follow the piece.
   */
  update(
    state: CircleState,
    you: string | null,
    iceServers: IceServer[],
    meshLimit = DEFAULT_MEDIA_MESH_LIMIT,
  ): void {
    this.#state = state;
    this.#you = you;
    this.#iceServers = iceServers;
    this.#meshLimit = meshLimit;
    this.#reconcile();
  }

  /** Closes every connection, e.g. when the page is left. */
  stop(): void {
    this.#stopListening?.();
    this.#stopListening = null;
    this.#early.clear();
    for (const id of [...this.#peers.keys()]) this.#close(id);
    this.#publish();
  }

  #wanted(): { id: string; offers: boolean }[] {
    const state = this.#state;
    const you = this.#you;
    // A closed circle has no more voices: every line closes with it.
    if (!state || you === null || !this.#local || state.status === 'closed') return [];
    const me = participantOf(state, you);
    if (!me || mediaOf(me) === 'text') return [];
    return mediaLinks(state, you, this.#meshLimit);
  }

  #reconcile(): void {
    const wanted = this.#wanted();
    const ids = new Set(wanted.map((peer) => peer.id));
    for (const id of [...this.#peers.keys()]) if (!ids.has(id)) this.#close(id);
    for (const { id, offers } of wanted) {
      const early = this.#early.get(id);
      this.#early.delete(id);
      if (early && !offers) void this.#answer(id, early);
      else if (!this.#peers.has(id) && offers) void this.#offer(id);
    }
    for (const peer of this.#peers.values()) void this.#attachTracks(peer);
    this.#publish();
  }

  #open(id: string): Peer {
    // The unit's four channels share one transport (browsers bundle anyway; this makes it sure).
    const pc = this.#createConnection({
      iceServers: this.#iceServers,
      ...(id === RELAY_PEER ? { bundlePolicy: 'max-bundle' as const } : {}),
    });
    const peer: Peer = { id, pc, audio: null, video: null, stream: null, guideStream: null };
    pc.addEventListener('connectionstatechange', () => {
      if (this.#peers.get(id) !== peer) return;
      if (pc.connectionState === 'failed') {
        // A network change broke the line: the browser that offers makes a new one; the other
        // waits for its offer.
        this.#close(id);
        this.#reconcile();
        return;
      }
      this.#publish();
    });
    this.#peers.set(id, peer);
    return peer;
  }

  /**
   * Takes the connection's channels and what comes in on them: the first two carry this
   * browser's own voice and picture out, and the other's (or the unit's slot 0) in; from the
   * unit, two more bring slot 1.
   */
  #bindTransceivers(peer: Peer): void {
    const [audio, video, guideAudio, guideVideo] = peer.pc.getTransceivers();
    peer.audio = audio ?? null;
    peer.video = video ?? null;
    const streamOf = (...transceivers: (RTCRtpTransceiver | undefined)[]) =>
      this.#createStream(
        transceivers
          .map((transceiver) => transceiver?.receiver.track)
          .filter((track): track is MediaStreamTrack => track !== undefined),
      );
    peer.stream = streamOf(audio, video);
    peer.guideStream = guideAudio && guideVideo ? streamOf(guideAudio, guideVideo) : null;
  }

  async #offer(id: string): Promise<void> {
    const peer = this.#open(id);
    peer.pc.addTransceiver('audio', { direction: 'sendrecv' });
    peer.pc.addTransceiver('video', { direction: 'sendrecv' });
    // The unit's second slot, fixed from the start so the piece moving renegotiates nothing.
    if (id === RELAY_PEER) {
      peer.pc.addTransceiver('audio', { direction: 'recvonly' });
      peer.pc.addTransceiver('video', { direction: 'recvonly' });
    }
    this.#bindTransceivers(peer);
    try {
      await this.#attachTracks(peer);
      await peer.pc.setLocalDescription(await peer.pc.createOffer());
      await this.#sendDescription(peer, 'offer');
    } catch {
      // Closed meanwhile (the other person left, or went back to text): nothing to send.
    }
  }

  async #answer(from: string, offer: MediaSignal): Promise<void> {
    // A new offer from the same browser (it reloaded, or tries again) replaces the old line.
    if (this.#peers.has(from)) this.#close(from);
    const peer = this.#open(from);
    try {
      await peer.pc.setRemoteDescription({ type: 'offer', sdp: offer.sdp });
      for (const transceiver of peer.pc.getTransceivers()) transceiver.direction = 'sendrecv';
      this.#bindTransceivers(peer);
      await this.#attachTracks(peer);
      await peer.pc.setLocalDescription(await peer.pc.createAnswer());
      await this.#sendDescription(peer, 'answer');
    } catch {
      this.#close(from);
    }
    this.#publish();
  }

  async #sendDescription(peer: Peer, type: MediaSignal['type']): Promise<void> {
    await gathered(peer.pc, this.#gatherLimitMs);
    const sdp = peer.pc.localDescription?.sdp;
    if (this.#peers.get(peer.id) !== peer || !sdp) return;
    this.#line.sendSignal(peer.id, { type, sdp });
  }

  async #receive(from: string, signal: MediaSignal): Promise<void> {
    const wanted = this.#wanted().find((peer) => peer.id === from);
    if (!wanted) {
      // The server passed it on, so this browser's view of the circle is a moment behind.
      if (signal.type === 'offer') this.#early.set(from, signal);
      return;
    }
    if (signal.type === 'offer') {
      // Only the browser whose id sorts first offers: the other way round is not expected.
      if (!wanted.offers) await this.#answer(from, signal);
      return;
    }
    const peer = this.#peers.get(from);
    if (peer?.pc.signalingState !== 'have-local-offer') return;
    try {
      await peer.pc.setRemoteDescription({ type: 'answer', sdp: signal.sdp });
      await this.#attachTracks(peer);
    } catch {
      this.#close(from);
      this.#reconcile();
    }
  }

  /**
   * The first lock: the microphone goes on the wire only while it is open by the rules; the
   * camera while the person takes part with it, full size for the holder and small otherwise.
   */
  async #attachTracks(peer: Peer): Promise<void> {
    const state = this.#state;
    const you = this.#you;
    if (!state || you === null) return;
    const me = participantOf(state, you);
    const micOpen = openMicrophones(state).includes(you);
    const microphone = micOpen ? (this.#local?.getAudioTracks()[0] ?? null) : null;
    // The unit forwards open microphones' pictures only: a listener's would go nowhere.
    const cameraWanted = me !== undefined && mediaOf(me) === 'video';
    const camera =
      cameraWanted && (peer.id !== RELAY_PEER || micOpen)
        ? (this.#local?.getVideoTracks()[0] ?? null)
        : null;
    const scale = state.holder === you ? 1 : LISTENER_VIDEO_SCALE;
    try {
      if (peer.audio && peer.audio.sender.track !== microphone) {
        await peer.audio.sender.replaceTrack(microphone);
      }
      if (peer.video && peer.video.sender.track !== camera) {
        await peer.video.sender.replaceTrack(camera);
      }
      const sender = peer.video?.sender;
      const parameters = sender?.getParameters();
      const encoding = parameters?.encodings[0];
      if (sender && parameters && encoding && encoding.scaleResolutionDownBy !== scale) {
        encoding.scaleResolutionDownBy = scale;
        await sender.setParameters(parameters);
      }
    } catch {
      // The connection closed while the tracks changed: the next state sets them again.
    }
  }

  #close(id: string): void {
    const peer = this.#peers.get(id);
    if (!peer) return;
    this.#peers.delete(id);
    peer.pc.close();
  }

  #publish(): void {
    this.#snapshot = [...this.#peers.values()].flatMap((peer) =>
      peer.id === RELAY_PEER
        ? this.#relayed(peer)
        : [{ id: peer.id, connection: peer.pc.connectionState, stream: peer.stream, via: 'mesh' }],
    );
    for (const listener of this.#listeners) listener();
  }

  /**
   * Everyone else with media, through the unit: the slots' streams are the holder's and the
   * guide's, as the state says, which is what the unit forwards by.
   */
  #relayed(peer: Peer): RemotePeer[] {
    const state = this.#state;
    if (!state || mediaTopology(state, this.#meshLimit) !== 'relay') return [];
    const slots = voiceSlots(state);
    const slotStreams = [peer.stream, peer.guideStream];
    return state.participants
      .filter((participant) => participant.id !== this.#you && hasMedia(state, participant.id))
      .map((participant) => {
        const slot = slots.indexOf(participant.id);
        return {
          id: participant.id,
          connection: peer.pc.connectionState,
          stream: slot < 0 ? null : (slotStreams[slot] ?? null),
          via: 'relay',
        };
      });
  }
}
