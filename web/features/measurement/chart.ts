// The geometry of a trend chart (one point per quarter, with its interval drawn as a whisker)
// and of a horizontal bar with its interval. Values outside the scale are clamped to it, so
// that a whisker never leaves the chart; a quarter without a figure leaves a gap in the line.

export interface Frame {
  width: number;
  height: number;
  /** Room for the value axis on the left, and for the quarters' names below. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** The scale's ends, e.g. 1 to 5 for the trust index. */
  min: number;
  max: number;
}

export interface TrendValue {
  key: string;
  /** Null: no figure for this quarter (nobody answered, or the group was too small). */
  estimate: number | null;
  interval: { lower: number; upper: number } | null;
}

export interface PlottedPoint {
  key: string;
  /** The middle of the quarter's slot. */
  x: number;
  y: number | null;
  whisker: { top: number; bottom: number } | null;
}

/** Where a value sits between the frame's top (max) and bottom (min), clamped. */
export function yOf(value: number, frame: Frame): number {
  const span = frame.max - frame.min;
  const share =
    span === 0 ? 0 : (Math.min(frame.max, Math.max(frame.min, value)) - frame.min) / span;
  const plotHeight = frame.height - frame.top - frame.bottom;
  return frame.top + (1 - share) * plotHeight;
}

/** Each quarter in its own equal slot, left to right, oldest first as given. */
export function plotTrend(values: readonly TrendValue[], frame: Frame): PlottedPoint[] {
  const plotWidth = frame.width - frame.left - frame.right;
  const slot = values.length === 0 ? 0 : plotWidth / values.length;
  return values.map((value, index) => ({
    key: value.key,
    x: frame.left + slot * (index + 0.5),
    y: value.estimate === null ? null : yOf(value.estimate, frame),
    whisker:
      value.estimate === null || value.interval === null
        ? null
        : { top: yOf(value.interval.upper, frame), bottom: yOf(value.interval.lower, frame) },
  }));
}

/** An SVG path through the points, lifted over the gaps; empty when no point has a value. */
export function linePath(points: readonly PlottedPoint[]): string {
  let path = '';
  let drawing = false;
  for (const point of points) {
    if (point.y === null) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${round(point.x)} ${round(point.y)}`;
    drawing = true;
  }
  return path;
}

/** The values the axis names: every `step` from min to max, both ends included. */
export function axisTicks(min: number, max: number, step: number): number[] {
  if (step <= 0 || max < min) return [];
  const ticks: number[] = [];
  const count = Math.floor((max - min) / step + 1e-9);
  for (let index = 0; index <= count; index += 1) ticks.push(round(min + index * step));
  return ticks;
}

/** A share (0 to 1) along a bar `width` wide, and its interval's ends, clamped to the bar. */
export function shareBar(
  share: number,
  interval: { lower: number; upper: number } | null,
  width: number,
): { filled: number; whisker: { x1: number; x2: number } | null } {
  const clamp = (value: number) => Math.min(width, Math.max(0, value * width));
  return {
    filled: clamp(share),
    whisker: interval
      ? {
          x1: clamp(Math.min(interval.lower, interval.upper)),
          x2: clamp(Math.max(interval.lower, interval.upper)),
        }
      : null,
  };
}

/** Two decimals are finer than any screen: shorter paths, and stable tests. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
