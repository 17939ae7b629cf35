import {
  type MediaStreamTrack,
  useNACK as nackFeedback,
  useOPUS as opusCodec,
  PictureLossIndication,
  usePLI as pliFeedback,
  type RTCPeerConnection,
  type RTCRtpTransceiver,
  RtcpPayloadSpecificFeedback,
  type RtpPacket,
  useREMB as rembFeedback,
  useVP8 as vp8Codec,
} from 'werift';

// What the forwarding unit and its test browsers share of werift: the codecs, and where werift
// delivers packets, keyframe requests and gathered candidates.

/**
 * One codec of each kind, the same on every connection: every browser then sends what every
 * other can take as it is.
 */
export const relayCodecs = () => ({
  audio: [opusCodec()],
  video: [vp8Codec({ rtcpFeedback: [nackFeedback(), pliFeedback(), rembFeedback()] })],
});

/** A network that gathers its candidates slowly answers with what it has by then. */
const GATHER_LIMIT_MS = 3_000;

/**
 * Calls `listener` with every packet the transceiver receives, on whichever track werift makes
 * for it: one may be added when the stream's first packet or description arrives.
 */
export function onIncoming(
  transceiver: RTCRtpTransceiver,
  listener: (packet: RtpPacket) => void,
): void {
  const heard = new Set<MediaStreamTrack>();
  const listen = (track: MediaStreamTrack) => {
    if (heard.has(track)) return;
    heard.add(track);
    track.onReceiveRtp.subscribe((packet) => listener(packet));
  };
  listen(transceiver.receiver.track);
  for (const track of transceiver.receiver.tracks) listen(track);
  transceiver.onTrack.subscribe((track) => listen(track));
}

/**
 * Calls `listener` when the other side asks this transceiver's sender for a keyframe. werift
 * routes feedback by its sender's id first, so a PLI from a browser that also sends on this
 * channel reaches the receiver instead: both are heard.
 */
export function onKeyframeRequest(transceiver: RTCRtpTransceiver, listener: () => void): void {
  transceiver.sender.onPictureLossIndication.subscribe(listener);
  transceiver.receiver.onRtcp.subscribe((packet) => {
    if (
      packet instanceof RtcpPayloadSpecificFeedback &&
      packet.feedback instanceof PictureLossIndication &&
      packet.feedback.mediaSsrc === transceiver.sender.ssrc
    ) {
      listener();
    }
  });
}

export function gathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(finish, GATHER_LIMIT_MS);
    const { unSubscribe } = pc.iceGatheringStateChange.subscribe((state) => {
      if (state === 'complete') finish();
    });
    function finish() {
      clearTimeout(timer);
      unSubscribe();
      resolve();
    }
  });
}
