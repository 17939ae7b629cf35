// The votes of a dialogue as a matrix: one row per participant, one column per statement, each
// cell 1 (agree), -1 (disagree), 0 (pass) or NaN (not seen). Pure, so that the server, the
// command line and the tests build it the same way.

export const votes = { agree: 1, disagree: -1, pass: 0 } as const;
export type Vote = (typeof votes)[keyof typeof votes];

export interface VoteRecord {
  participant: string;
  statement: string;
  vote: Vote;
}

export interface VoteMatrix {
  participants: string[];
  statements: string[];
  /** Row-major, participants.length x statements.length. */
  cells: Float64Array;
}

/**
 * The matrix of `records`, given in the order they were cast: a later vote by the same person
 * on the same statement replaces the earlier one (people may change their vote). Participants
 * and statements keep the order they first appear in, unless `statements` fixes the columns.
 */
export function voteMatrix(
  records: readonly VoteRecord[],
  statements?: readonly string[],
): VoteMatrix {
  const participantIndex = new Map<string, number>();
  const statementIndex = new Map<string, number>(statements?.map((id, index) => [id, index]));
  const statementList = [...(statements ?? [])];
  for (const record of records) {
    if (!participantIndex.has(record.participant)) {
      participantIndex.set(record.participant, participantIndex.size);
    }
    if (!statements && !statementIndex.has(record.statement)) {
      statementIndex.set(record.statement, statementList.length);
      statementList.push(record.statement);
    }
  }
  const columns = statementList.length;
  const cells = new Float64Array(participantIndex.size * columns).fill(Number.NaN);
  for (const record of records) {
    const column = statementIndex.get(record.statement);
    const row = participantIndex.get(record.participant);
    if (column === undefined || row === undefined) continue;
    cells[row * columns + column] = record.vote;
  }
  return { participants: [...participantIndex.keys()], statements: statementList, cells };
}

/** How many statements each participant voted on (pass included). */
export function votesPerParticipant(matrix: VoteMatrix): number[] {
  const columns = matrix.statements.length;
  return matrix.participants.map((_, row) => {
    let seen = 0;
    for (let column = 0; column < columns; column += 1) {
      if (!Number.isNaN(matrix.cells[row * columns + column] ?? Number.NaN)) seen += 1;
    }
    return seen;
  });
}

/** The matrix with only the given rows, in that order. */
export function rowsOf(matrix: VoteMatrix, rows: readonly number[]): VoteMatrix {
  const columns = matrix.statements.length;
  const cells = new Float64Array(rows.length * columns);
  rows.forEach((row, index) => {
    cells.set(matrix.cells.subarray(row * columns, (row + 1) * columns), index * columns);
  });
  return {
    participants: rows.map((row) => matrix.participants[row] ?? ''),
    statements: matrix.statements,
    cells,
  };
}
