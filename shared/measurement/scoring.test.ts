import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findItem, itemsFor } from './item-bank.ts';
import { constructScore, scoreResponse, trustIndex } from './scoring.ts';

const heard = ['heard.listened', 'heard.understood', 'heard.taken_seriously', 'heard.interrupted'];

describe('scoring a response', () => {
  it('averages the answered items of a construct, flipping the reverse-scored ones', () => {
    const answers = {
      'heard.listened': 5,
      'heard.understood': 4,
      'heard.taken_seriously': 4,
      'heard.interrupted': 2, // rarely interrupted: counts as 4
    };
    expect(constructScore('heard', heard, answers)).toBe(4.25);
  });

  it('gives no score when fewer than half the asked items were answered', () => {
    expect(constructScore('heard', heard, { 'heard.listened': 5 })).toBeNull();
    expect(
      constructScore('heard', heard, { 'heard.listened': 5, 'heard.interrupted': null }),
    ).toBeNull();
    expect(constructScore('heard', heard, { 'heard.listened': 5, 'heard.understood': 3 })).toBe(4);
    // Half is counted from the items this survey asked, not from the whole bank.
    expect(constructScore('heard', ['heard.listened'], { 'heard.listened': 2 })).toBe(2);
    expect(constructScore('heard', ['heard.listened'], {})).toBeNull();
  });

  it('scores only the constructs the survey asked about, and refuses answers off the scale', () => {
    const asked = ['safety.night', 'safety.crime_worry', 'reporting.call_for_help'];
    expect(scoreResponse(asked, { 'safety.night': 2, 'safety.crime_worry': 5 })).toEqual({
      safety: 1.5,
      reporting: null,
    });
    expect(() => constructScore('safety', asked, { 'safety.night': 6 })).toThrow(RangeError);
    expect(() => constructScore('safety', asked, { 'safety.night': 2.5 })).toThrow(RangeError);
  });

  it('makes the trust index the mean of respect, voice, neutrality and motives, or nothing', () => {
    expect(trustIndex({ respect: 4, voice: 3, neutrality: 2, motives: 5, safety: 1 })).toBe(3.5);
    expect(trustIndex({ respect: 4, voice: 3, neutrality: null, motives: 5 })).toBeNull();
    expect(trustIndex({ respect: 4, voice: 3, neutrality: 2 })).toBeNull();
  });

  it('keeps every score on the 1-5 scale, and mirrors it when every answer is mirrored', () => {
    const asked = itemsFor('pulse').map((item) => item.id);
    const answers = fc.dictionary(
      fc.constantFrom(...asked),
      fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    );
    fc.assert(
      fc.property(answers, (given) => {
        const mirrored = Object.fromEntries(
          Object.entries(given).map(([id, a]) => [id, a === null ? null : 6 - a]),
        );
        const scores = scoreResponse(asked, given);
        const mirroredScores = scoreResponse(asked, mirrored);
        for (const [construct, score] of Object.entries(scores)) {
          const other = mirroredScores[construct as keyof typeof scores];
          if (score === null || score === undefined) {
            expect(other).toBeNull();
            continue;
          }
          expect(score).toBeGreaterThanOrEqual(1);
          expect(score).toBeLessThanOrEqual(5);
          expect(other).toBeCloseTo(6 - score, 10);
        }
        const index = trustIndex(scores);
        if (index !== null) expect(trustIndex(mirroredScores)).toBeCloseTo(6 - index, 10);
        expect(findItem('reporting.think_twice')?.reverse).toBe(true);
      }),
    );
  });
});
