import type { VoteChoice } from '../../../shared/dialogues/contract.ts';

// The geometry of a stacked bar (agree, disagree, pass) and of the agree rate's interval drawn
// over it. Widths are whole units that add up to the bar's width, so that the parts meet without
// gaps or overlaps whatever the counts.

export interface Counts {
  agree: number;
  disagree: number;
  pass: number;
}

export interface Segment {
  choice: VoteChoice;
  x: number;
  width: number;
}

export const choiceOrder: readonly VoteChoice[] = ['agree', 'disagree', 'pass'];

/** The parts of a bar `width` wide; an empty list when nobody voted. */
export function stackedSegments(counts: Counts, width: number): Segment[] {
  const total = counts.agree + counts.disagree + counts.pass;
  if (total <= 0 || width <= 0) return [];
  // Largest remainder: floor every share, then hand the units left to the largest fractions.
  const exact = choiceOrder.map((choice) => (counts[choice] / total) * width);
  const widths = exact.map(Math.floor);
  let left = width - widths.reduce((sum, each) => sum + each, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    widths[index] = (widths[index] ?? 0) + 1;
    left -= 1;
  }
  const segments: Segment[] = [];
  let x = 0;
  choiceOrder.forEach((choice, index) => {
    const each = widths[index] ?? 0;
    if (each > 0) segments.push({ choice, x, width: each });
    x += each;
  });
  return segments;
}

/** Where the agree rate's interval runs along a bar `width` wide, clamped to it. */
export function intervalSpan(
  interval: readonly [number, number],
  width: number,
): { x1: number; x2: number } {
  const clamp = (value: number) => Math.min(width, Math.max(0, value * width));
  const x1 = clamp(Math.min(interval[0], interval[1]));
  const x2 = clamp(Math.max(interval[0], interval[1]));
  return { x1, x2 };
}
