import type {
  CheckReport,
  LearnerRow,
  LearnerStatus,
  ScenarioReport,
} from '../../../shared/training/contract.ts';
import type { Outcome, Translated } from '../../../shared/training/course.ts';

// A course's report turned into what its tables and lists show: whole percentages, learners
// in the order a supervisor acts on them, and each wrong turn with the situation it was taken in.

/** `part` of `whole` as a whole percentage; 0 when there is no whole. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** The late first, then those under way, those not begun, and those done. */
const statusOrder: Record<LearnerStatus, number> = {
  overdue: 0,
  in_progress: 1,
  not_started: 2,
  completed: 3,
};

/** Learners by status (the overdue first), then by due day, then by name. */
export function learnersInOrder(learners: readonly LearnerRow[]): LearnerRow[] {
  return [...learners].sort(
    (a, b) =>
      statusOrder[a.status] - statusOrder[b.status] ||
      a.dueOn.localeCompare(b.dueOn) ||
      a.name.localeCompare(b.name) ||
      a.enrolmentId.localeCompare(b.enrolmentId),
  );
}

/**
 * The start of a text, for a table: its first paragraph, cut at a word before `max`
 * characters with an ellipsis when longer.
 */
export function shortened(text: string, max = 160): string {
  const first =
    text
      .trim()
      .split(/\n\s*\n/)[0]
      ?.replace(/\s+/g, ' ') ?? '';
  if (first.length <= max) return first;
  const cut = first.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export interface WrongTurnRow {
  key: string;
  situation: Translated;
  label: Translated;
  quality: Exclude<Outcome, 'good'>;
  times: number;
  /** Learners whose first walk reached the situation and chose there. */
  reached: number;
  percent: number;
}

/** Each wrong turn with the situation it was taken in and how many stood there. */
export function wrongTurnRows(scenario: ScenarioReport): WrongTurnRow[] {
  const situations = new Map(scenario.situations.map((each) => [each.nodeId, each]));
  return scenario.wrongTurns.map((turn) => {
    const situation = situations.get(turn.nodeId);
    const reached = situation?.reached ?? turn.times;
    return {
      key: `${turn.nodeId}/${turn.choiceId}`,
      situation: situation?.situation ?? {},
      label: turn.label,
      quality: turn.quality,
      times: turn.times,
      reached,
      percent: percentOf(turn.times, reached),
    };
  });
}

/** A knowledge check's wrong answers, the most chosen first; those no one chose left out. */
export function wrongAnswersChosen(check: CheckReport): CheckReport['wrongChoices'] {
  return check.wrongChoices
    .filter((choice) => choice.times > 0)
    .sort((a, b) => b.times - a.times || a.optionId.localeCompare(b.optionId));
}
