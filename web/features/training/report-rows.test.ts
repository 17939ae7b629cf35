import { describe, expect, it } from 'vitest';
import type { LearnerRow, ScenarioReport } from '../../../shared/training/contract.ts';
import {
  learnersInOrder,
  percentOf,
  shortened,
  wrongAnswersChosen,
  wrongTurnRows,
} from './report-rows.ts';

const learner = (over: Partial<LearnerRow>): LearnerRow => ({
  enrolmentId: over.name ?? 'e',
  name: 'Someone',
  cohortName: 'Winter patrol',
  unit: '',
  dueOn: '2027-01-10',
  shareDone: 0,
  status: 'not_started',
  completedAt: null,
  certificateExpiresAt: null,
  renewalDue: false,
  ...over,
});

describe('percentOf', () => {
  it('should give a whole percentage, and 0 when there is no one to count', () => {
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(3, 3)).toBe(100);
    expect(percentOf(0, 0)).toBe(0);
  });
});

describe('learnersInOrder', () => {
  it('should put the overdue first and the completed last, then by due day and name', () => {
    const ordered = learnersInOrder([
      learner({ name: 'Done', status: 'completed' }),
      learner({ name: 'Zoe', status: 'in_progress' }),
      learner({ name: 'Late', status: 'overdue' }),
      learner({ name: 'Adam', status: 'in_progress' }),
      learner({ name: 'Early', status: 'in_progress', dueOn: '2026-12-01' }),
      learner({ name: 'Idle', status: 'not_started' }),
    ]);
    expect(ordered.map((row) => row.name)).toEqual([
      'Late',
      'Early',
      'Adam',
      'Zoe',
      'Idle',
      'Done',
    ]);
  });
});

describe('shortened', () => {
  it('should keep a short first paragraph whole', () => {
    expect(shortened('The driver films you.\n\nA child sleeps in the back.')).toBe(
      'The driver films you.',
    );
  });

  it('should cut a long text at a word and end it with an ellipsis', () => {
    const text = `${'word '.repeat(50)}end`;
    const short = shortened(text, 40);
    expect(short.length).toBeLessThanOrEqual(40);
    expect(short.endsWith('word…')).toBe(true);
  });
});

const scenario: ScenarioReport = {
  stepId: 's1',
  title: { en: 'The traffic stop' },
  walkers: 5,
  firstEndings: { good: 2, mixed: 2, poor: 1 },
  situations: [
    {
      nodeId: 'start',
      situation: { en: 'The driver is filming you.' },
      reached: 5,
      choices: [],
    },
    { nodeId: 'later', situation: { en: 'The child wakes.' }, reached: 3, choices: [] },
  ],
  wrongTurns: [
    {
      nodeId: 'start',
      choiceId: 'grab',
      label: { en: 'Reach for the phone' },
      quality: 'poor',
      times: 2,
      share: 0.4,
    },
    {
      nodeId: 'later',
      choiceId: 'ignore',
      label: { en: 'Carry on' },
      quality: 'mixed',
      times: 1,
      share: 1 / 3,
    },
  ],
};

describe('wrongTurnRows', () => {
  it('should give each wrong turn its situation and how many stood there', () => {
    expect(wrongTurnRows(scenario)).toEqual([
      {
        key: 'start/grab',
        situation: { en: 'The driver is filming you.' },
        label: { en: 'Reach for the phone' },
        quality: 'poor',
        times: 2,
        reached: 5,
        percent: 40,
      },
      {
        key: 'later/ignore',
        situation: { en: 'The child wakes.' },
        label: { en: 'Carry on' },
        quality: 'mixed',
        times: 1,
        reached: 3,
        percent: 33,
      },
    ]);
  });
});

describe('wrongAnswersChosen', () => {
  it('should list the wrong answers someone chose, the most chosen first', () => {
    const chosen = wrongAnswersChosen({
      stepId: 'c1',
      question: { en: 'Which?' },
      answered: 4,
      rightFirstTime: 1,
      wrongChoices: [
        { optionId: 'a', label: { en: 'A' }, times: 1 },
        { optionId: 'b', label: { en: 'B' }, times: 0 },
        { optionId: 'c', label: { en: 'C' }, times: 2 },
      ],
    });
    expect(chosen.map((choice) => choice.optionId)).toEqual(['c', 'a']);
  });
});
