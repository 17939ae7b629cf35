import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FOLD_ABOVE, foldedTiles, SHOWN_FOLDED } from './tiles.ts';

// Which listeners' tiles fold away on a phone in a large circle.

const circle = fc
  .uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 30 })
  .chain((numbers) => {
    const listeners = numbers.map((number) => `p${number}`);
    return fc.record({
      listeners: fc.constant(listeners),
      pinned: fc
        .subarray(listeners, { maxLength: Math.min(3, listeners.length) })
        .map((ids) => new Set(ids)),
    });
  });

describe('folding the tiles on a phone', () => {
  it('folds nothing in a small circle', () => {
    expect(foldedTiles(['a', 'b', 'c', 'd'], new Set(['a']))).toEqual(new Set());
  });

  it('shows the first few in seating order, and the person and whoever is heard wherever they sit', () => {
    const listeners = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    expect([...foldedTiles(listeners, new Set())]).toEqual(['d', 'e', 'f', 'g', 'h']);
    expect([...foldedTiles(listeners, new Set(['g', 'b']))]).toEqual(['c', 'd', 'e', 'f', 'h']);
  });

  it('never folds the pinned, folds only the listeners, and shows a row once it folds', () => {
    fc.assert(
      fc.property(circle, ({ listeners, pinned }) => {
        const folded = foldedTiles(listeners, pinned);
        for (const id of folded) {
          expect(pinned.has(id)).toBe(false);
          expect(listeners).toContain(id);
        }
        if (listeners.length <= FOLD_ABOVE) expect(folded.size).toBe(0);
        else {
          expect(listeners.length - folded.size).toBe(Math.max(SHOWN_FOLDED, pinned.size));
        }
      }),
    );
  });
});
