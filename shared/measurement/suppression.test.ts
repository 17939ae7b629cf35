import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Decision,
  decideFilteredFigure,
  isSmall,
  reveal,
  suppressBreakdown,
  suppressTable,
  type TableDecision,
} from './suppression.ts';
import { type ShownGrid, solve, subtractions } from './suppression-attacks.ts';

const reasonsOf = (cells: { key: string; decision: Decision }[]) =>
  Object.fromEntries(cells.map((c) => [c.key, c.decision.shown ? 'shown' : c.decision.reason]));

describe('a one-way breakdown (groups beside their total)', () => {
  it('hides a small group and the next smallest, so that the total cannot give it away', () => {
    const result = suppressBreakdown({
      cells: [
        { key: 'residents', n: 25 },
        { key: 'officers', n: 12 },
        { key: 'guardians', n: 3 },
      ],
      total: 40,
    });
    expect(result.total).toEqual({ shown: true });
    expect(reasonsOf(result.cells)).toEqual({
      residents: 'shown',
      officers: 'complementary',
      guardians: 'below_threshold',
    });
  });

  it('hides more while the hidden groups together are still under the threshold', () => {
    const result = suppressBreakdown({
      cells: [
        { key: 'north', n: 4 },
        { key: 'south', n: 3 },
        { key: 'east', n: 40 },
        { key: 'west', n: 20 },
      ],
      total: 67,
    });
    expect(reasonsOf(result.cells)).toEqual({
      north: 'below_threshold',
      south: 'below_threshold',
      east: 'shown',
      west: 'small_remainder',
    });
  });

  it('leaves two small groups that together reach the threshold, and shows empty groups', () => {
    const result = suppressBreakdown({
      cells: [
        { key: 'a', n: 5 },
        { key: 'b', n: 5 },
        { key: 'c', n: 40 },
        { key: 'd', n: 0 },
      ],
      total: 50,
    });
    expect(reasonsOf(result.cells)).toEqual({
      a: 'below_threshold',
      b: 'below_threshold',
      c: 'shown',
      d: 'shown',
    });
  });

  it('protects the people in no listed group (neighbourhood not given) like a group', () => {
    // 45 - 30 - 12 = 3 people gave no neighbourhood: showing both groups would reveal them.
    const result = suppressBreakdown({
      cells: [
        { key: 'north', n: 30 },
        { key: 'south', n: 12 },
      ],
      total: 45,
    });
    expect(reasonsOf(result.cells)).toEqual({ north: 'shown', south: 'small_remainder' });
  });

  it('hides everything, total included, when the whole group is under the threshold', () => {
    const result = suppressBreakdown({
      cells: [
        { key: 'a', n: 3 },
        { key: 'b', n: 4 },
        { key: 'c', n: 0 },
      ],
      total: 7,
    });
    expect(result.total).toEqual({ shown: false, reason: 'below_threshold' });
    expect(reasonsOf(result.cells)).toEqual({
      a: 'below_threshold',
      b: 'below_threshold',
      c: 'shown',
    });
  });

  it('follows a raised threshold, and refuses counts that cannot be', () => {
    const cells = [
      { key: 'a', n: 12 },
      { key: 'b', n: 30 },
    ];
    expect(reasonsOf(suppressBreakdown({ cells, total: 42, threshold: 10 }).cells).a).toBe('shown');
    expect(reasonsOf(suppressBreakdown({ cells, total: 42, threshold: 15 }).cells).a).toBe(
      'below_threshold',
    );
    expect(() => suppressBreakdown({ cells, total: 41 })).toThrow(RangeError);
    expect(() => suppressBreakdown({ cells: [{ key: 'a', n: -1 }], total: 0 })).toThrow(RangeError);
    expect(() => suppressBreakdown({ cells, total: 42, threshold: 1 })).toThrow(RangeError);
  });

  it('gives the same decision for the same table every time, whatever else was asked', () => {
    const input = {
      cells: [
        { key: 'a', n: 12 },
        { key: 'b', n: 12 },
        { key: 'c', n: 2 },
      ],
      total: 26,
    };
    const first = suppressBreakdown(input);
    expect(suppressBreakdown(input)).toEqual(first);
    // Of two equal candidates, the earlier one is hidden.
    expect(reasonsOf(first.cells)).toEqual({
      a: 'complementary',
      b: 'shown',
      c: 'below_threshold',
    });
  });
});

/** What a page shows of a table: the grid with margins, null where hidden. */
function shownGrid(counts: number[][], decision: TableDecision): ShownGrid {
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columns = counts[0]?.length ?? 0;
  const columnTotals = Array.from({ length: columns }, (_, c) =>
    counts.reduce((sum, row) => sum + (row[c] ?? 0), 0),
  );
  const total = rowTotals.reduce((a, b) => a + b, 0);
  return [
    ...counts.map((row, r) => [
      ...row.map((n, c) => reveal(decision.cells[r]?.[c] ?? { shown: true }, n)),
      reveal(decision.rowTotals[r] ?? { shown: true }, rowTotals[r] ?? 0),
    ]),
    [
      ...columnTotals.map((n, c) => reveal(decision.columnTotals[c] ?? { shown: true }, n)),
      reveal(decision.total, total),
    ],
  ];
}

const names = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('a two-way table with margins', () => {
  // residents: 20 15 12 | 47;  officers: 12 3 11 | 26;  totals: 32 18 23 | 73
  const counts = [
    [20, 15, 12],
    [12, 3, 11],
  ];
  const table = () =>
    suppressTable({ rows: ['residents', 'officers'], columns: ['north', 'south', 'east'], counts });

  it('hides a small cell with partners in its row and column, forming a block that no margin opens', () => {
    const result = table();
    const reason = (d: Decision) => (d.shown ? 'shown' : d.reason);
    expect(result.cells.map((row) => row.map(reason))).toEqual([
      ['shown', 'small_remainder', 'complementary'],
      ['shown', 'below_threshold', 'small_remainder'],
    ]);
    expect([...result.rowTotals, ...result.columnTotals, result.total].every((d) => d.shown)).toBe(
      true,
    );
    expect(solve(shownGrid(counts, result))).toEqual([]);
  });

  it('the attacker recovers the small cell when only small cells are hidden', () => {
    // The attack is real: with primary suppression alone, the officers' row gives away 3.
    const primaryOnly: TableDecision = {
      cells: counts.map((row) =>
        row.map((n) =>
          isSmall(n, 10) ? { shown: false, reason: 'below_threshold' } : { shown: true },
        ),
      ),
      rowTotals: [{ shown: true }, { shown: true }],
      columnTotals: [{ shown: true }, { shown: true }, { shown: true }],
      total: { shown: true },
    };
    expect(solve(shownGrid(counts, primaryOnly))).toEqual([{ position: [1, 1], value: 3 }]);
    expect(subtractions(shownGrid(counts, primaryOnly))).toContain(3);
  });

  it('hides a small row total, and what would open it', () => {
    const withGuardians = [...counts, [2, 1, 0]];
    const result = suppressTable({
      rows: ['residents', 'officers', 'guardians'],
      columns: ['north', 'south', 'east'],
      counts: withGuardians,
    });
    expect(result.rowTotals[2]).toEqual({ shown: false, reason: 'below_threshold' });
    expect(result.cells[2]?.[2]).toEqual({ shown: true });
    const grid = shownGrid(withGuardians, result);
    expect(solve(grid)).toEqual([]);
    expect(subtractions(grid).filter((d) => isSmall(d, 10))).toEqual([]);
  });

  it('closes a cycle around a hidden cell that rows and columns together would pin', () => {
    // Two 2x2 blocks of small cells joined by one small cell: the line rules leave the joining
    // cell on no cycle, and only the linked rule hides what it takes to protect it.
    const dumbbell = [
      [5, 5, 0, 0, 40],
      [5, 5, 1, 0, 40],
      [0, 0, 5, 5, 40],
      [0, 0, 5, 5, 40],
    ];
    const result = suppressTable({
      rows: names(4, 'r'),
      columns: names(5, 'c'),
      counts: dumbbell,
    });
    const reasons = result.cells.flat().map((d) => (d.shown ? 'shown' : d.reason));
    expect(reasons).toContain('linked');
    expect(solve(shownGrid(dumbbell, result))).toEqual([]);
  });
});

describe('a filtered figure beside wider filters', () => {
  it("hides 'all but one neighbourhood' when 'all' is shown and that neighbourhood is small", () => {
    expect(decideFilteredFigure({ n: 35, containingNs: [40] })).toEqual({
      shown: false,
      reason: 'nested_complement',
    });
    expect(decideFilteredFigure({ n: 30, containingNs: [40] })).toEqual({ shown: true });
  });

  it("hides 'program A, residents' when program A has 1 to 9 people who are not residents", () => {
    expect(decideFilteredFigure({ n: 22, containingNs: [30, 60] }).shown).toBe(false);
    expect(decideFilteredFigure({ n: 20, containingNs: [30, 60] }).shown).toBe(true);
    expect(decideFilteredFigure({ n: 30, containingNs: [30] }).shown).toBe(true);
    expect(decideFilteredFigure({ n: 9, containingNs: [] })).toEqual({
      shown: false,
      reason: 'below_threshold',
    });
    expect(decideFilteredFigure({ n: 0, containingNs: [0, 25] }).shown).toBe(true);
    expect(() => decideFilteredFigure({ n: 20, containingNs: [19] })).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Attacks: random tables and filters, suppressed, then everything that follows from the shown
// figures alone. No derivation may give 1 to threshold-1 people.

const count = fc.oneof(
  { arbitrary: fc.constant(0), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 12 }), weight: 4 },
  { arbitrary: fc.integer({ min: 13, max: 60 }), weight: 3 },
);
const threshold = fc.integer({ min: 2, max: 12 });

describe('attacks on the suppressed figures', () => {
  it('a one-way breakdown: the total minus any shown groups is never 1 to threshold-1', () => {
    fc.assert(
      fc.property(
        fc.array(count, { minLength: 1, maxLength: 7 }),
        fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 15 })),
        threshold,
        (ns, unlisted, t) => {
          const cells = ns.map((n, i) => ({ key: `g${i}`, n }));
          const total = ns.reduce((a, b) => a + b, 0) + unlisted;
          const result = suppressBreakdown({ cells, total, threshold: t });
          const shownNs = ns.filter((_, i) => result.cells[i]?.decision.shown);
          for (const n of shownNs) expect(isSmall(n, t)).toBe(false);
          if (!result.total.shown) {
            expect(isSmall(total, t)).toBe(true);
            return;
          }
          for (let mask = 0; mask < 1 << shownNs.length; mask++) {
            const derived = shownNs.reduce(
              (rest, n, i) => (mask & (1 << i) ? rest - n : rest),
              total,
            );
            expect(isSmall(derived, t), `total ${total} minus shown groups gives ${derived}`).toBe(
              false,
            );
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a two-way table: no margin minus shown cells gives a small group, and no hidden entry can be solved for', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(count, { minLength: 25, maxLength: 25 }),
        threshold,
        (rows, columns, pool, t) => {
          const counts = Array.from({ length: rows }, (_, r) =>
            Array.from({ length: columns }, (_, c) => pool[r * columns + c] ?? 0),
          );
          const result = suppressTable({
            rows: names(rows, 'r'),
            columns: names(columns, 'c'),
            counts,
            threshold: t,
          });
          const grid = shownGrid(counts, result);
          for (const n of grid.flat()) if (n !== null) expect(isSmall(n, t)).toBe(false);
          for (const derived of subtractions(grid)) {
            expect(isSmall(derived, t), `a margin minus shown cells gives ${derived}`).toBe(false);
          }
          // Nothing hidden is pinned down by solving every line together, whatever its size.
          expect(solve(grid)).toEqual([]);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('nested filters: any shown wider filter minus any shown narrower one is never 1 to threshold-1', () => {
    // A population with a neighbourhood (0-3) and a role; a filter is a set of neighbourhoods
    // and a role or any role. Every filter is decided against every filter that contains it.
    const person = fc.record({
      neighbourhood: fc.integer({ min: 0, max: 3 }),
      role: fc.constantFrom('resident', 'officer'),
    });
    type Filter = { neighbourhoods: number; role: 'resident' | 'officer' | 'any' };
    const filters: Filter[] = [];
    for (let neighbourhoods = 1; neighbourhoods < 16; neighbourhoods++) {
      for (const role of ['resident', 'officer', 'any'] as const)
        filters.push({ neighbourhoods, role });
    }
    const contains = (wide: Filter, narrow: Filter) =>
      (narrow.neighbourhoods & ~wide.neighbourhoods) === 0 &&
      (wide.role === 'any' || wide.role === narrow.role) &&
      (wide.neighbourhoods !== narrow.neighbourhoods || wide.role !== narrow.role);
    fc.assert(
      fc.property(fc.array(person, { maxLength: 80 }), threshold, (people, t) => {
        const size = (f: Filter) =>
          people.filter(
            (p) =>
              f.neighbourhoods & (1 << p.neighbourhood) && (f.role === 'any' || f.role === p.role),
          ).length;
        const shownFilters = filters.filter(
          (f) =>
            decideFilteredFigure({
              n: size(f),
              containingNs: filters.filter((wide) => contains(wide, f)).map(size),
              threshold: t,
            }).shown,
        );
        for (const narrow of shownFilters) {
          expect(isSmall(size(narrow), t)).toBe(false);
          for (const wide of shownFilters) {
            if (!contains(wide, narrow)) continue;
            expect(isSmall(size(wide) - size(narrow), t)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
