import type { VoteMatrix } from './matrix.ts';

// Opinion groups, as Pol.is finds them: the vote matrix is reduced to its first two principal
// components (a statement nobody near you saw counts as the statement's average vote), each
// participant's position is stretched by how few statements they saw (so that someone who voted
// on little is not pulled to the centre), and the positions are grouped by k-means for k from 2
// to 5, keeping the k with the best silhouette. Deterministic: the same votes give the same
// groups, which a facilitator and a researcher can check.

/** Where each participant sits on the first two components. */
export type Position = [number, number];

const ITERATIONS = 200;

function columnMeans(matrix: VoteMatrix): Float64Array {
  const columns = matrix.statements.length;
  const sums = new Float64Array(columns);
  const counts = new Float64Array(columns);
  for (let index = 0; index < matrix.cells.length; index += 1) {
    const value = matrix.cells[index] ?? Number.NaN;
    if (Number.isNaN(value)) continue;
    sums[index % columns] = (sums[index % columns] ?? 0) + value;
    counts[index % columns] = (counts[index % columns] ?? 0) + 1;
  }
  return sums.map((sum, column) => ((counts[column] ?? 0) > 0 ? sum / (counts[column] ?? 1) : 0));
}

/** The matrix centred on each statement's mean vote, unseen cells at the mean (0 once centred). */
function centred(matrix: VoteMatrix): Float64Array {
  const columns = matrix.statements.length;
  const means = columnMeans(matrix);
  return matrix.cells.map((value, index) =>
    Number.isNaN(value) ? 0 : value - (means[index % columns] ?? 0),
  );
}

const norm = (vector: Float64Array) => Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));

/**
 * The top principal directions of the rows of `data` (rows x columns), by power iteration on
 * XᵀX with deflation. Each direction's sign is fixed so that its largest entry is positive.
 */
export function principalDirections(
  data: Float64Array,
  rows: number,
  columns: number,
  count: number,
): Float64Array[] {
  const directions: Float64Array[] = [];
  const projectOut = (vector: Float64Array) => {
    for (const found of directions) {
      let dot = 0;
      for (let c = 0; c < columns; c += 1) dot += (vector[c] ?? 0) * (found[c] ?? 0);
      for (let c = 0; c < columns; c += 1) vector[c] = (vector[c] ?? 0) - dot * (found[c] ?? 0);
    }
  };
  const scores = new Float64Array(rows);
  for (let component = 0; component < Math.min(count, columns); component += 1) {
    // A start that is not orthogonal to any direction in practice, and the same every time.
    let vector = new Float64Array(columns).map((_, c) => 1 + ((c * 7919) % 13) / 13);
    projectOut(vector);
    for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
      for (let r = 0; r < rows; r += 1) {
        let dot = 0;
        const offset = r * columns;
        for (let c = 0; c < columns; c += 1) dot += (data[offset + c] ?? 0) * (vector[c] ?? 0);
        scores[r] = dot;
      }
      const next = new Float64Array(columns);
      for (let r = 0; r < rows; r += 1) {
        const score = scores[r] ?? 0;
        if (score === 0) continue;
        const offset = r * columns;
        for (let c = 0; c < columns; c += 1)
          next[c] = (next[c] ?? 0) + score * (data[offset + c] ?? 0);
      }
      projectOut(next);
      const length = norm(next);
      if (length === 0) break;
      for (let c = 0; c < columns; c += 1) next[c] = (next[c] ?? 0) / length;
      let change = 0;
      for (let c = 0; c < columns; c += 1) change += Math.abs((next[c] ?? 0) - (vector[c] ?? 0));
      vector = next;
      if (change < 1e-10) break;
    }
    let largest = 0;
    for (let c = 0; c < columns; c += 1) {
      if (Math.abs(vector[c] ?? 0) > Math.abs(vector[largest] ?? 0)) largest = c;
    }
    if ((vector[largest] ?? 0) < 0) vector = vector.map((x) => -x);
    directions.push(vector);
  }
  return directions;
}

/**
 * Each participant's position on the first two components, stretched by
 * sqrt(statements / statements they voted on), as Pol.is does for sparse votes.
 */
export function positionsOf(matrix: VoteMatrix, seenCounts: readonly number[]): Position[] {
  const rows = matrix.participants.length;
  const columns = matrix.statements.length;
  const data = centred(matrix);
  const [first, second] = principalDirections(data, rows, columns, 2);
  return matrix.participants.map((_, r) => {
    const position: Position = [0, 0];
    [first, second].forEach((direction, axis) => {
      if (!direction) return;
      let dot = 0;
      for (let c = 0; c < columns; c += 1)
        dot += (data[r * columns + c] ?? 0) * (direction[c] ?? 0);
      position[axis] = dot;
    });
    const stretch = Math.sqrt(columns / Math.max(1, seenCounts[r] ?? 0));
    return [position[0] * stretch, position[1] * stretch];
  });
}

const distance = (a: Position, b: Position) => {
  const dx = a[0] - b[0];
  const dy = a[1] - b[1];
  return Math.sqrt(dx * dx + dy * dy);
};

/**
 * k-means from a deterministic start: the point farthest from the centre of all, then each
 * next the point farthest from the centres chosen so far. Returns each point's group.
 */
export function kMeans(points: readonly Position[], k: number): number[] {
  const centre: Position = [0, 0];
  for (const point of points) {
    centre[0] += point[0] / points.length;
    centre[1] += point[1] / points.length;
  }
  const farthestFrom = (from: Position[]) => {
    let best = 0;
    let bestDistance = -1;
    points.forEach((point, index) => {
      const nearest = Math.min(...from.map((chosen) => distance(point, chosen)));
      if (nearest > bestDistance) {
        bestDistance = nearest;
        best = index;
      }
    });
    return points[best] ?? [0, 0];
  };
  const centres: Position[] = [farthestFrom([centre])];
  while (centres.length < k) centres.push(farthestFrom(centres));
  const groups = new Array<number>(points.length).fill(0);
  for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
    let moved = false;
    points.forEach((point, index) => {
      let nearest = 0;
      for (let g = 1; g < centres.length; g += 1) {
        if (
          distance(point, centres[g] as Position) < distance(point, centres[nearest] as Position)
        ) {
          nearest = g;
        }
      }
      if (groups[index] !== nearest) moved = true;
      groups[index] = nearest;
    });
    for (let g = 0; g < centres.length; g += 1) {
      const members = points.filter((_, index) => groups[index] === g);
      if (members.length === 0) continue;
      centres[g] = [
        members.reduce((sum, point) => sum + point[0], 0) / members.length,
        members.reduce((sum, point) => sum + point[1], 0) / members.length,
      ];
    }
    if (!moved && iteration > 0) break;
  }
  return groups;
}

/** The mean silhouette of a grouping: near 1 when groups are tight and far apart. */
export function silhouette(points: readonly Position[], groups: readonly number[]): number {
  const k = Math.max(...groups) + 1;
  const sizes = new Array<number>(k).fill(0);
  for (const group of groups) sizes[group] = (sizes[group] ?? 0) + 1;
  let total = 0;
  const sums = new Float64Array(k);
  points.forEach((point, index) => {
    sums.fill(0);
    for (let j = 0; j < points.length; j += 1) {
      const group = groups[j] ?? 0;
      if (j !== index) sums[group] = (sums[group] ?? 0) + distance(point, points[j] as Position);
    }
    const own = groups[index] ?? 0;
    const ownSize = (sizes[own] ?? 0) - 1;
    if (ownSize <= 0) return;
    const within = (sums[own] ?? 0) / ownSize;
    let nearestOther = Number.POSITIVE_INFINITY;
    for (let g = 0; g < k; g += 1) {
      if (g !== own && (sizes[g] ?? 0) > 0) {
        nearestOther = Math.min(nearestOther, (sums[g] ?? 0) / (sizes[g] ?? 1));
      }
    }
    const spread = Math.max(within, nearestOther);
    if (spread > 0 && Number.isFinite(nearestOther)) total += (nearestOther - within) / spread;
  });
  return points.length > 0 ? total / points.length : 0;
}

export interface Grouping {
  /** Each participant's opinion group, by row. */
  groups: number[];
  k: number;
  silhouette: number;
}

/** Groups for k from 2 to 5 (fewer with few people), the one with the best silhouette. */
export function opinionGroups(points: readonly Position[]): Grouping {
  let best: Grouping = { groups: points.map(() => 0), k: 1, silhouette: 0 };
  for (let k = 2; k <= Math.min(5, points.length - 1); k += 1) {
    const groups = kMeans(points, k);
    if (new Set(groups).size < k) continue;
    const score = silhouette(points, groups);
    if (best.k === 1 || score > best.silhouette + 1e-9) best = { groups, k, silhouette: score };
  }
  return best;
}

/** How well two groupings of the same people agree, corrected for chance: 1 when identical. */
export function adjustedRandIndex(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const pairs = (x: number) => (x * (x - 1)) / 2;
  const table = new Map<string, number>();
  const rowsOf = new Map<number, number>();
  const columnsOf = new Map<number, number>();
  a.forEach((left, index) => {
    const right = b[index] ?? -1;
    table.set(`${left}:${right}`, (table.get(`${left}:${right}`) ?? 0) + 1);
    rowsOf.set(left, (rowsOf.get(left) ?? 0) + 1);
    columnsOf.set(right, (columnsOf.get(right) ?? 0) + 1);
  });
  const sum = (values: Iterable<number>) => [...values].reduce((total, x) => total + pairs(x), 0);
  const index = sum(table.values());
  const rows = sum(rowsOf.values());
  const columns = sum(columnsOf.values());
  const expected = (rows * columns) / pairs(n);
  const maximum = (rows + columns) / 2;
  return maximum === expected ? 1 : (index - expected) / (maximum - expected);
}
