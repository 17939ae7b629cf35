import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseDialogue } from './analysis.ts';
import { voteMatrix } from './matrix.ts';
import { adjustedRandIndex } from './opinion-groups.ts';
import { csvRows, PolisFormatError, readPolisExport } from './polis.ts';

// A real Pol.is conversation ($15/hour in Seattle, 2014; fixtures/README.md holds its CC BY 4.0
// attribution), read and analysed, and compared with Pol.is's own opinion groups.

const folder = new URL('./fixtures/15-per-hour-seattle/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');
const seattle = () =>
  readPolisExport({
    comments: read('comments.csv'),
    votes: read('votes.csv'),
    participantsVotes: read('participants-votes.csv'),
  });

describe('a Pol.is export', () => {
  it('reads every statement and vote of the Seattle conversation', () => {
    const { statements, votes, polisGroups } = seattle();
    expect(statements).toHaveLength(54);
    expect(votes).toHaveLength(2995);
    expect(new Set(votes.map((vote) => vote.participant)).size).toBe(339);
    expect(statements.find((statement) => statement.id === '48')?.text).toMatch(
      /^Businesses, small or large, shouldn't be able to pay workers anything below a livable wage\./,
    );
    expect(polisGroups.size).toBe(138);
  });

  it('gives opinion groups close to Pol.is’s own, as many of them, with the same people placed', () => {
    const { votes, polisGroups } = seattle();
    const analysis = analyseDialogue(voteMatrix(votes));
    expect(analysis.k).toBe(2);
    const ours = new Map(
      analysis.opinionGroups.flatMap((group) => group.members.map((id) => [id, group.id] as const)),
    );
    expect([...ours.keys()].sort()).toEqual([...polisGroups.keys()].sort());
    const ids = [...polisGroups.keys()];
    const agreement = adjustedRandIndex(
      ids.map((id) => ours.get(id) ?? -1),
      ids.map((id) => polisGroups.get(id) ?? -1),
    );
    // Pol.is clusters 100 base clusters first; our k-means on the positions gives 0.58.
    expect(agreement).toBeGreaterThan(0.5);
    // A conversation this divided has no statement every group agrees on.
    expect(analysis.commonGround).toEqual([]);
  });

  it('names the file, the line and the problem in a broken export', () => {
    const comments = read('comments.csv');
    expect(() =>
      readPolisExport({ comments, votes: 'timestamp,comment-id,voter-id,vote\n1,999,1,1\n' }),
    ).toThrow(new PolisFormatError('votes.csv', 2, 'comment 999 is not in comments.csv.'));
    expect(() =>
      readPolisExport({ comments, votes: 'timestamp,comment-id,voter-id,vote\n1,0,1,yes\n' }),
    ).toThrow('votes.csv, line 2: vote should be 1, -1 or 0.');
    expect(() => readPolisExport({ comments: 'a,b\n', votes: '' })).toThrow(
      'comments.csv, line 1: the column timestamp, comment-id, author-id, moderated, comment-body is missing.',
    );
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(csvRows('a,"b, ""c""\nd"\r\n1,2\n')).toEqual([
      ['a', 'b, "c"\nd'],
      ['1', '2'],
    ]);
  });
});
