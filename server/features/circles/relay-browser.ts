import { RTCPeerConnection, type RTCRtpTransceiver, RtpHeader, RtpPacket } from 'werift';
import { RELAY_PEER } from '../../../shared/circles/media.ts';
import type { LiveClient } from './live-client.ts';
import { gathered, onIncoming, onKeyframeRequest, relayCodecs } from './relay-webrtc.ts';

// A browser in a relayed circle, as the tests and the benchmark play it: a real WebRTC peer
// (werift) that offers the unit the same four channels as web/features/circles/media-engine.ts,
// over a participant's live connection, sends RTP as a microphone does and records what the
// unit sends it, slot by slot.

/** Opus's dynamic payload type as browsers offer it; the unit rewrites it to what it agreed. */
const OPUS_PAYLOAD_TYPE = 111;
const VP8_PAYLOAD_TYPE = 96;
/** 20 ms of Opus at 48 kHz. */
const OPUS_FRAME_TICKS = 960;

export interface ReceivedPacket {
  slot: number;
  kind: 'audio' | 'video';
  sequenceNumber: number;
  payload: string;
}

export class RelayBrowser {
  readonly pc: RTCPeerConnection;
  readonly received: ReceivedPacket[] = [];
  private readonly transceivers: RTCRtpTransceiver[];
  private sequenceNumber = Math.floor(Math.random() * 30_000);
  private timestamp = Math.floor(Math.random() * 1_000_000);
  private readonly ssrc = Math.floor(Math.random() * 2 ** 31);
  private videoSequenceNumber = Math.floor(Math.random() * 30_000);
  /** The stream id of each slot's picture as it arrives, to ask for a keyframe by. */
  private readonly pictureSsrc = new Map<number, number>();
  /** How often the unit asked this browser's camera for a keyframe. */
  keyframesAsked = 0;
  /** Keep what is received (tests); the benchmark only counts. */
  private readonly keep: boolean;
  count = 0;

  constructor(options: { keep?: boolean } = {}) {
    this.keep = options.keep ?? true;
    this.pc = new RTCPeerConnection({
      iceServers: [],
      // One transport for the four channels, as browsers bundle them; werift's default gathers
      // one per channel and leaves the unused ones open after closing.
      bundlePolicy: 'max-bundle',
      codecs: relayCodecs(),
    });
    this.transceivers = [
      this.pc.addTransceiver('audio', { direction: 'sendrecv' }),
      this.pc.addTransceiver('video', { direction: 'sendrecv' }),
      this.pc.addTransceiver('audio', { direction: 'recvonly' }),
      this.pc.addTransceiver('video', { direction: 'recvonly' }),
    ];
    const camera = this.transceivers[1];
    if (camera) {
      onKeyframeRequest(camera, () => {
        this.keyframesAsked += 1;
      });
    }
    for (const [index, transceiver] of this.transceivers.entries()) {
      // Channels 0 and 1 carry slot 0 (the holder), 2 and 3 slot 1 (a guide).
      const slot = Math.floor(index / 2);
      const kind = transceiver.kind === 'video' ? 'video' : 'audio';
      onIncoming(transceiver, (packet) => {
        this.count += 1;
        if (kind === 'video') this.pictureSsrc.set(slot, packet.header.ssrc);
        if (!this.keep) return;
        this.received.push({
          slot,
          kind,
          sequenceNumber: packet.header.sequenceNumber,
          payload: packet.payload.toString('utf8'),
        });
      });
    }
  }

  /** Offers to the unit over the participant's connection and waits until media flows. */
  connect(client: LiveClient, timeoutMs = 10_000): Promise<void> {
    return this.connectBy(async (sdp) => {
      const answered = client.next(
        (frame) =>
          (frame.kind === 'signal' && frame.from === RELAY_PEER) || frame.kind === 'problem',
      );
      client.send({ kind: 'signal', to: RELAY_PEER, signal: { type: 'offer', sdp } });
      const answer = await answered;
      if (answer.kind !== 'signal') throw new Error(`the unit refused: ${JSON.stringify(answer)}`);
      return answer.signal.sdp;
    }, timeoutMs);
  }

  /** Makes the offer, has `answer` carry it to the unit, and waits until media flows. */
  async connectBy(answer: (offerSdp: string) => Promise<string>, timeoutMs = 10_000) {
    await this.pc.setLocalDescription(await this.pc.createOffer());
    await gathered(this.pc);
    const sdp = this.pc.localDescription?.sdp;
    if (!sdp) throw new Error('no offer was made');
    await this.pc.setRemoteDescription({ type: 'answer', sdp: await answer(sdp) });
    await this.connected(timeoutMs);
  }

  /** Sends one Opus-sized packet (about 20 ms of speech) on the microphone's channel. */
  sendAudio(payload: string | Buffer): void {
    this.sequenceNumber = (this.sequenceNumber + 1) % 65_536;
    this.timestamp = (this.timestamp + OPUS_FRAME_TICKS) % 2 ** 32;
    this.send(0, OPUS_PAYLOAD_TYPE, this.ssrc, payload);
  }

  /** Sends one packet on the camera's channel (its content is not a real picture). */
  sendVideo(payload: string): void {
    this.videoSequenceNumber = (this.videoSequenceNumber + 1) % 65_536;
    this.send(1, VP8_PAYLOAD_TYPE, this.ssrc + 1, payload, this.videoSequenceNumber);
  }

  /** Asks the unit for a keyframe of the picture in a slot, as a browser that lost it does. */
  askForKeyframe(slot: number): void {
    const ssrc = this.pictureSsrc.get(slot);
    if (ssrc === undefined) return;
    this.transceivers[slot * 2 + 1]?.receiver.sendRtcpPLI(ssrc).catch(() => {
      // Closed: the test is over.
    });
  }

  private send(
    channel: number,
    payloadType: number,
    ssrc: number,
    payload: string | Buffer,
    sequenceNumber = this.sequenceNumber,
  ): void {
    const packet = new RtpPacket(
      new RtpHeader({
        payloadType,
        sequenceNumber,
        timestamp: this.timestamp,
        ssrc,
        marker: true,
      }),
      typeof payload === 'string' ? Buffer.from(payload) : payload,
    );
    this.transceivers[channel]?.sender.sendRtp(packet).catch(() => {
      // Closed: the test or bench is over.
    });
  }

  /** What has come in one slot's audio, as text. */
  heard(slot: number): string[] {
    return this.received
      .filter((packet) => packet.slot === slot && packet.kind === 'audio')
      .map((packet) => packet.payload);
  }

  async close(): Promise<void> {
    await this.pc.close();
  }

  private connected(timeoutMs: number): Promise<void> {
    if (this.pc.connectionState === 'connected') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        unSubscribe();
        reject(new Error(`the unit's connection stayed ${this.pc.connectionState}`));
      }, timeoutMs);
      const { unSubscribe } = this.pc.connectionStateChange.subscribe((state) => {
        if (state !== 'connected') return;
        clearTimeout(timer);
        unSubscribe();
        resolve();
      });
    });
  }
}
