import fc from 'fast-check';
import {
  apply,
  type CaseCommand,
  type CaseCommandType,
  type CaseEvent,
  type CaseState,
  type Decision,
  decide,
  outcomes,
  partyRoles,
  REASON_MAX,
} from './machine.ts';

// Random conference cases for the property tests: commands a case team might send in any order,
// and a player that keeps what the rules accept, as the server does.

/** The people who may become parties, and the agreement items a case may hold. */
const partyIds = ['ana', 'ben', 'lee', 'sol', 'tom', 'uma'] as const;
const itemIds = ['apology', 'repairs', 'training'] as const;

const reason = fc.oneof(
  { weight: 8, arbitrary: fc.constant('The parties asked for it.') },
  fc.constantFrom('', '   ', 'x'.repeat(REASON_MAX + 1)),
);
const partyId = fc.constantFrom(...partyIds);
const itemId = fc.constantFrom(...itemIds);
// Mostly yes, so that cases get past screening often enough to test what follows.
const mostlyTrue = fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, fc.constant(false));
const role = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('harmed', 'responsible' as const) },
  fc.constantFrom(...partyRoles),
);

/** Each command of the workflow, with the values a case team might send, valid or not. */
const commandOf = {
  begin_screening: fc.constant({ type: 'begin_screening' } as const),
  record_eligibility: fc.record({
    type: fc.constant('record_eligibility' as const),
    eligible: mostlyTrue,
    reason,
  }),
  record_safety: fc.record({
    type: fc.constant('record_safety' as const),
    safe: mostlyTrue,
    voluntary: mostlyTrue,
  }),
  sign_off: fc.record({
    type: fc.constant('sign_off' as const),
    stage: fc.constantFrom('screening', 'closure' as const),
    approved: mostlyTrue,
    comment: reason,
  }),
  accept: fc.constant({ type: 'accept' } as const),
  route_back: fc.record({ type: fc.constant('route_back' as const), reason }),
  add_party: fc.record({ type: fc.constant('add_party' as const), partyId, role }),
  remove_party: fc.record({ type: fc.constant('remove_party' as const), partyId, reason }),
  give_consent: fc.record({
    type: fc.constant('give_consent' as const),
    partyId,
    version: fc.constant('2026-11'),
  }),
  withdraw_consent: fc.record({ type: fc.constant('withdraw_consent' as const), partyId, reason }),
  schedule: fc.record({
    type: fc.constant('schedule' as const),
    startsAt: fc.constant('2026-12-01T18:00:00.000Z'),
    mode: fc.constantFrom('in_person', 'online' as const),
  }),
  record_held: fc.constant({ type: 'record_held' } as const),
  begin_agreement: fc.constant({ type: 'begin_agreement' } as const),
  add_item: fc.record({ type: fc.constant('add_item' as const), itemId }),
  remove_item: fc.record({ type: fc.constant('remove_item' as const), itemId, reason }),
  settle_item: fc.record({
    type: fc.constant('settle_item' as const),
    itemId,
    status: fc.constantFrom('done', 'not_done' as const),
    reason,
  }),
  reopen_item: fc.record({ type: fc.constant('reopen_item' as const), itemId, reason }),
  confirm_agreement: fc.constant({ type: 'confirm_agreement' } as const),
  close: fc.record({
    type: fc.constant('close' as const),
    outcome: fc.constantFrom(...outcomes),
    reason: fc.oneof(reason, fc.constant('')),
  }),
  reopen: fc.record({ type: fc.constant('reopen' as const), reason }),
} satisfies { [Type in CaseCommandType]: fc.Arbitrary<Extract<CaseCommand, { type: Type }>> };

/** Any command at all. */
const caseCommand: fc.Arbitrary<CaseCommand> = fc.oneof(...Object.values(commandOf));

// Commands drawn uniformly mostly meet the wrong stage, and few cases would ever reach their
// agreement. So a case's commands come in phases, each mostly the commands of one part of the
// work and partly any command at all; a case may go round the phases more than once, which
// brings closures, reopenings and commands out of place.
const phase = (...types: CaseCommandType[]) =>
  fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.oneof(...types.map((type) => commandOf[type])) },
      caseCommand,
    ),
    { minLength: 4, maxLength: 30, size: 'max' },
  );
const round = fc.tuple(
  phase('begin_screening', 'record_eligibility', 'record_safety'),
  phase('sign_off', 'accept'),
  phase('add_party', 'give_consent'),
  phase('give_consent', 'schedule'),
  phase('record_held', 'begin_agreement', 'add_item', 'confirm_agreement'),
  phase('settle_item', 'reopen_item', 'remove_item', 'close', 'sign_off'),
  // A closure may wait for the reviewer while the work goes on.
  phase('close', 'sign_off', 'add_item', 'reopen_item', 'schedule', 'record_held'),
  phase('close', 'sign_off', 'reopen', 'withdraw_consent', 'remove_party'),
);
export const caseCommands: fc.Arbitrary<CaseCommand[]> = fc
  .array(round, { minLength: 1, maxLength: 3, size: 'max' })
  .map((rounds) => rounds.flat(2));

/** One command as the player met it: the state before, the decision, the state after. */
export interface Turn {
  before: CaseState;
  command: CaseCommand;
  stamp: { at: string; by: string };
  decision: Decision;
  after: CaseState;
}

interface Run {
  state: CaseState;
  events: CaseEvent[];
  turns: Turn[];
}

export const referralAt = '2026-11-02T09:00:00.000Z';
export const stampAt = (minute: number) =>
  new Date(Date.parse(referralAt) + minute * 60_000).toISOString();

/**
 * Plays commands against a new referral, appending the events of each accepted one, as the
 * server does. States are frozen, so that a `decide` that wrote to one would throw.
 */
export function play(
  misconduct: boolean,
  commands: readonly CaseCommand[],
  check?: (turn: Turn) => void,
): Run {
  const referred: CaseEvent = { type: 'referred', misconduct, at: referralAt, by: 'coordinator' };
  const events: CaseEvent[] = [referred];
  let state = deepFreeze(apply(null, referred));
  const turns: Turn[] = [];
  commands.forEach((command, index) => {
    const stamp = { at: stampAt(index + 1), by: 'facilitator' };
    const decision = decide(state, command, stamp);
    const before = state;
    if ('events' in decision) {
      events.push(...decision.events);
      state = deepFreeze(decision.events.reduce<CaseState>(apply, state));
    }
    const turn = { before, command, stamp, decision, after: state };
    turns.push(turn);
    check?.(turn);
  });
  return { state, events, turns };
}

/** The events of a decision the rules accepted; throws with the refusal's words otherwise. */
export function accepted(decision: Decision): CaseEvent[] {
  if ('refused' in decision) {
    throw new Error(`Refused (${decision.refused.code}): ${decision.refused.message}`);
  }
  return decision.events;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
