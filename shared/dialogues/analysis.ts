import { wilsonInterval } from '../statistics/proportions.ts';
import { rowsOf, type VoteMatrix, votesPerParticipant } from './matrix.ts';
import { opinionGroups, positionsOf } from './opinion-groups.ts';

// What a dialogue's votes say: for each statement, how many agreed, disagreed and passed,
// overall, by role (residents, officers, others) and by opinion group, each agree rate with its
// 95% interval; how far every opinion group agrees (group-aware consensus, as Pol.is computes
// it); the common ground (agreement in every role group and every opinion group) and the
// divisive statements (where groups part most). A group with fewer members than the threshold
// is not shown: its rates would point at the few people in it.

export const participantRoles = ['resident', 'officer', 'other'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

export interface AnalysisOptions {
  /** Each participant's role; anyone not named is 'other'. */
  roles?: ReadonlyMap<string, ParticipantRole>;
  /** The smallest group shown (default 5). */
  threshold?: number;
  /** Votes a participant needs to be placed in an opinion group (Pol.is: 7, or every statement). */
  minVotes?: number;
  /** The lowest agree rate, at the 95% interval's lower end, in every group for common ground. */
  commonGroundFloor?: number;
  /** How far apart two groups' agree rates are, at least, for a statement to be divisive. */
  divisiveGap?: number;
}

export interface Rates {
  agree: number;
  disagree: number;
  pass: number;
  /** Votes cast, passes included. */
  seen: number;
  agreeRate: number;
  disagreeRate: number;
  passRate: number;
  /** The 95% Wilson interval of the agree rate. */
  agreeInterval: [number, number];
}

/** A group's figures, or that it is too small to show. */
export type GroupRates = ({ shown: true } & Rates) | { shown: false };

export interface StatementResult {
  statement: string;
  overall: Rates;
  byRole: Record<ParticipantRole, GroupRates>;
  byOpinionGroup: GroupRates[];
  /** The product over opinion groups of each group's Laplace-smoothed agree rate. */
  consensus: number;
  /** The largest gap between two shown groups' agree rates. */
  divide: number;
}

export interface OpinionGroup {
  id: number;
  /** Participant ids: for researchers; pages show only the size. */
  members: string[];
  shown: boolean;
}

export interface DialogueAnalysis {
  participants: number;
  /** Those who voted enough to be placed in an opinion group. */
  grouped: number;
  k: number;
  silhouette: number;
  opinionGroups: OpinionGroup[];
  statements: StatementResult[];
  /** Statement ids, most agreed first. */
  commonGround: string[];
  /** Statement ids, most divided first. */
  divisive: string[];
}

function ratesOf(agree: number, disagree: number, pass: number): Rates {
  const seen = agree + disagree + pass;
  const rate = (count: number) => (seen > 0 ? count / seen : 0);
  // No votes: nothing is known of the rate, so its interval is the whole of [0, 1].
  const interval = wilsonInterval(agree, seen);
  return {
    agree,
    disagree,
    pass,
    seen,
    agreeRate: rate(agree),
    disagreeRate: rate(disagree),
    passRate: rate(pass),
    agreeInterval: interval ? [interval.lower, interval.upper] : [0, 1],
  };
}

/** Agree, disagree and pass counts per statement over the given rows. */
function tallies(matrix: VoteMatrix, rows: readonly number[]): Rates[] {
  const columns = matrix.statements.length;
  const agree = new Float64Array(columns);
  const disagree = new Float64Array(columns);
  const pass = new Float64Array(columns);
  for (const row of rows) {
    const offset = row * columns;
    for (let column = 0; column < columns; column += 1) {
      const vote = matrix.cells[offset + column];
      if (vote === 1) agree[column] = (agree[column] ?? 0) + 1;
      else if (vote === -1) disagree[column] = (disagree[column] ?? 0) + 1;
      else if (vote === 0) pass[column] = (pass[column] ?? 0) + 1;
    }
  }
  return matrix.statements.map((_, column) =>
    ratesOf(agree[column] ?? 0, disagree[column] ?? 0, pass[column] ?? 0),
  );
}

const laplaceAgree = (rates: Rates) => (rates.agree + 1) / (rates.seen + 2);

export function analyseDialogue(
  matrix: VoteMatrix,
  options: AnalysisOptions = {},
): DialogueAnalysis {
  const threshold = options.threshold ?? 5;
  const floor = options.commonGroundFloor ?? 0.5;
  const gap = options.divisiveGap ?? 0.3;
  const seenCounts = votesPerParticipant(matrix);
  const minVotes = options.minVotes ?? Math.min(7, matrix.statements.length);
  const placed = matrix.participants.flatMap((_, row) =>
    (seenCounts[row] ?? 0) >= minVotes ? [row] : [],
  );
  const placedMatrix = rowsOf(matrix, placed);
  const grouping = opinionGroups(
    positionsOf(
      placedMatrix,
      placed.map((row) => seenCounts[row] ?? 0),
    ),
  );
  const groupRows = Array.from({ length: grouping.k }, (_, group) =>
    placed.filter((_, index) => grouping.groups[index] === group),
  );
  const roleOf = (row: number) => options.roles?.get(matrix.participants[row] ?? '') ?? 'other';
  const roleRows = Object.fromEntries(
    participantRoles.map((role) => [
      role,
      matrix.participants.flatMap((_, row) => (roleOf(row) === role ? [row] : [])),
    ]),
  ) as Record<ParticipantRole, number[]>;

  const shownIf = (rows: readonly number[]) => rows.length >= threshold;
  const overall = tallies(
    matrix,
    matrix.participants.map((_, row) => row),
  );
  const byGroup = groupRows.map((rows) => (shownIf(rows) ? tallies(matrix, rows) : null));
  const byRole = Object.fromEntries(
    participantRoles.map((role) => [
      role,
      shownIf(roleRows[role]) ? tallies(matrix, roleRows[role]) : null,
    ]),
  ) as Record<ParticipantRole, Rates[] | null>;
  const allGroups = groupRows.map((rows) => tallies(matrix, rows));

  const shown = (rates: Rates[] | null, column: number): GroupRates => {
    const one = rates?.[column];
    return one ? { shown: true, ...one } : { shown: false };
  };
  const statements = matrix.statements.map((statement, column): StatementResult => {
    const groupRates = byGroup.map((rates) => shown(rates, column));
    const roleRates = Object.fromEntries(
      participantRoles.map((role) => [role, shown(byRole[role], column)]),
    ) as Record<ParticipantRole, GroupRates>;
    const visible = [...groupRates, ...Object.values(roleRates)].flatMap((rates) =>
      rates.shown && rates.seen > 0 ? [rates.agreeRate] : [],
    );
    return {
      statement,
      overall: overall[column] ?? ratesOf(0, 0, 0),
      byRole: roleRates,
      byOpinionGroup: groupRates,
      // Every group counts in the consensus, small ones too: only the product is shown.
      consensus: allGroups.reduce(
        (product, rates) => product * laplaceAgree(rates[column] ?? ratesOf(0, 0, 0)),
        1,
      ),
      divide: visible.length > 1 ? Math.max(...visible) - Math.min(...visible) : 0,
    };
  });

  const isCommonGround = (result: StatementResult) => {
    // A group that did not vote on it shows no agreement: it is no common ground. Groups too
    // small to show are judged with everyone, overall.
    const shownGroups = [...result.byOpinionGroup, ...Object.values(result.byRole)].filter(
      (rates): rates is { shown: true } & Rates => rates.shown,
    );
    return [result.overall, ...shownGroups].every(
      (rates) => rates.seen > 0 && rates.agreeInterval[0] >= floor,
    );
  };
  const commonGround = statements
    .filter(isCommonGround)
    .sort((a, b) => b.consensus - a.consensus)
    .map((result) => result.statement);
  const divisive = statements
    .filter((result) => result.divide >= gap)
    .sort((a, b) => b.divide - a.divide)
    .map((result) => result.statement);

  return {
    participants: matrix.participants.length,
    grouped: placed.length,
    k: grouping.k,
    silhouette: grouping.silhouette,
    opinionGroups: groupRows.map((rows, id) => ({
      id,
      members: rows.map((row) => matrix.participants[row] ?? ''),
      shown: shownIf(rows),
    })),
    statements,
    commonGround,
    divisive,
  };
}
