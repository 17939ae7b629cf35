import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apply,
  type CircleCommand,
  type CircleEvent,
  type CircleState,
  decide,
  isAvailable,
  isKeeper,
  nextHolder,
  participantOf,
  transcriptAllowed,
  transcriptOf,
  voiceByGroup,
} from './machine.ts';
import { cast, ids, play, step } from './machine-testing.ts';

const keeperOnly = new Set<CircleCommand['type']>([
  'open',
  'move_stage',
  'pose_question',
  'pause',
  'resume',
  'take_piece',
  'give_piece',
  'hide',
  'remove',
  'lock',
  'unlock',
  'close',
  'guide_aloud',
]);

describe('the rules of a circle', () => {
  it('keeps every rule over any sequence of commands from anyone', () => {
    const accepted = { post: 0, pass: 0, remove: 0, close: 0, ask_private_word: 0 };
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 120, size: 'max' }), (steps) => {
        const { state, events } = play(steps, (before, actor, command, after) => {
          if (command.type in accepted) accepted[command.type as keyof typeof accepted] += 1;
          // Only the holder speaks.
          if (command.type === 'post') expect(before.holder).toBe(actor);
          // Only keepers hold the controls.
          if (keeperOnly.has(command.type)) expect(isKeeper(before, actor)).toBe(true);
          // Passing gives the piece to the next available person in seating order.
          if (command.type === 'pass') expect(after.holder).toBe(nextHolder(before, actor));
          // The piece never rests with someone who is not there to hold it.
          if (after.holder !== null) {
            expect(isAvailable(participantOf(after, after.holder))).toBe(true);
          }
          // Whoever leaves, steps out or is removed while holding it passes it on.
          if (['leave', 'step_out'].includes(command.type)) expect(after.holder).not.toBe(actor);
          if (command.type === 'remove') expect(after.holder).not.toBe(command.participantId);
          // A young person's private word reaches two keepers, never one.
          if (command.type === 'ask_private_word' && participantOf(before, actor)?.minor) {
            const keepers = before.participants.filter((each) => isKeeper(before, each.id));
            expect(keepers.length).toBeGreaterThanOrEqual(2);
          }
        });
        // Nothing is kept unless everyone who took part said yes.
        if (transcriptOf(state).length > 0) {
          expect(state.participants.every((participant) => participant.consented)).toBe(true);
        }
        // Every turn is counted once, when the piece arrives.
        const arrivals = events.filter((event) => event.type === 'piece_moved' && event.to);
        const turns = Object.values(state.voice).reduce((sum, voice) => sum + voice.turns, 0);
        expect(turns).toBe(arrivals.length);
        // A removed person stays out.
        for (const participant of state.participants) {
          if (participant.removed) expect(participant.present).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
    // The generated circles got far enough to test something: people spoke, passed, were removed.
    for (const count of Object.values(accepted))
      expect(count, JSON.stringify(accepted)).toBeGreaterThan(5);
  });

  it('passes the piece round in seating order, skipping whoever stepped out or left', () => {
    const { state } = play([
      { actor: 'kim', command: { type: 'join', name: 'Kim', role: 'keeper' } },
      { actor: 'ana', command: { type: 'join', name: 'Ana', role: 'resident' } },
      { actor: 'officer', command: { type: 'join', name: 'Officer Lee', role: 'officer' } },
      { actor: 'ben', command: { type: 'join', name: 'Ben', role: 'resident' } },
      { actor: 'kim', command: { type: 'open' } },
    ]);
    expect(state.holder).toBe('kim');
    const round = (from: CircleState, actors: string[]) =>
      actors.reduce((current, actor) => {
        const decision = decide(current, actor, { type: 'pass' });
        if ('refusal' in decision) throw new Error(`${actor}: ${decision.refusal}`);
        return decision.events.reduce(
          (next, event) => apply(next, { ...event, at: 1 } as CircleEvent),
          current,
        );
      }, from);
    expect(round(state, ['kim']).holder).toBe('ana');
    const officerStepsOut = apply(state, { type: 'stepped_out', participantId: 'officer', at: 1 });
    expect(round(officerStepsOut, ['kim', 'ana']).holder).toBe('ben');
    expect(round(officerStepsOut, ['kim', 'ana', 'ben']).holder).toBe('kim');
  });

  it('seats a conference by its speaking order, whoever arrives first, and passes by it', () => {
    // The plan: the keeper, then the person harmed, the person responsible, a supporter; the
    // co-keeper has no place, so they sit after everyone placed.
    const places: Record<string, number | undefined> = { kim: 0, ana: 1, officer: 2, ben: 3 };
    const arrivals = fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length });
    fc.assert(
      fc.property(arrivals, fc.array(fc.constantFrom(...ids), { maxLength: 6 }), (order, out) => {
        const joins = order.map((actor) => {
          const place = places[actor];
          return {
            actor,
            command: {
              type: 'join',
              name: actor,
              role: cast[actor] ?? 'other',
              ...(place === undefined ? {} : { place }),
            } as CircleCommand,
          };
        });
        // Some leave and come back, which keeps their seat.
        const returns = out.flatMap((actor) => [
          { actor, command: { type: 'leave' } as CircleCommand },
          { actor, command: { type: 'join', name: actor, role: 'resident' } as CircleCommand },
        ]);
        const { state } = play([...joins, ...returns, { actor: 'kim', command: { type: 'open' } }]);
        const seating = state.participants.map((participant) => participant.id);
        expect(seating.slice(0, 4)).toEqual(['kim', 'ana', 'officer', 'ben']);
        // Those without a place sit after, in the order they came.
        expect(seating.slice(4)).toEqual(order.filter((actor) => places[actor] === undefined));
        expect(state.participants.map((participant) => participant.seat)).toEqual(
          seating.map((_, seat) => seat),
        );
        // The piece goes from the keeper to each in the plan's order.
        let current = state;
        const holders: (string | null)[] = [current.holder];
        for (let turn = 0; turn < 3; turn += 1) {
          const decision = decide(current, current.holder ?? '', { type: 'pass' });
          if ('refusal' in decision) throw new Error(decision.refusal);
          current = decision.events.reduce(
            (next, event) => apply(next, { ...event, at: 1 } as CircleEvent),
            current,
          );
          holders.push(current.holder);
        }
        expect(holders).toEqual(['kim', 'ana', 'officer', 'ben']);
      }),
      { numRuns: 200 },
    );
  });

  it('lets no one speak out of turn, and only keepers guide and protect', () => {
    const { state } = play([
      { actor: 'kim', command: { type: 'join', name: 'Kim', role: 'keeper' } },
      { actor: 'ana', command: { type: 'join', name: 'Ana', role: 'resident' } },
      { actor: 'kim', command: { type: 'open' } },
    ]);
    expect(decide(state, 'ana', { type: 'post', messageId: 'm1', text: 'Hello' })).toEqual({
      refusal: 'not_holder',
    });
    expect(decide(state, 'ana', { type: 'pause' })).toEqual({ refusal: 'not_keeper' });
    expect(decide(state, 'ana', { type: 'remove', participantId: 'kim' })).toEqual({
      refusal: 'not_keeper',
    });
    expect(decide(state, 'kim', { type: 'remove', participantId: 'kim' })).toEqual({
      refusal: 'keeper_cannot_be_removed',
    });
    const paused = apply(state, { type: 'paused', by: 'kim', at: 5 });
    expect(decide(paused, 'kim', { type: 'post', messageId: 'm1', text: 'Hi' })).toEqual({
      refusal: 'paused',
    });
    const locked = apply(state, { type: 'locked', by: 'kim', at: 5 });
    expect(decide(locked, 'ben', { type: 'join', name: 'Ben', role: 'resident' })).toEqual({
      refusal: 'locked',
    });
    const removed = apply(state, { type: 'removed', participantId: 'ana', by: 'kim', at: 6 });
    expect(decide(removed, 'ana', { type: 'join', name: 'Ana', role: 'resident' })).toEqual({
      refusal: 'removed',
    });
  });

  it('sends a young person’s private word to two keepers or no one, and an adult’s as before', () => {
    const { state } = play([
      { actor: 'kim', command: { type: 'join', name: 'Kim', role: 'keeper' } },
      { actor: 'dee', command: { type: 'join', name: 'Dee', role: 'resident' } },
      { actor: 'ana', command: { type: 'join', name: 'Ana', role: 'resident' } },
      { actor: 'kim', command: { type: 'open' } },
    ]);
    expect(participantOf(state, 'dee')?.minor).toBe(true);
    expect(decide(state, 'dee', { type: 'ask_private_word' })).toEqual({
      refusal: 'needs_two_keepers',
    });
    expect(decide(state, 'ana', { type: 'ask_private_word' })).toMatchObject({
      events: [{ type: 'private_word_asked', by: 'ana' }],
    });
    const withCole = play([
      { actor: 'kim', command: { type: 'join', name: 'Kim', role: 'keeper' } },
      { actor: 'cole', command: { type: 'join', name: 'Cole', role: 'co_keeper' } },
      { actor: 'dee', command: { type: 'join', name: 'Dee', role: 'resident' } },
    ]);
    expect(decide(withCole.state, 'dee', { type: 'ask_private_word' })).toMatchObject({
      events: [{ type: 'private_word_asked', by: 'dee' }],
    });
    const coleLeft = apply(withCole.state, { type: 'left', participantId: 'cole', at: 9_000 });
    expect(decide(coleLeft, 'dee', { type: 'ask_private_word' })).toEqual({
      refusal: 'needs_two_keepers',
    });
  });

  it('keeps a transcript only when everyone who took part consented, the one who left too', () => {
    const steps = [
      { actor: 'kim', command: { type: 'join', name: 'Kim', role: 'keeper' } },
      { actor: 'ana', command: { type: 'join', name: 'Ana', role: 'resident' } },
      { actor: 'kim', command: { type: 'open' } },
      { actor: 'kim', command: { type: 'post', messageId: 'm1', text: 'Welcome.' } },
      { actor: 'kim', command: { type: 'consent', transcript: true } },
      { actor: 'ana', command: { type: 'leave' } },
      { actor: 'kim', command: { type: 'close' } },
    ] as const;
    const { state } = play([...steps]);
    expect(transcriptAllowed(state)).toBe(false);
    expect(transcriptOf(state)).toEqual([]);
    const withAna = play([
      ...steps.slice(0, 5),
      { actor: 'ana', command: { type: 'consent', transcript: true } },
      ...steps.slice(5),
    ]);
    expect(transcriptOf(withAna.state).map((message) => message.text)).toEqual(['Welcome.']);
  });

  it('counts each person’s turns and time with the piece', () => {
    const { state } = play([
      { actor: 'kim', command: { type: 'join', name: 'Kim', role: 'keeper' } },
      { actor: 'officer', command: { type: 'join', name: 'Officer Lee', role: 'officer' } },
      { actor: 'kim', command: { type: 'open' } },
      { actor: 'kim', command: { type: 'pass' } },
      { actor: 'officer', command: { type: 'post', messageId: 'm1', text: 'I hear you.' } },
      { actor: 'officer', command: { type: 'pass' } },
      { actor: 'kim', command: { type: 'close' } },
    ]);
    expect(state.voice.kim?.turns).toBe(2);
    expect(state.voice.officer).toEqual({ turns: 1, heldMs: 2_000 });
    expect(voiceByGroup(state)).toEqual({
      officers: { turns: 1, heldMs: 2_000, people: 1 },
      residents: { turns: 0, heldMs: 0, people: 0 },
      others: { turns: 2, heldMs: 2_000, people: 1 },
    });
  });
});
