import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextStatement } from './voting-order.ts';

// The order of voting: unseen statements only, the ones with few votes more often.

const statements = fc.uniqueArray(
  fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), votes: fc.nat(50) }),
  { selector: (statement) => statement.id, maxLength: 30 },
);

describe('the next statement to vote on', () => {
  it('is always one the participant has not seen, and none once they have seen them all', () => {
    fc.assert(
      fc.property(
        statements,
        fc.array(fc.nat(40)),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (all, seenAt, random) => {
          const seen = new Set(seenAt.flatMap((index) => (all[index] ? [all[index].id] : [])));
          const next = nextStatement(all, seen, random);
          const unseen = all.filter((statement) => !seen.has(statement.id));
          if (unseen.length === 0) expect(next).toBeNull();
          else expect(unseen.map((statement) => statement.id)).toContain(next);
        },
      ),
    );
  });

  it('shows a statement with few votes more often than one with many', () => {
    const counts = new Map<string, number>();
    const few = { id: 'few', votes: 0 };
    const many = { id: 'many', votes: 9 };
    for (let draw = 0; draw < 1_000; draw += 1) {
      const next = nextStatement([few, many], new Set(), draw / 1_000) ?? '';
      counts.set(next, (counts.get(next) ?? 0) + 1);
    }
    // Weights 1 and 1/10: draws below 1 / 1.1 (910 of the 1,000 evenly spread) fall on 'few'.
    expect(counts.get('few')).toBe(910);
    expect(counts.get('many')).toBe(90);
  });
});
