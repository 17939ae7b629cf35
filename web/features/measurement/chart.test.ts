import { describe, expect, it } from 'vitest';
import { axisTicks, type Frame, linePath, plotTrend, shareBar, yOf } from './chart.ts';

const frame: Frame = {
  width: 420,
  height: 240,
  left: 20,
  right: 0,
  top: 20,
  bottom: 20,
  min: 1,
  max: 5,
};

describe('the trend chart’s geometry', () => {
  it('puts the scale’s top at the frame’s top and its bottom at the frame’s bottom', () => {
    expect(yOf(5, frame)).toBe(20);
    expect(yOf(1, frame)).toBe(220);
    expect(yOf(3, frame)).toBe(120);
  });

  it('clamps a value outside the scale, so a whisker never leaves the chart', () => {
    expect(yOf(6.2, frame)).toBe(20);
    expect(yOf(-1, frame)).toBe(220);
  });

  it('gives each quarter an equal slot and draws its interval as a whisker', () => {
    const points = plotTrend(
      [
        { key: '2026-Q1', estimate: 3, interval: { lower: 2, upper: 4 } },
        { key: '2026-Q2', estimate: null, interval: null },
        { key: '2026-Q3', estimate: 5, interval: null },
        { key: '2026-Q4', estimate: 4, interval: { lower: 3.5, upper: 4.5 } },
      ],
      frame,
    );
    expect(points.map((point) => point.x)).toEqual([70, 170, 270, 370]);
    expect(points[0]).toEqual({ key: '2026-Q1', x: 70, y: 120, whisker: { top: 70, bottom: 170 } });
    expect(points[1]).toMatchObject({ y: null, whisker: null });
    expect(points[2]).toMatchObject({ y: 20, whisker: null });
  });

  it('lifts the line over a quarter without a figure', () => {
    const path = linePath([
      { key: 'a', x: 10, y: 100, whisker: null },
      { key: 'b', x: 20, y: 90, whisker: null },
      { key: 'c', x: 30, y: null, whisker: null },
      { key: 'd', x: 40, y: 80.456, whisker: null },
    ]);
    expect(path).toBe('M10 100L20 90M40 80.46');
  });

  it('draws no line when no quarter has a figure', () => {
    expect(linePath([{ key: 'a', x: 10, y: null, whisker: null }])).toBe('');
  });

  it('names every step of the axis, both ends included', () => {
    expect(axisTicks(1, 5, 1)).toEqual([1, 2, 3, 4, 5]);
    expect(axisTicks(0, 1, 0.25)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(axisTicks(1, 5, 0)).toEqual([]);
  });
});

describe('a share’s bar', () => {
  it('fills the share of the bar and puts the interval’s ends on it', () => {
    expect(shareBar(0.62, { lower: 0.48, upper: 0.75 }, 1000)).toEqual({
      filled: 620,
      whisker: { x1: 480, x2: 750 },
    });
  });

  it('clamps an interval to the bar and has none without one', () => {
    expect(shareBar(1, { lower: 0.9, upper: 1.02 }, 100).whisker).toEqual({ x1: 90, x2: 100 });
    expect(shareBar(0.5, null, 100)).toEqual({ filled: 50, whisker: null });
  });
});
