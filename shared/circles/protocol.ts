import { z } from 'zod';
import {
  acknowledgements,
  type CircleEvent,
  type CircleState,
  circleRoles,
  MESSAGE_MAX,
  mediaModes,
  QUESTION_MAX,
  type Refusal,
  stages,
} from './machine.ts';

// The circle's WebSocket protocol, validated on both sides. Every server event carries the
// circle's sequence number; a client acknowledges what it has folded, resumes after a dropped
// connection from the last number it saw, and gets a snapshot when it has been away too long.

/** A frame longer than this (in characters) is refused before it is parsed. */
export const FRAME_MAX_LENGTH = 16_384;
/** The server pings an idle connection this often, under the 45 s that NATs and proxies allow. */
export const HEARTBEAT_MS = 25_000;

const id = z.string().min(1).max(64);

export const circleCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open') }),
  z.object({
    type: z.literal('join'),
    name: z.string().trim().min(1).max(60),
    role: z.enum(circleRoles),
  }),
  z.object({ type: z.literal('leave') }),
  z.object({ type: z.literal('step_out') }),
  z.object({ type: z.literal('step_back') }),
  z.object({ type: z.literal('post'), messageId: id, text: z.string().max(MESSAGE_MAX) }),
  z.object({ type: z.literal('pass') }),
  z.object({
    type: z.literal('acknowledge'),
    messageId: id,
    kind: z.enum(acknowledgements),
  }),
  z.object({ type: z.literal('report'), messageId: id }),
  z.object({ type: z.literal('ask_private_word') }),
  z.object({ type: z.literal('consent'), transcript: z.boolean() }),
  z.object({ type: z.literal('choose_media'), media: z.enum(mediaModes) }),
  z.object({ type: z.literal('guide_aloud'), on: z.boolean() }),
  z.object({ type: z.literal('move_stage'), to: z.enum(stages) }),
  z.object({ type: z.literal('pose_question'), text: z.string().max(QUESTION_MAX) }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('take_piece') }),
  z.object({ type: z.literal('give_piece'), to: id }),
  z.object({ type: z.literal('hide'), messageId: id }),
  z.object({ type: z.literal('remove'), participantId: id }),
  z.object({ type: z.literal('lock') }),
  z.object({ type: z.literal('unlock') }),
  z.object({ type: z.literal('close') }),
]);

const sequence = z.number().int().min(0);

/** A session description is a few kilobytes; the frame's own limit leaves room for the rest. */
export const SDP_MAX_LENGTH = 15_000;

/**
 * A WebRTC session description, offered or answered, with its network candidates gathered in
 * (no trickling: one frame per side, so a circle's connections stay well inside the rate limit).
 */
export const mediaSignal = z.object({
  type: z.enum(['offer', 'answer']),
  sdp: z.string().min(1).max(SDP_MAX_LENGTH),
});
export type MediaSignal = z.infer<typeof mediaSignal>;

/** A caption is a line of speech, not a speech: a longer final result is sent in pieces. */
export const CAPTION_MAX = 300;

/** What a client sends. */
export const clientFrame = z.discriminatedUnion('kind', [
  /** First frame on a connection: which circle, and the last sequence number already folded. */
  z.object({ kind: z.literal('hello'), circleId: z.uuid(), lastSeq: sequence.nullable() }),
  /** `requestId` comes back on the answer, so the client knows which command it was. */
  z.object({ kind: z.literal('command'), requestId: id, command: circleCommand }),
  z.object({ kind: z.literal('ack'), seq: sequence }),
  z.object({ kind: z.literal('pong') }),
  /** For one other participant's browser only; relayed, never stored. */
  z.object({ kind: z.literal('signal'), to: id, signal: mediaSignal }),
  /**
   * The speaker's words as their browser recognised them, for everyone else in the room; live
   * only, never stored. `final` is false while the browser may still change them.
   */
  z.object({
    kind: z.literal('caption'),
    text: z.string().trim().min(1).max(CAPTION_MAX),
    final: z.boolean(),
  }),
]);
export type ClientFrame = z.infer<typeof clientFrame>;

/** Why a frame or a connection was refused, for the client that sent it only. */
export const frameProblems = [
  'bad_frame',
  'too_large',
  'unknown_circle',
  'not_allowed',
  'expired',
  'hello_first',
  'circle_closed',
  /** Frames came faster than a person sends them; the frame was dropped. */
  'too_many',
  /** The server could not store the command just now: nothing was kept; send it again. */
  'unavailable',
  /**
   * A voice-and-video signal for a browser that is not there to take it (its person left, or
   * went back to text, a moment ago): nothing was passed on; the connection goes on.
   */
  'not_reachable',
  /**
   * A caption from someone whose microphone is not open (the piece moved on a moment ago):
   * nothing was passed on; the connection goes on.
   */
  'not_speaking',
] as const;
export type FrameProblem = (typeof frameProblems)[number];

/** A STUN or TURN server for the browsers' voice and video, as RTCPeerConnection takes it. */
export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

/** What the server sends; `event` frames are the circle's log, in order. */
export type ServerFrame =
  | {
      kind: 'welcome';
      circleId: string;
      you: string;
      seq: number;
      iceServers: IceServer[];
      /** Past this many browsers with media, the server's unit forwards voices (media.ts). */
      mediaMeshLimit: number;
    }
  | { kind: 'snapshot'; seq: number; state: CircleState }
  | { kind: 'event'; seq: number; event: CircleEvent }
  | { kind: 'accepted'; requestId: string; seq: number }
  | { kind: 'refused'; requestId: string; reason: Refusal }
  /** `requestId` names the command when the problem is about one (`unavailable`). */
  | { kind: 'problem'; problem: FrameProblem; detail: string; requestId?: string }
  | { kind: 'ping' }
  | { kind: 'signal'; from: string; signal: MediaSignal }
  | { kind: 'caption'; from: string; text: string; final: boolean };

/** Reads a client's frame: the frame, or the problem to answer with; never throws. */
export function readClientFrame(
  raw: string,
): { frame: ClientFrame } | { problem: FrameProblem; detail: string } {
  if (raw.length > FRAME_MAX_LENGTH) {
    return { problem: 'too_large', detail: `Frames are at most ${FRAME_MAX_LENGTH} characters.` };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { problem: 'bad_frame', detail: 'A frame is one JSON object.' };
  }
  const parsed = clientFrame.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      problem: 'bad_frame',
      detail: `${issue?.path.join('.') || 'frame'}: ${issue?.message ?? 'not understood'}`,
    };
  }
  return { frame: parsed.data };
}
