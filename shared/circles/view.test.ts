import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from './machine.ts';
import { cast, ids, play, step } from './machine-testing.ts';
import { eventFor, type Viewer, viewFor } from './view.ts';

const viewers: Viewer[] = ids.map((id) => ({
  id,
  keeper: cast[id] === 'keeper' || cast[id] === 'co_keeper',
}));
const steps = fc.array(step, { minLength: 10, maxLength: 120, size: 'max' });

describe('what each person in a circle is shown', () => {
  it('folds, from the events each person receives, exactly the snapshot made for them', () => {
    fc.assert(
      fc.property(steps, (played) => {
        const { state, events } = play(played);
        for (const viewer of viewers) {
          const received = events.map((event) => eventFor(event, viewer));
          expect(fold(received)).toEqual(viewFor(state, viewer));
          expect(received.map((event) => event.at)).toEqual(events.map((event) => event.at));
        }
      }),
    );
  });

  it('shows only the keepers who asked for a private word, who reported and who consented', () => {
    fc.assert(
      fc.property(steps, (played) => {
        const { state } = play(played);
        for (const viewer of viewers) {
          const seen = viewFor(state, viewer);
          const others = (by: string) => by !== viewer.id;
          const privateWords = seen.privateWords.filter((word) => others(word.by));
          const reports = seen.messages.flatMap((message) => message.reportedBy.filter(others));
          const consents = seen.participants.filter((p) => others(p.id) && p.consented);
          if (viewer.keeper) {
            expect(seen).toEqual(state);
          } else {
            expect([...privateWords, ...reports, ...consents]).toEqual([]);
          }
          // Everyone sees their own.
          const own = (word: { by: string }) => word.by === viewer.id;
          expect(seen.privateWords.filter(own)).toEqual(state.privateWords.filter(own));
          const mine = (p: { id: string }) => p.id === viewer.id;
          expect(seen.participants.find(mine)).toEqual(state.participants.find(mine));
        }
      }),
    );
  });
});
