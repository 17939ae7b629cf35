import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LearnerStatus } from '../../../shared/training/contract.ts';
import {
  apply,
  decide,
  type ProgressCommand,
  type ProgressEvent,
  startProgress,
} from '../../../shared/training/progress.ts';
import { countStatuses, learnerStatus, stepFigures } from './report-figures.ts';
import { trainingCourseFile } from './testing.ts';

// The report's counting rules over random learners, each a random run of commands through the
// progress machine: every learner who stood at a situation is counted once there, a first try
// is the only one counted, and a share is never more than everyone who could have taken it.

const course = trainingCourseFile('front-desk').course;

const command = fc.oneof(
  fc.constantFrom<ProgressCommand>(
    { type: 'read', stepId: 's1' },
    { type: 'reflect', stepId: 's4' },
    { type: 'walk_again', stepId: 's3' },
  ),
  fc
    .subarray(['a', 'b'], { minLength: 1 })
    .map((chosen): ProgressCommand => ({ type: 'answer', stepId: 's2', chosen })),
  fc
    .constantFrom('listen', 'form', 'sum', 'cut')
    .map((choiceId): ProgressCommand => ({ type: 'choose', stepId: 's3', choiceId })),
);

function eventsOf(commands: ProgressCommand[]): ProgressEvent[] {
  let progress = startProgress();
  const events: ProgressEvent[] = [];
  for (const one of commands) {
    const decision = decide(course, progress, one);
    if (!decision.ok) continue;
    for (const event of decision.events) {
      progress = apply(course, progress, event);
      events.push(event);
    }
  }
  return events;
}

const learners = fc.array(fc.array(command, { maxLength: 12 }), { maxLength: 15 }).map((runs) =>
  runs.map((commands) => ({
    status: 'in_progress' as LearnerStatus,
    events: eventsOf(commands),
  })),
);

describe('the report’s figures', () => {
  it('counts each learner once where they stood, and only their first walk and answer', () => {
    fc.assert(
      fc.property(learners, (group) => {
        const { scenarios, checks } = stepFigures(course, group);
        const [scenario] = scenarios;
        const [check] = checks;
        if (!scenario || !check) return false;
        expect(scenario.walkers).toBeLessThanOrEqual(group.length);
        const endings = Object.values(scenario.firstEndings).reduce((sum, n) => sum + n, 0);
        expect(endings).toBeLessThanOrEqual(scenario.walkers);
        for (const situation of scenario.situations) {
          const taken = situation.choices.reduce((sum, choice) => sum + choice.times, 0);
          expect(taken).toBe(situation.reached);
          expect(situation.reached).toBeLessThanOrEqual(scenario.walkers);
        }
        const start = scenario.situations.find((one) => one.nodeId === 'arrive');
        expect(start?.reached).toBe(scenario.walkers);
        for (const turn of scenario.wrongTurns) {
          expect(turn.share).toBeGreaterThan(0);
          expect(turn.share).toBeLessThanOrEqual(1);
        }
        expect(check.rightFirstTime).toBeLessThanOrEqual(check.answered);
        expect(check.wrongChoices.every((choice) => choice.times <= check.answered)).toBe(true);
        return true;
      }),
    );
  });

  it('places a learner by completion first, then the due date, then whether they began', () => {
    const done = new Date('2026-11-01T10:00:00Z');
    expect(learnerStatus(done, '2026-10-01', '2026-11-27', 9)).toBe('completed');
    expect(learnerStatus(null, '2026-11-26', '2026-11-27', 9)).toBe('overdue');
    expect(learnerStatus(null, '2026-11-27', '2026-11-27', 1)).toBe('in_progress');
    expect(learnerStatus(null, '2026-11-27', '2026-11-27', 0)).toBe('not_started');
    expect(countStatuses(['completed', 'overdue', 'overdue'])).toEqual({
      people: 3,
      completed: 1,
      overdue: 2,
      in_progress: 0,
      not_started: 0,
    });
  });
});
