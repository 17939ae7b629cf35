import fc from 'fast-check';
import {
  acknowledgements,
  type CircleCommand,
  MESSAGE_MAX,
  QUESTION_MAX,
  stages,
} from '../../../shared/circles/machine.ts';
import {
  FRAME_MAX_LENGTH,
  type FrameProblem,
  readClientFrame,
} from '../../../shared/circles/protocol.ts';
import { maybe } from '../../testing/fuzz.ts';

// Frames a careless or hostile client sends to a live circle, and the answer each must get: for
// a client inside the circle that never joined it, and for one that has no seat in it.

export type BadFrame = { text: string } | { binary: Uint8Array };

export type Expected =
  | { kind: 'problem'; problem: FrameProblem }
  | { kind: 'refused'; reason: 'not_present'; requestId: string }
  | { kind: 'silence' };

export type Where = 'inside' | 'outside';

const id = fc.string({ minLength: 1, maxLength: 64 });
/** Further than any circle of a test gets. */
const FUTURE_SEQ = 1_000_000_000;
const text = (max: number) => fc.string({ minLength: 1, maxLength: max });

/** Every command a participant may send, well formed; `join` aside, which a stranger may not. */
export const wellFormedCommand: fc.Arbitrary<CircleCommand> = fc.oneof(
  fc.constantFrom<CircleCommand>(
    { type: 'open' },
    { type: 'leave' },
    { type: 'step_out' },
    { type: 'step_back' },
    { type: 'pass' },
    { type: 'ask_private_word' },
    { type: 'pause' },
    { type: 'resume' },
    { type: 'take_piece' },
    { type: 'lock' },
    { type: 'unlock' },
    { type: 'close' },
  ),
  fc.record({ type: fc.constant('post' as const), messageId: id, text: text(MESSAGE_MAX) }),
  fc.record({
    type: fc.constant('acknowledge' as const),
    messageId: id,
    kind: fc.constantFrom(...acknowledgements),
  }),
  fc.record({ type: fc.constant('report' as const), messageId: id }),
  fc.record({ type: fc.constant('hide' as const), messageId: id }),
  fc.record({ type: fc.constant('consent' as const), transcript: fc.boolean() }),
  fc.record({ type: fc.constant('move_stage' as const), to: fc.constantFrom(...stages) }),
  fc.record({ type: fc.constant('pose_question' as const), text: text(QUESTION_MAX) }),
  fc.record({ type: fc.constant('give_piece' as const), to: id }),
  fc.record({ type: fc.constant('remove' as const), participantId: id }),
);

const json = (value: unknown) => JSON.stringify(value) ?? 'undefined';

/** Near-valid frames: each field right, wrong or missing. */
const nearFrame = fc
  .record({
    kind: maybe(fc.constantFrom('hello', 'command', 'ack', 'pong', 'signal', 'caption', 'shout')),
    requestId: maybe(id),
    command: maybe(
      fc.oneof(wellFormedCommand, fc.record({ type: fc.string(), text: fc.string() })),
    ),
    seq: maybe(fc.oneof(fc.integer({ min: -5 }), fc.double())),
    circleId: maybe(fc.uuid()),
    lastSeq: maybe(fc.oneof(fc.constant(null), fc.integer())),
    to: maybe(id),
    signal: maybe(
      fc.record({
        type: fc.constantFrom('offer', 'answer', 'pranswer'),
        sdp: fc.oneof(fc.string({ maxLength: 40 }), fc.constant('')),
      }),
    ),
    text: maybe(fc.oneof(fc.string({ maxLength: 40 }), fc.constant(' '))),
    final: maybe(fc.boolean()),
  })
  .map(json);

export function badFrames(circleId: string): fc.Arbitrary<BadFrame> {
  return fc
    .oneof(
      // Over the frame limit, under the socket's own.
      fc
        .integer({ min: FRAME_MAX_LENGTH + 1, max: 60_000 })
        .map((length) => json({ kind: 'pong', padding: 'x'.repeat(length) })),
      fc.string({ maxLength: 200 }),
      fc.jsonValue().map(json),
      nearFrame,
      // Commands out of turn: the sender is not (or not yet) in the circle.
      fc
        .record({ requestId: id, command: wellFormedCommand })
        .map((frame) => json({ kind: 'command', ...frame })),
      // A greeting to this circle, to one that does not exist, and an acknowledgement of the future.
      fc
        .oneof(fc.constant(circleId), fc.uuid())
        .map((circle) => json({ kind: 'hello', circleId: circle, lastSeq: null })),
      fc.integer({ min: FUTURE_SEQ }).map((seq) => json({ kind: 'ack', seq })),
    )
    .map((text): BadFrame => ({ text }));
}

export const binaryFrame = fc
  .uint8Array({ minLength: 1, maxLength: 256 })
  .map((binary): BadFrame => ({ binary }));

/** The answer a frame must get from where its sender stands. */
export function expectedAnswer(frame: BadFrame, where: Where, circleId: string): Expected {
  if ('binary' in frame) return { kind: 'problem', problem: 'bad_frame' };
  const read = readClientFrame(frame.text);
  if ('problem' in read) return { kind: 'problem', problem: read.problem };
  const parsed = read.frame;
  switch (parsed.kind) {
    case 'pong':
      return { kind: 'silence' };
    case 'hello':
      if (where === 'inside') return { kind: 'problem', problem: 'bad_frame' };
      return {
        kind: 'problem',
        problem: parsed.circleId === circleId ? 'not_allowed' : 'unknown_circle',
      };
    case 'ack':
      if (where === 'outside') return { kind: 'problem', problem: 'hello_first' };
      // An acknowledgement of an event that was sent is no fault; of one far ahead, it is.
      return parsed.seq >= FUTURE_SEQ
        ? { kind: 'problem', problem: 'bad_frame' }
        : { kind: 'silence' };
    case 'command':
      if (where === 'outside') return { kind: 'problem', problem: 'hello_first' };
      // Someone who never joined may not even join in this run: it would change the circle.
      if (parsed.command.type === 'join') return { kind: 'silence' };
      return { kind: 'refused', reason: 'not_present', requestId: parsed.requestId };
    case 'signal':
      // Only a participant's browser may reach another's.
      return { kind: 'problem', problem: where === 'outside' ? 'hello_first' : 'not_reachable' };
    case 'caption':
      // Only an open microphone is captioned, and no one who never joined has one.
      return { kind: 'problem', problem: where === 'outside' ? 'hello_first' : 'not_speaking' };
  }
}
