import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CircleCommand,
  type CircleState,
  isAvailable,
  isKeeper,
  type MediaMode,
  mediaOf,
  participantOf,
} from './machine.ts';
import { ids, play, step } from './machine-testing.ts';
import {
  hasMedia,
  mayConnectMedia,
  mediaLinks,
  mediaPeers,
  mediaTopology,
  openMicrophones,
  RELAY_PEER,
  RELAY_SLOTS,
  voiceSlots,
} from './media.ts';

const steps = fc.array(step, { minLength: 10, maxLength: 150, size: 'max' });

type Step = { actor: string; command: CircleCommand };
const joinWith = (actor: string, media: MediaMode): Step[] => [
  { actor, command: { type: 'join', name: actor, role: 'resident' } },
  { actor, command: { type: 'choose_media', media } },
];
/** A circle under way where the keepers and two others took part by voice or camera. */
const underWay = steps.map((run): Step[] => [
  ...joinWith('kim', 'audio'),
  ...joinWith('cole', 'video'),
  ...joinWith('ana', 'video'),
  ...joinWith('officer', 'audio'),
  { actor: 'kim', command: { type: 'open' } },
  ...run,
]);

/** Every open microphone is the holder's while the circle runs, or a keeper's guiding aloud. */
function expectOnlyTheHolderAndAGuide(state: CircleState) {
  const open = openMicrophones(state);
  expect(open.length).toBeLessThanOrEqual(2);
  expect(new Set(open).size).toBe(open.length);
  for (const id of open) {
    const participant = participantOf(state, id);
    expect(isAvailable(participant)).toBe(true);
    expect(participant && mediaOf(participant)).not.toBe('text');
    const holding = state.status === 'open' && state.holder === id;
    const guiding = state.guiding === id && isKeeper(state, id);
    expect(holding || guiding).toBe(true);
  }
}

describe('the talking piece holds the microphone', () => {
  it('opens only the holder’s microphone, and a guiding keeper’s, over any run of commands', () => {
    const seen = { open: 0, guiding: 0, two: 0 };
    fc.assert(
      fc.property(underWay, (run) => {
        play(run, (before, actor, command, after) => {
          expectOnlyTheHolderAndAGuide(after);
          const open = openMicrophones(after);
          if (open.length > 0) seen.open += 1;
          if (after.guiding !== null) seen.guiding += 1;
          if (open.length === 2) seen.two += 1;
          // Passing the piece moves the microphone: the one who passed is silent unless guiding
          // (or alone, when the piece comes straight back).
          if (command.type === 'pass' && after.holder !== actor) {
            expect(open.includes(actor)).toBe(after.guiding === actor);
          }
          // Guiding aloud ends when the keeper leaves, steps out or puts the microphone away.
          if (
            before.guiding === actor &&
            (['leave', 'step_out'].includes(command.type) ||
              (command.type === 'choose_media' && command.media === 'text'))
          ) {
            expect(after.guiding).toBeNull();
          }
        });
      }),
      { numRuns: 400 },
    );
    // The generated circles reached the cases that matter.
    for (const count of Object.values(seen)) expect(count, JSON.stringify(seen)).toBeGreaterThan(5);
  });

  it('never opens a microphone while the circle is paused, but a keeper may still guide', () => {
    // Kim keeps the circle by voice; Ana, with her camera, is given the piece.
    const passedToAna: Step[] = [
      { actor: 'kim', command: { type: 'join', name: 'x', role: 'keeper' } },
      { actor: 'ana', command: { type: 'join', name: 'x', role: 'resident' } },
      { actor: 'kim', command: { type: 'choose_media', media: 'audio' } },
      { actor: 'ana', command: { type: 'choose_media', media: 'video' } },
      { actor: 'kim', command: { type: 'open' } },
      { actor: 'kim', command: { type: 'pass' } },
    ];
    const { state } = play(passedToAna);
    expect(state.holder).toBe('ana');
    expect(openMicrophones(state)).toEqual(['ana']);
    const paused: Step[] = [...passedToAna, { actor: 'kim', command: { type: 'pause' } }];
    expect(openMicrophones(play(paused).state)).toEqual([]);
    const { state: guided } = play([
      ...paused,
      { actor: 'ana', command: { type: 'guide_aloud', on: true } },
      { actor: 'kim', command: { type: 'guide_aloud', on: true } },
    ]);
    expect(guided.guiding).toBe('kim');
    expect(openMicrophones(guided)).toEqual(['kim']);
  });

  it('connects each pair of browsers with media once, with one of the two offering', () => {
    fc.assert(
      fc.property(underWay, (run) => {
        const { state } = play(run);
        for (const a of ids) {
          for (const b of ids) {
            expect(mayConnectMedia(state, a, b)).toBe(mayConnectMedia(state, b, a));
            const fromA = mediaPeers(state, a).find((peer) => peer.id === b);
            const fromB = mediaPeers(state, b).find((peer) => peer.id === a);
            expect(Boolean(fromA)).toBe(mayConnectMedia(state, a, b));
            if (fromA && fromB) expect(fromA.offers).not.toBe(fromB.offers);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the forwarding unit past the mesh limit', () => {
  const meshLimit = fc.integer({ min: 1, max: 8 });

  it('relays exactly when more browsers have media than the limit, and then links each only to the unit', () => {
    const seen = { mesh: 0, relay: 0 };
    fc.assert(
      fc.property(underWay, meshLimit, (run, limit) => {
        const { state } = play(run);
        const withMedia = ids.filter((id) => hasMedia(state, id));
        const topology = mediaTopology(state, limit);
        expect(topology).toBe(withMedia.length > limit ? 'relay' : 'mesh');
        seen[topology] += 1;
        for (const id of ids) {
          const links = mediaLinks(state, id, limit);
          if (topology === 'mesh') {
            expect(links).toEqual(mediaPeers(state, id));
          } else {
            // Only the unit, offered to by the browser; a browser without media has no link.
            expect(links).toEqual(hasMedia(state, id) ? [{ id: RELAY_PEER, offers: true }] : []);
          }
          expect(links.some((link) => link.id === id)).toBe(false);
        }
        expect(ids).not.toContain(RELAY_PEER);
      }),
      { numRuns: 300 },
    );
    expect(seen.mesh).toBeGreaterThan(10);
    expect(seen.relay).toBeGreaterThan(10);
  });

  it('puts the holder in the first slot and a guiding keeper in the next, and no one else', () => {
    fc.assert(
      fc.property(underWay, (run) => {
        play(run, (_before, _actor, _command, after) => {
          const slots = voiceSlots(after);
          expect(slots).toEqual(openMicrophones(after));
          expect(slots.length).toBeLessThanOrEqual(RELAY_SLOTS);
          const holderHeard = after.holder !== null && slots.includes(after.holder);
          if (holderHeard) expect(slots[0]).toBe(after.holder);
          for (const id of slots) expect(hasMedia(after, id)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});
