import { GROUP_THRESHOLD_DEFAULT } from './survey-definition.ts';

// Small-group protection for every figure Restorativ shows: dashboards, exports and the API all
// decide with these functions, so that the answers of a handful of people in one neighbourhood or
// one role can never be read off a page. A "cell" is a group of respondents with a figure (a count,
// a mean, a proportion); a decision hides the cell's count and its figure together, since a figure
// times its count is a sum that can be differenced just like the count.
//
// Hiding small cells is not enough: a hidden cell can be recovered by subtraction from figures that
// are shown (a total minus its shown parts; "all" minus "all but one neighbourhood"). So besides
// the small cells themselves (primary suppression), more cells are hidden (complementary
// suppression) until no subtraction of shown figures gives the size of a group of 1 to threshold-1
// people. Cells are chosen smallest first, to hide as little as possible; ties go to the earlier
// cell, so that the same table always gets the same decision: a dashboard that answered two
// requests differently would let the two answers be differenced.
//
// A group of 0 is shown: "no one" describes no person, and it has no figure to hide.
//
// The functions are pure: they receive the real counts and return only decisions; the caller shows
// a figure where the decision says so (see `reveal`), and never sends a hidden one anywhere.

export type SuppressionReason =
  /** The group itself has 1 to threshold-1 people. */
  | 'below_threshold'
  /** Hidden beside a lone hidden cell in its line, which a margin would otherwise give away. */
  | 'complementary'
  /** Hidden because the total minus the shown cells would otherwise be 1 to threshold-1. */
  | 'small_remainder'
  /** Two-way tables: hidden so that rows and columns taken together cannot pin a hidden cell. */
  | 'linked'
  /** A filtered figure whose parent minus it would be 1 to threshold-1 people. */
  | 'nested_complement';

export type Decision = { shown: true } | { shown: false; reason: SuppressionReason };

const shown: Decision = { shown: true };
const hidden = (reason: SuppressionReason): Decision => ({ shown: false, reason });

/** The figure when its decision shows it, null otherwise: the one way figures leave a service. */
export function reveal<T>(decision: Decision, figure: T): T | null {
  return decision.shown ? figure : null;
}

function checkThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 2) {
    throw new RangeError(`The threshold must be a whole number of at least 2, not ${threshold}.`);
  }
}

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a count, not ${n}.`);
}

/** 1 to threshold-1: a group too small to show, and a difference that must never be derivable. */
export function isSmall(n: number, threshold: number): boolean {
  return n >= 1 && n < threshold;
}

// ---------------------------------------------------------------------------------------------
// One-way breakdowns: groups (by role, by neighbourhood, ...) shown beside their total.

export interface BreakdownInput {
  cells: readonly { key: string; n: number }[];
  /**
   * The parent's count, which is shown (or derivable) elsewhere. It may exceed the cells' sum when
   * some people are in no listed group (neighbourhood not given): that remainder is a hidden group
   * too, and is protected like one.
   */
  total: number;
  threshold?: number;
}

export interface BreakdownDecision {
  total: Decision;
  cells: { key: string; decision: Decision }[];
}

/**
 * Rules, repeated until none applies:
 * 1. primary: a cell of 1 to threshold-1 people is hidden; so is the total when it is that small
 *    (then every non-empty cell is smaller still, and hidden too);
 * 2. complementary: when exactly one cell is hidden and everyone is in a listed group (so that
 *    the total minus the shown cells is that cell), the smallest shown non-empty cell is hidden;
 * 3. remainder: when the total minus the shown cells (the hidden cells together with the people
 *    in no listed group) is 1 to threshold-1, the smallest shown non-empty cell is hidden.
 * Afterwards the hidden cells (with any unlisted people) add up to 0 or at least the threshold,
 * and no hidden cell is alone.
 */
export function suppressBreakdown(input: BreakdownInput): BreakdownDecision {
  const threshold = input.threshold ?? GROUP_THRESHOLD_DEFAULT;
  checkThreshold(threshold);
  checkCount(input.total, 'The total');
  for (const cell of input.cells) checkCount(cell.n, `The cell ${cell.key}`);
  const listed = input.cells.reduce((sum, cell) => sum + cell.n, 0);
  if (listed > input.total) {
    throw new RangeError(`The cells add up to ${listed}, more than the total ${input.total}.`);
  }

  const decisions: Decision[] = input.cells.map((cell) =>
    isSmall(cell.n, threshold) ? hidden('below_threshold') : shown,
  );
  const total = isSmall(input.total, threshold) ? hidden('below_threshold') : shown;

  const smallestShownNonEmpty = (): number | undefined => {
    let best: number | undefined;
    input.cells.forEach((cell, index) => {
      if (!decisions[index]?.shown || cell.n === 0) return;
      if (best === undefined || cell.n < (input.cells[best]?.n ?? 0)) best = index;
    });
    return best;
  };

  // People in no listed group are a group the attacker cannot see either: beside one hidden cell
  // they are a second unknown, and the remainder rule keeps the two together at the threshold.
  const unlistedGroups = input.total > listed ? 1 : 0;
  if (total.shown) {
    for (;;) {
      const candidate = smallestShownNonEmpty();
      if (candidate === undefined) break;
      const hiddenCells = decisions.filter((decision) => !decision.shown).length;
      if (hiddenCells === 1 && unlistedGroups === 0) {
        decisions[candidate] = hidden('complementary');
        continue;
      }
      const shownSum = input.cells.reduce(
        (sum, cell, index) => sum + (decisions[index]?.shown ? cell.n : 0),
        0,
      );
      if (isSmall(input.total - shownSum, threshold)) {
        decisions[candidate] = hidden('small_remainder');
        continue;
      }
      break;
    }
  }
  return {
    total,
    cells: input.cells.map((cell, index) => ({
      key: cell.key,
      decision: decisions[index] ?? shown,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Two-way tables: rows x columns (role x neighbourhood, say) with row totals, column totals and a
// grand total, all shown or hidden by the same rules.

export interface TableInput {
  rows: readonly string[];
  columns: readonly string[];
  /** counts[row][column]; the margins are their sums (give everyone a row and a column). */
  counts: readonly (readonly number[])[];
  threshold?: number;
}

export interface TableDecision {
  cells: Decision[][];
  rowTotals: Decision[];
  columnTotals: Decision[];
  total: Decision;
}

// The table is worked on with its margins as one grid of (rows+1) x (columns+1) entries: the last
// column holds the row totals, the last row the column totals, and the corner the grand total.
// Every line of the grid (each row, each column, the totals row and the totals column) says
// "these entries add up to that margin". An attacker knows every shown entry and every line.
//
// Seen as a graph, with a node for each line of the grid and an edge for each hidden entry (joining
// its row's node and its column's node), a hidden entry's value follows from the lines exactly
// when its edge is a bridge: it lies on no cycle of hidden entries. (Going round a cycle adding and
// subtracting one person at a time keeps every line's sum, so no entry on a cycle is pinned.)
//
// Rules, repeated until none applies:
// 1. primary: an entry (cell or margin) of 1 to threshold-1 people is hidden;
// 2. remainder: in a line whose margin is shown, when the margin minus the shown entries is
//    1 to threshold-1, the smallest shown non-empty entry of that line is hidden;
// 3. complementary: a line with exactly one hidden entry (its margin included) gives it away by
//    subtraction: the line's smallest shown non-empty entry is hidden (its margin, when no cell is
//    left to hide);
// 4. linked: when a hidden entry is still a bridge, a shown entry that closes a cycle through it
//    is hidden (the smallest non-empty such entry, a cell or a margin).
//
// Not yet covered: solving several lines together can still fix the SUM of two or more hidden
// cells in different rows and columns (about 2 in 100 random tables in the tests' attacker);
// such a sum can be under the threshold. Closing that needs an audit of the derivable sums
// before a table is shown (an open item of issue 9).
export function suppressTable(input: TableInput): TableDecision {
  const threshold = input.threshold ?? GROUP_THRESHOLD_DEFAULT;
  checkThreshold(threshold);
  const rowCount = input.rows.length;
  const columnCount = input.columns.length;
  if (input.counts.length !== rowCount) throw new RangeError('One row of counts for each row.');

  // The augmented grid: value[r][c] for r <= rowCount, c <= columnCount.
  const value: number[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const row = input.counts[r] ?? [];
    if (row.length !== columnCount)
      throw new RangeError(`Row ${input.rows[r]} needs a count per column.`);
    row.forEach((n, c) => {
      checkCount(n, `The cell ${input.rows[r]} x ${input.columns[c]}`);
    });
    value.push([...row, row.reduce((sum, n) => sum + n, 0)]);
  }
  const totalsRow: number[] = [];
  for (let c = 0; c <= columnCount; c++) {
    totalsRow.push(value.reduce((sum, row) => sum + (row[c] ?? 0), 0));
  }
  value.push(totalsRow);

  const at = (r: number, c: number): number => value[r]?.[c] ?? 0;
  const decision: Decision[][] = value.map((row) =>
    row.map((n) => (isSmall(n, threshold) ? hidden('below_threshold') : shown)),
  );
  const isHidden = (r: number, c: number): boolean => decision[r]?.[c]?.shown === false;
  const hide = (r: number, c: number, reason: SuppressionReason): void => {
    const row = decision[r];
    if (row) row[c] = hidden(reason);
  };

  // Each line as its inner entries and its margin, as [row, column] positions.
  type Position = readonly [number, number];
  const lines: { inner: Position[]; margin: Position }[] = [];
  for (let r = 0; r <= rowCount; r++) {
    const inner: Position[] = [];
    for (let c = 0; c < columnCount; c++) inner.push([r, c]);
    lines.push({ inner, margin: [r, columnCount] });
  }
  for (let c = 0; c <= columnCount; c++) {
    const inner: Position[] = [];
    for (let r = 0; r < rowCount; r++) inner.push([r, c]);
    lines.push({ inner, margin: [rowCount, c] });
  }

  /** The smallest shown non-empty position among these, the earliest on a tie. */
  const smallest = (positions: readonly Position[]): Position | undefined => {
    let best: Position | undefined;
    for (const p of positions) {
      if (isHidden(p[0], p[1]) || at(p[0], p[1]) === 0) continue;
      if (best === undefined || at(p[0], p[1]) < at(best[0], best[1])) best = p;
    }
    return best;
  };
  const shownEmpty = (positions: readonly Position[]): Position | undefined =>
    positions.find((p) => !isHidden(p[0], p[1]));

  const applyLineRules = (): boolean => {
    for (const { inner, margin } of lines) {
      const [mr, mc] = margin;
      if (!isHidden(mr, mc)) {
        const shownSum = inner.reduce((sum, [r, c]) => sum + (isHidden(r, c) ? 0 : at(r, c)), 0);
        const candidate = smallest(inner);
        if (isSmall(at(mr, mc) - shownSum, threshold) && candidate) {
          hide(candidate[0], candidate[1], 'small_remainder');
          return true;
        }
      }
      const hiddenCount = [...inner, margin].filter(([r, c]) => isHidden(r, c)).length;
      if (hiddenCount === 1) {
        const candidate = smallest(inner) ?? smallest([margin]) ?? shownEmpty(inner);
        if (candidate) {
          hide(candidate[0], candidate[1], 'complementary');
          return true;
        }
      }
    }
    return false;
  };

  // Nodes: rows 0..rowCount are nodes 0..rowCount; column c is node rowCount + 1 + c.
  const columnNode = (c: number): number => rowCount + 1 + c;
  const applyBridgeRule = (): boolean => {
    const edges: Position[] = [];
    for (let r = 0; r <= rowCount; r++) {
      for (let c = 0; c <= columnCount; c++) if (isHidden(r, c)) edges.push([r, c]);
    }
    for (const [br, bc] of edges) {
      const reached = reachableWithout(edges, [br, bc], br, columnNode);
      if (reached.has(columnNode(bc))) continue;
      // A bridge: side A holds its row, side B its column, each connected. Any shown entry that
      // joins a node of side A to a node of side B puts the bridge on a cycle. Empty entries come
      // last: hiding a 0 covers no one, and sums over it are as easy to derive as without it.
      const sideB = reachableWithout(edges, [br, bc], columnNode(bc), columnNode);
      const candidates: Position[] = [];
      for (let r = 0; r <= rowCount; r++) {
        for (let c = 0; c <= columnCount; c++) {
          if (isHidden(r, c)) continue;
          const crosses =
            (reached.has(r) && sideB.has(columnNode(c))) ||
            (sideB.has(r) && reached.has(columnNode(c)));
          if (crosses) candidates.push([r, c]);
        }
      }
      const candidate = smallest(candidates) ?? shownEmpty(candidates);
      if (candidate) {
        hide(candidate[0], candidate[1], 'linked');
        return true;
      }
    }
    return false;
  };

  while (applyLineRules() || applyBridgeRule()) {
    // Each pass hides one more entry; the grid is finite, so this ends.
  }

  const result = (r: number, c: number): Decision => decision[r]?.[c] ?? shown;
  return {
    cells: input.rows.map((_, r) => input.columns.map((_, c) => result(r, c))),
    rowTotals: input.rows.map((_, r) => result(r, columnCount)),
    columnTotals: input.columns.map((_, c) => result(rowCount, c)),
    total: result(rowCount, columnCount),
  };
}

/** The nodes reached from `start` over the hidden entries, leaving out one of them. */
function reachableWithout(
  edges: readonly (readonly [number, number])[],
  without: readonly [number, number],
  start: number,
  columnNode: (c: number) => number,
): Set<number> {
  const reached = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.pop() as number;
    for (const [r, c] of edges) {
      if (r === without[0] && c === without[1]) continue;
      const a = r;
      const b = columnNode(c);
      const next = node === a ? b : node === b ? a : undefined;
      if (next !== undefined && !reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return reached;
}

// ---------------------------------------------------------------------------------------------
// Nested filters: a figure for a filter (program A, residents) that is also served unfiltered or
// less filtered (program A). "All" minus "all but one neighbourhood" is that neighbourhood.

export interface FilteredFigureInput {
  /** The count behind the filtered figure. */
  n: number;
  /**
   * The counts of every wider filter the same dashboard, export or API could also show: each
   * filter with one or more of its conditions dropped or widened. Pass them all, not only the
   * ones on screen: a person can ask for the others.
   */
  containingNs: readonly number[];
  threshold?: number;
}

/**
 * Shown only when the group has at least threshold people (or none) and, for every wider filter,
 * the people it has beyond this one are 0 or at least threshold.
 */
export function decideFilteredFigure(input: FilteredFigureInput): Decision {
  const threshold = input.threshold ?? GROUP_THRESHOLD_DEFAULT;
  checkThreshold(threshold);
  checkCount(input.n, 'The count');
  if (isSmall(input.n, threshold)) return hidden('below_threshold');
  for (const parent of input.containingNs) {
    checkCount(parent, 'A wider count');
    if (parent < input.n) {
      throw new RangeError(`A wider filter cannot have fewer people (${parent} < ${input.n}).`);
    }
    if (isSmall(parent - input.n, threshold)) return hidden('nested_complement');
  }
  return shown;
}
