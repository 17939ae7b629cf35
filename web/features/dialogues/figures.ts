import { STATEMENT_MAX } from '../../../shared/dialogues/statements.ts';

// Figures as people read them: whole percentages, and an interval that never seems to leave out
// the rate it surrounds once both are rounded (62% agree, 48–75%, not 62% within 63–75%).

/** A rate from 0 to 1 as a whole percentage. */
export function wholePercent(rate: number): number {
  if (!Number.isFinite(rate)) return 0;
  return Math.round(Math.min(1, Math.max(0, rate)) * 100);
}

export interface AgreeFigures {
  rate: number;
  low: number;
  high: number;
}

/** The agree rate and its 95% interval as whole percentages, low ≤ rate ≤ high. */
export function agreeFigures(rate: number, interval: readonly [number, number]): AgreeFigures {
  const shown = wholePercent(rate);
  return {
    rate: shown,
    low: Math.min(wholePercent(interval[0]), shown),
    high: Math.max(wholePercent(interval[1]), shown),
  };
}

/** Characters left in a statement, counted as the server counts them (trimmed). */
export function charactersLeft(text: string, max = STATEMENT_MAX): number {
  return max - text.trim().length;
}

/**
 * A date-time typed in a datetime-local field (YYYY-MM-DDTHH:mm, the device's own time) as an
 * ISO instant with its offset, as the API takes it; what cannot be read is sent as typed, so
 * that the server's message names the field.
 */
export function localToInstant(local: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return local;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** An instant as a datetime-local value in the device's time: for a form's starting values. */
export function instantToLocal(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}
