import { RTCPeerConnection, type RTCRtpSender, type RTCRtpTransceiver, RtpPacket } from 'werift';
import { z } from 'zod';
import {
  hasMedia,
  mediaTopology,
  RELAY_PEER,
  RELAY_SLOTS,
  voiceSlots,
} from '../../../shared/circles/media.ts';
import type { MediaRelayOptions } from './media-relay.ts';
import { gathered, onIncoming, onKeyframeRequest, relayCodecs } from './relay-webrtc.ts';
import type { Room, RoomClient } from './room.ts';

// One circle's part of the forwarding unit on this process (see media-relay.ts): its browsers'
// connections, which voice each slot carries, and the circle's media channel on the bus.

/** The channels a browser offers the unit, in order: its own audio and video, then slot 1's. */
const OFFERED_KINDS = ['audio', 'video', 'audio', 'video'] as const;
type Kind = (typeof OFFERED_KINDS)[number];

/** A new source is asked for a keyframe at most this often, however many listeners ask. */
const KEYFRAME_INTERVAL_MS = 500;

/** One slot's channels to a browser: a voice and that person's picture. */
type Slot = Record<Kind, RTCRtpSender>;

interface Browser {
  participantId: string;
  pc: RTCPeerConnection;
  /** The browser's own camera as the unit receives it, to ask for a keyframe. */
  camera: RTCRtpTransceiver;
  /** The camera's stream id, once a packet has come. */
  cameraSsrc: number | null;
  keyframeAskedAt: number;
  slots: Slot[];
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const mediaChannelOf = (circleId: string) => `circle-media:${circleId}`;
const mediaContextOf = (circleId: string) => `circle_media:${circleId}`;

/** What units on other processes say on a circle's media channel. */
const mediaMessage = z.discriminatedUnion('kind', [
  /** A packet from an open microphone (or its camera) of a browser connected to `from`. */
  z.object({
    kind: z.literal('rtp'),
    from: z.string(),
    source: z.string(),
    media: z.enum(OFFERED_KINDS),
    /** The RTP packet in base64, sealed (field-cipher.ts) for this circle's media. */
    sealed: z.string(),
  }),
  /** A listener there lost the picture: the unit with the source's browser asks it. */
  z.object({ kind: z.literal('keyframe'), from: z.string(), source: z.string() }),
]);
type MediaMessage = z.infer<typeof mediaMessage>;

/** One circle's browsers on this process, admitted to its room to follow the state. */
export class RelayCircle implements RoomClient {
  readonly participantId = RELAY_PEER;
  readonly keeper = false;
  readonly room: Room;
  readonly browsers = new Map<string, Browser>();
  /** Which source each sender last carried, to mark a switch. */
  private readonly lastSource = new WeakMap<RTCRtpSender, string>();
  private voices: string[] = [];
  /** Offers being answered: the circle stays while any is. */
  private answering = 0;
  private ended = false;
  private readonly options: MediaRelayOptions;
  private readonly unitId: string;
  private readonly forget: (circle: RelayCircle) => void;
  private unsubscribe: Promise<() => Promise<void>> | null = null;

  constructor(
    room: Room,
    options: MediaRelayOptions,
    unitId: string,
    forget: (circle: RelayCircle) => void,
  ) {
    this.room = room;
    this.options = options;
    this.unitId = unitId;
    this.forget = forget;
    const bus = options.processes?.bus;
    if (bus) {
      this.unsubscribe = bus.subscribe(mediaChannelOf(room.circleId), (message) =>
        this.hear(message),
      );
      this.unsubscribe.catch((error: unknown) => {
        options.log.warn({ err: error }, 'the unit could not hear other processes');
      });
    }
  }

  /** Another process's unit: a voice of one of its browsers, or a listener's keyframe request. */
  private hear(raw: unknown): void {
    if ((raw as { from?: unknown } | null)?.from === this.unitId) return;
    const parsed = mediaMessage.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.kind === 'keyframe') {
      const browser = this.browsers.get(message.source);
      if (browser) this.askForKeyframe(message.source);
      return;
    }
    const cipher = this.options.processes?.cipher;
    if (!cipher) return;
    let packet: RtpPacket;
    try {
      const opened = cipher.decrypt(message.sealed, mediaContextOf(this.room.circleId));
      packet = RtpPacket.deSerialize(Buffer.from(opened, 'base64'));
    } catch {
      // Not sealed for this circle, or not a packet: nothing anyone should hear.
      return;
    }
    this.forward(message.source, message.media, packet);
  }

  private share(message: DistributiveOmit<MediaMessage, 'from'>): void {
    this.options.processes?.bus
      .publish(mediaChannelOf(this.room.circleId), { ...message, from: this.unitId })
      .catch(() => {
        // The bus is away for a moment: this packet is lost, as on a lossy network.
      });
  }

  /** Every event of the circle comes here; the room has folded it already. */
  deliver(): void {
    this.follow();
  }

  /** The circle closed. */
  dismiss(): void {
    this.closeAll();
  }

  async connect(participantId: string, offerSdp: string): Promise<string | null> {
    this.answering += 1;
    try {
      return await this.answerOffer(participantId, offerSdp);
    } finally {
      this.answering -= 1;
    }
  }

  private async answerOffer(participantId: string, offerSdp: string): Promise<string | null> {
    const previous = this.browsers.get(participantId);
    // A new offer from the same person (a reload, another try) replaces their connection.
    if (previous) this.drop(previous);
    const { iceServers, portRange } = this.options;
    const pc = new RTCPeerConnection({
      iceServers,
      ...(portRange ? { icePortRange: portRange } : {}),
      codecs: relayCodecs(),
    });
    try {
      await pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
      if (this.ended) throw new Error('the circle’s media closed meanwhile');
      const transceivers = pc.getTransceivers();
      const [audio, video, guideAudio, guideVideo] = transceivers;
      if (
        !audio ||
        !video ||
        !guideAudio ||
        !guideVideo ||
        transceivers.length !== OFFERED_KINDS.length ||
        transceivers.some((transceiver, index) => transceiver.kind !== OFFERED_KINDS[index])
      ) {
        throw new Error('the offer does not have the unit’s four channels');
      }
      audio.setDirection('sendrecv');
      video.setDirection('sendrecv');
      guideAudio.setDirection('sendonly');
      guideVideo.setDirection('sendonly');
      const browser: Browser = {
        participantId,
        pc,
        camera: video,
        cameraSsrc: null,
        keyframeAskedAt: 0,
        slots: [
          { audio: audio.sender, video: video.sender },
          { audio: guideAudio.sender, video: guideVideo.sender },
        ].slice(0, RELAY_SLOTS),
      };
      this.browsers.set(participantId, browser);
      onIncoming(audio, (packet) => this.receive(browser, 'audio', packet));
      onIncoming(video, (packet) => {
        browser.cameraSsrc = packet.header.ssrc;
        this.receive(browser, 'video', packet);
      });
      // A listener who lost the picture asks; the one whose picture it is sends a keyframe.
      for (const [index, transceiver] of [video, guideVideo].entries()) {
        onKeyframeRequest(transceiver, () => {
          const sender = browser.slots[index]?.video;
          const source = sender && this.lastSource.get(sender);
          if (source !== undefined) this.askForKeyframe(source);
        });
      }
      pc.connectionStateChange.subscribe((state) => {
        if (state !== 'failed' && state !== 'closed') return;
        if (this.browsers.get(participantId) !== browser) return;
        this.drop(browser);
        this.closeIfEmpty();
      });
      await pc.setLocalDescription(await pc.createAnswer());
      await gathered(pc);
      const sdp = pc.localDescription?.sdp;
      // The person left, or offered again, while the answer was made.
      if (this.browsers.get(participantId) !== browser || !sdp) return null;
      return sdp;
    } catch (error) {
      this.options.log.info({ err: error, circleId: this.room.circleId }, 'relay offer refused');
      const current = this.browsers.get(participantId);
      if (current?.pc === pc) this.drop(current);
      else void pc.close();
      this.closeIfEmpty();
      return null;
    }
  }

  /** A packet from a browser here: forwarded here, and to the other processes' units. */
  private receive(from: Browser, kind: Kind, packet: RtpPacket): void {
    if (this.browsers.get(from.participantId) !== from) return;
    if (!this.forward(from.participantId, kind, packet)) return;
    const cipher = this.options.processes?.cipher;
    if (cipher) {
      // Redis sees voices pass as it sees the circle's events: sealed.
      const sealed = cipher.encrypt(
        packet.serialize().toString('base64'),
        mediaContextOf(this.room.circleId),
      );
      this.share({ kind: 'rtp', source: from.participantId, media: kind, sealed });
    }
  }

  /**
   * The third lock: a packet goes on only while this process's state of the circle opens its
   * source's microphone, in that microphone's slot. False when it was held back.
   */
  private forward(source: string, kind: Kind, packet: RtpPacket): boolean {
    const slot = this.voices.indexOf(source);
    if (slot < 0) return false;
    for (const to of this.browsers.values()) {
      if (to.participantId === source) continue;
      const sender = to.slots[slot]?.[kind];
      if (!sender) continue;
      if (this.lastSource.get(sender) !== source) {
        // Another voice in this slot: its numbers follow on from the last one's, and a listener
        // needs a keyframe before it can show the new picture.
        this.lastSource.set(sender, source);
        sender.replaceRTP(packet.header, true);
        if (kind === 'video') this.askForKeyframe(source);
      }
      sender.sendRtp(packet).catch(() => {
        // The listener's connection closed meanwhile: nothing to send to.
      });
    }
    return true;
  }

  /** Asks the source's camera for a keyframe: here, or through the unit it is connected to. */
  private askForKeyframe(source: string): void {
    const from = this.browsers.get(source);
    if (!from) {
      this.share({ kind: 'keyframe', source });
      return;
    }
    const now = Date.now();
    if (from.cameraSsrc === null || now - from.keyframeAskedAt < KEYFRAME_INTERVAL_MS) return;
    from.keyframeAskedAt = now;
    from.camera.receiver.sendRtcpPLI(from.cameraSsrc).catch(() => {
      // Closed meanwhile: the next source change asks again.
    });
  }

  /** Follows the state: who is heard, and who is still connected. */
  follow(): void {
    if (this.ended) return;
    const state = this.room.state;
    if (state.status === 'closed' || mediaTopology(state, this.options.meshLimit) === 'mesh') {
      this.closeAll();
      return;
    }
    for (const browser of [...this.browsers.values()]) {
      if (!hasMedia(state, browser.participantId)) this.drop(browser);
    }
    const voices = voiceSlots(state);
    for (const id of voices) {
      if (this.browsers.has(id) && !this.voices.includes(id)) this.askForKeyframe(id);
    }
    this.voices = voices;
    this.closeIfEmpty();
  }

  private drop(browser: Browser): void {
    if (this.browsers.get(browser.participantId) === browser) {
      this.browsers.delete(browser.participantId);
    }
    void browser.pc.close().catch(() => {});
  }

  private closeIfEmpty(): void {
    if (this.browsers.size === 0 && this.answering === 0) this.closeAll();
  }

  closeAll(): void {
    this.ended = true;
    void this.unsubscribe?.then((unsubscribe) => unsubscribe()).catch(() => {});
    this.unsubscribe = null;
    for (const browser of [...this.browsers.values()]) this.drop(browser);
    this.room.release(this);
    this.forget(this);
  }
}
