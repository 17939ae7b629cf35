import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intervalSpan, stackedSegments } from './chart.ts';

describe('a stacked bar', () => {
  it('gives each choice its share of the width, in the order agree, disagree, pass', () => {
    expect(stackedSegments({ agree: 2, disagree: 1, pass: 1 }, 100)).toEqual([
      { choice: 'agree', x: 0, width: 50 },
      { choice: 'disagree', x: 50, width: 25 },
      { choice: 'pass', x: 75, width: 25 },
    ]);
  });

  it('leaves out a choice nobody made and draws nothing when nobody voted', () => {
    expect(stackedSegments({ agree: 3, disagree: 0, pass: 1 }, 100).map((s) => s.choice)).toEqual([
      'agree',
      'pass',
    ]);
    expect(stackedSegments({ agree: 0, disagree: 0, pass: 0 }, 100)).toEqual([]);
  });

  it('fills the whole width with no gap or overlap, whatever the counts', () => {
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.nat(1000),
        fc.nat(1000),
        fc.integer({ min: 1, max: 600 }),
        (agree, disagree, pass, width) => {
          const segments = stackedSegments({ agree, disagree, pass }, width);
          if (agree + disagree + pass === 0) return segments.length === 0;
          let x = 0;
          for (const segment of segments) {
            if (segment.x !== x || segment.width <= 0) return false;
            x += segment.width;
          }
          return x === width;
        },
      ),
    );
  });
});

describe("the agree rate's interval", () => {
  it('runs between its ends along the bar, within the bar', () => {
    expect(intervalSpan([0.48, 0.75], 200)).toEqual({ x1: 96, x2: 150 });
    expect(intervalSpan([-0.1, 1.2], 200)).toEqual({ x1: 0, x2: 200 });
  });
});
