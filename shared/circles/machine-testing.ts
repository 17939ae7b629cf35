import fc from 'fast-check';
import {
  acknowledgements,
  apply,
  type CircleCommand,
  type CircleEvent,
  type CircleRole,
  type CircleState,
  decide,
  initialState,
  mediaModes,
  stages,
} from './machine.ts';

// Random circles for the property tests: a cast, commands from anyone in it, and a player that
// keeps what the rules accept.

// People who may come to a circle: a keeper, a co-keeper, an officer and three residents, one
// of them (Dee) a young person under 18.
export const cast: Record<string, CircleRole> = {
  kim: 'keeper',
  cole: 'co_keeper',
  officer: 'officer',
  ana: 'resident',
  ben: 'resident',
  dee: 'resident',
};
export const ids = Object.keys(cast);
export const minors: ReadonlySet<string> = new Set(['dee']);

const messageId = fc.constantFrom('m1', 'm2', 'm3', 'm4');
const command: fc.Arbitrary<CircleCommand> = fc.oneof(
  {
    weight: 4,
    // A plain circle's join, or a conference's, with a place in its seating plan.
    arbitrary: fc.option(fc.nat(5), { nil: undefined }).map(
      (place): CircleCommand => ({
        type: 'join',
        name: 'x',
        role: 'resident',
        ...(place === undefined ? {} : { place }),
      }),
    ),
  },
  fc.constant({ type: 'open' } as const),
  fc.constant({ type: 'leave' } as const),
  fc.constant({ type: 'step_out' } as const),
  fc.constant({ type: 'step_back' } as const),
  {
    weight: 8,
    arbitrary: fc.record({
      type: fc.constant('post' as const),
      messageId,
      text: fc.oneof(
        { weight: 4, arbitrary: fc.constant('I felt unheard.') },
        fc.constantFrom('', '  ', 'x'.repeat(2_001)),
      ),
    }),
  },
  { weight: 4, arbitrary: fc.constant({ type: 'pass' } as const) },
  fc.record({
    type: fc.constant('acknowledge' as const),
    messageId,
    kind: fc.constantFrom(...acknowledgements),
  }),
  fc.record({ type: fc.constant('report' as const), messageId }),
  fc.constant({ type: 'ask_private_word' } as const),
  fc.record({ type: fc.constant('consent' as const), transcript: fc.boolean() }),
  // Taking part by voice is common, and keepers guide aloud now and then.
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('choose_media' as const),
      media: fc.constantFrom(...mediaModes, 'audio', 'video'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('guide_aloud' as const),
      on: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, fc.constant(false)),
    }),
  },
  fc.record({ type: fc.constant('move_stage' as const), to: fc.constantFrom(...stages) }),
  fc.record({ type: fc.constant('pose_question' as const), text: fc.constantFrom('', 'Why?') }),
  fc.constant({ type: 'pause' } as const),
  fc.constant({ type: 'resume' } as const),
  fc.constant({ type: 'take_piece' } as const),
  fc.record({ type: fc.constant('give_piece' as const), to: fc.constantFrom(...ids, 'nobody') }),
  fc.record({ type: fc.constant('hide' as const), messageId }),
  fc.record({ type: fc.constant('remove' as const), participantId: fc.constantFrom(...ids) }),
  fc.constant({ type: 'lock' } as const),
  fc.constant({ type: 'unlock' } as const),
  fc.constant({ type: 'close' } as const),
);
export const step = fc.record({ actor: fc.constantFrom(...ids), command });

/**
 * A join as the server sends it for this cast member: their own name and role, any place given,
 * and whether they are a minor.
 */
export const asSent = (actor: string, sent: CircleCommand): CircleCommand =>
  sent.type === 'join'
    ? {
        ...sent,
        name: actor,
        role: cast[actor] ?? 'other',
        ...(minors.has(actor) ? { minor: true as const } : {}),
      }
    : sent;

export interface Run {
  state: CircleState;
  events: CircleEvent[];
}

export function play(steps: { actor: string; command: CircleCommand }[], check?: Checker): Run {
  let state = initialState;
  const events: CircleEvent[] = [];
  let at = 0;
  for (const { actor, command: sent } of steps) {
    const command = asSent(actor, sent);
    const decision = decide(state, actor, command);
    if ('refusal' in decision) continue;
    const before = state;
    for (const event of decision.events) {
      at += 1_000;
      const stamped = { ...event, at } as CircleEvent;
      events.push(stamped);
      state = apply(state, stamped);
    }
    check?.(before, actor, command, state);
  }
  return { state, events };
}

export type Checker = (
  before: CircleState,
  actor: string,
  command: CircleCommand,
  after: CircleState,
) => void;
