import { describe, expect, it } from 'vitest';
import { analyseDialogue, type ParticipantRole } from './analysis.ts';
import { type Vote, type VoteRecord, voteMatrix } from './matrix.ts';
import { adjustedRandIndex } from './opinion-groups.ts';

// The analysis on hand-made votes whose answers are known, and its building blocks against
// reference values worked out by hand.

/** Votes of people whose rows are given as strings: a agree, d disagree, p pass, . unseen. */
function votesOf(rows: Record<string, string>): VoteRecord[] {
  const code: Record<string, Vote | undefined> = { a: 1, d: -1, p: 0 };
  return Object.entries(rows).flatMap(([participant, row]) =>
    [...row].flatMap((cell, column) => {
      const vote = code[cell];
      return vote === undefined ? [] : [{ participant, statement: `s${column + 1}`, vote }];
    }),
  );
}

/** Two camps of ten that split on s1 to s6 and all agree on s7. */
function twoCamps(): Record<string, string> {
  const rows: Record<string, string> = {};
  for (let i = 0; i < 10; i += 1) {
    rows[`a${i}`] = i === 0 ? 'aapddda' : 'aaaddda';
    rows[`b${i}`] = i === 0 ? 'dddaapa' : 'dddaaaa';
  }
  return rows;
}

describe('the analysis of a dialogue', () => {
  it('finds two camps, the statement both agree on, and the ones that divide them', () => {
    const rows = twoCamps();
    const roles = new Map<string, ParticipantRole>(
      Object.keys(rows).map((id, index) => [id, index % 2 === 0 ? 'officer' : 'resident']),
    );
    const analysis = analyseDialogue(voteMatrix(votesOf(rows)), { roles });
    expect(analysis.k).toBe(2);
    const camp = (id: string) =>
      analysis.opinionGroups.find((group) => group.members.includes(id))?.id;
    const ids = Object.keys(rows);
    expect(
      adjustedRandIndex(
        ids.map((id) => camp(id) ?? -1),
        ids.map((id) => (id.startsWith('a') ? 0 : 1)),
      ),
    ).toBe(1);
    expect(analysis.commonGround).toEqual(['s7']);
    expect(analysis.divisive.sort()).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    const s7 = analysis.statements.find((result) => result.statement === 's7');
    // Each camp: 10 of 10 agree, smoothed (10 + 1) / (10 + 2); the product over both camps.
    expect(s7?.consensus).toBeCloseTo((11 / 12) ** 2, 12);
    expect(s7?.byRole.officer).toMatchObject({ shown: true, agree: 10, seen: 10 });
    const s3 = analysis.statements.find((result) => result.statement === 's3');
    expect(s3?.overall).toMatchObject({ agree: 9, disagree: 10, pass: 1, seen: 20 });
  });

  it('shows no group smaller than the threshold, and judges common ground on the groups shown', () => {
    const rows = twoCamps();
    // Three officers of the first camp who disagree with s7: a group of their own, too small.
    const roles = new Map<string, ParticipantRole>([
      ['a1', 'officer'],
      ['a2', 'officer'],
      ['a3', 'officer'],
    ]);
    for (const id of ['a1', 'a2', 'a3']) rows[id] = 'aaadddd';
    const analysis = analyseDialogue(voteMatrix(votesOf(rows)), { roles });
    expect(analysis.k).toBe(3);
    const small = analysis.opinionGroups.find((group) => group.members.includes('a1'));
    expect(small).toMatchObject({ members: ['a1', 'a2', 'a3'], shown: false });
    const s7 = analysis.statements.find((result) => result.statement === 's7');
    expect(s7?.byOpinionGroup[small?.id ?? -1]).toEqual({ shown: false });
    expect(s7?.byRole.officer).toEqual({ shown: false });
    expect(s7?.byRole.other).toMatchObject({ shown: true, agree: 17, seen: 17 });
    // Every group shown agrees, and so do 17 of all 20.
    expect(analysis.commonGround).toEqual(['s7']);
    // Where three of five disagree, the group is shown, and s7 is no common ground.
    for (const id of ['a4', 'a5']) roles.set(id, 'officer');
    const officersShown = analyseDialogue(voteMatrix(votesOf(rows)), { roles });
    expect(
      officersShown.statements.find((result) => result.statement === 's7')?.byRole.officer,
    ).toMatchObject({ shown: true, agree: 2, seen: 5 });
    expect(officersShown.commonGround).toEqual([]);
  });

  it('counts a changed vote once, as it was last cast', () => {
    const matrix = voteMatrix([
      { participant: 'p', statement: 's', vote: 1 },
      { participant: 'p', statement: 's', vote: -1 },
    ]);
    expect([...matrix.cells]).toEqual([-1]);
  });

  it('places in opinion groups only those who voted enough', () => {
    const rows = twoCamps();
    rows.late = 'a......';
    const analysis = analyseDialogue(voteMatrix(votesOf(rows)));
    expect(analysis.participants).toBe(21);
    expect(analysis.grouped).toBe(20);
    expect(analysis.opinionGroups.flatMap((group) => group.members)).not.toContain('late');
  });
});

describe('the agree interval of a statement', () => {
  it('is the 95% Wilson interval of its agree votes, and all of [0, 1] when no one voted', () => {
    // The interval itself is tested in shared/statistics/proportions.test.ts; the values are
    // worked out by hand there: 8 of 10 gives (0.4902, 0.9433).
    const rows: Record<string, string> = {};
    for (let i = 0; i < 10; i += 1) rows[`p${i}`] = i < 8 ? 'a' : 'd';
    const analysis = analyseDialogue(voteMatrix(votesOf(rows), ['s1', 's2']));
    const [voted, unseen] = analysis.statements;
    expect(voted?.overall.agreeInterval.map((end) => end.toFixed(4))).toEqual(['0.4902', '0.9433']);
    expect(unseen?.overall).toMatchObject({ seen: 0, agreeInterval: [0, 1] });
  });
});

describe('the adjusted Rand index', () => {
  it('is 1 for the same grouping under other names, and matches known values', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], [5, 5, 3, 3, 9])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714, 9);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 9);
  });
});
