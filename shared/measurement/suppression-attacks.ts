// An attacker for the suppression tests: given only what a page shows of a two-way table (its
// cells and margins, hidden ones as null), it works out everything that follows from the sums:
// each line's margin minus any of its shown entries, and, by solving all the lines' equations
// together, every hidden entry whose value is pinned down.
// It never sees a hidden value. Test code only.

/** The grid with margins: rows x columns, then the row totals as a last column and the column
 * totals as a last row; null where the figure is hidden. */
export type ShownGrid = readonly (readonly (number | null)[])[];

export interface Derivation {
  /** The hidden entry, as [row, column] in the grid with margins. */
  position: readonly [number, number];
  value: number;
}

interface Line {
  inner: (readonly [number, number])[];
  margin: readonly [number, number];
}

function linesOf(grid: ShownGrid): Line[] {
  const rows = grid.length - 1;
  const columns = (grid[0]?.length ?? 1) - 1;
  const lines: Line[] = [];
  for (let r = 0; r <= rows; r++) {
    lines.push({
      inner: Array.from({ length: columns }, (_, c) => [r, c] as const),
      margin: [r, columns],
    });
  }
  for (let c = 0; c <= columns; c++) {
    lines.push({
      inner: Array.from({ length: rows }, (_, r) => [r, c] as const),
      margin: [rows, c],
    });
  }
  return lines;
}

const get = (grid: ShownGrid, [r, c]: readonly [number, number]) => grid[r]?.[c] ?? null;

/** Every "margin minus some of its shown entries", in every line whose margin is shown. */
export function subtractions(grid: ShownGrid): number[] {
  const found: number[] = [];
  for (const { inner, margin } of linesOf(grid)) {
    const total = get(grid, margin);
    if (total === null) continue;
    const shown = inner.map((p) => get(grid, p)).filter((n): n is number => n !== null);
    for (let mask = 0; mask < 1 << shown.length; mask++) {
      let value = total;
      shown.forEach((n, i) => {
        if (mask & (1 << i)) value -= n;
      });
      found.push(value);
    }
  }
  return found;
}

/** Solves all the lines' equations together: each hidden entry whose value they fix. */
export function solve(grid: ShownGrid): Derivation[] {
  const unknowns: (readonly [number, number])[] = [];
  grid.forEach((row, r) => {
    row.forEach((n, c) => {
      if (n === null) unknowns.push([r, c]);
    });
  });
  const index = new Map(unknowns.map(([r, c], i) => [`${r},${c}`, i]));
  // Each line: sum of inner entries - margin = 0, with known entries moved to the right.
  const matrix: number[][] = [];
  const rhs: number[] = [];
  for (const { inner, margin } of linesOf(grid)) {
    const row = new Array<number>(unknowns.length).fill(0);
    let right = 0;
    const add = (p: readonly [number, number], coefficient: number) => {
      const known = get(grid, p);
      const i = index.get(`${p[0]},${p[1]}`);
      if (known === null && i !== undefined) row[i] = (row[i] ?? 0) + coefficient;
      else right -= coefficient * (known ?? 0);
    };
    for (const p of inner) add(p, 1);
    add(margin, -1);
    matrix.push(row);
    rhs.push(right);
  }
  // Reduced row echelon form. The matrix is a graph's incidence matrix (totally unimodular), so
  // every pivot is 1 or -1 and plain numbers stay exact.
  const pivots: { column: number; row: number[]; rhs: number }[] = [];
  let rank = 0;
  for (let column = 0; column < unknowns.length; column++) {
    const at = matrix.findIndex((row, i) => i >= rank && (row[column] ?? 0) !== 0);
    if (at < 0) continue;
    [matrix[rank], matrix[at]] = [matrix[at] as number[], matrix[rank] as number[]];
    [rhs[rank], rhs[at]] = [rhs[at] as number, rhs[rank] as number];
    const pivotRow = matrix[rank] as number[];
    const scale = pivotRow[column] as number;
    for (let j = 0; j < pivotRow.length; j++) pivotRow[j] = (pivotRow[j] as number) / scale;
    rhs[rank] = (rhs[rank] as number) / scale;
    matrix.forEach((row, i) => {
      const factor = row[column] ?? 0;
      if (i === rank || factor === 0) return;
      for (let j = 0; j < row.length; j++)
        row[j] = (row[j] as number) - factor * (pivotRow[j] as number);
      rhs[i] = (rhs[i] as number) - factor * (rhs[rank] as number);
    });
    rank++;
  }
  for (let i = 0; i < rank; i++) {
    const row = matrix[i] as number[];
    pivots.push({ column: row.findIndex((x) => x !== 0), row, rhs: rhs[i] as number });
  }

  /** The value of sum(vector . unknowns) when the equations fix it. */
  const fixed = (vector: number[]): number | null => {
    const v = [...vector];
    let value = 0;
    for (const pivot of pivots) {
      const factor = v[pivot.column] ?? 0;
      if (factor === 0) continue;
      for (let j = 0; j < v.length; j++)
        v[j] = (v[j] as number) - factor * (pivot.row[j] as number);
      value += factor * pivot.rhs;
    }
    return v.every((x) => Math.abs(x) < 1e-9) ? Math.round(value) : null;
  };

  const entries: Derivation[] = [];
  unknowns.forEach((p, i) => {
    const vector = new Array<number>(unknowns.length).fill(0);
    vector[i] = 1;
    const value = fixed(vector);
    if (value !== null) entries.push({ position: p, value });
  });

  return entries;
}
