import { describe, expect, it } from 'vitest';
import type { CourseContent, Scenario } from '../../../shared/training/course.ts';
import {
  type CheckStep,
  checkVerdict,
  firstOpenStep,
  isProgressRefusal,
  placedSteps,
  stepAfter,
  walkSoFar,
} from './learn-steps.ts';

const words = (en: string) => ({ en });

const check: CheckStep = {
  type: 'check',
  id: 'check',
  question: words('Which two?'),
  multiple: true,
  options: [
    { id: 'a', label: words('A'), correct: true, feedback: words('Yes, A.') },
    { id: 'b', label: words('B'), correct: false, feedback: words('Not B.') },
    { id: 'c', label: words('C'), correct: true, feedback: words('Yes, C.') },
  ],
};

const stop: Scenario = {
  id: 'stop',
  title: words('A stop'),
  start: 'start',
  nodes: [
    {
      id: 'start',
      situation: words('A driver films you.'),
      choices: [
        {
          id: 'explain',
          label: words('Explain'),
          next: 'calm',
          consequence: words('She listens.'),
          quality: 'good',
        },
        {
          id: 'order',
          label: words('Order'),
          next: 'bad-end',
          consequence: words('She shouts.'),
          quality: 'poor',
        },
      ],
    },
    {
      id: 'calm',
      situation: words('She hands over her licence.'),
      choices: [
        {
          id: 'thank',
          label: words('Thank her'),
          next: 'good-end',
          consequence: words('She nods.'),
          quality: 'good',
        },
      ],
    },
    {
      id: 'good-end',
      situation: words('She drives off calm.'),
      choices: [],
      ending: 'good',
      feedback: words('Explaining first helped.'),
    },
    {
      id: 'bad-end',
      situation: words('More units come.'),
      choices: [],
      ending: 'poor',
      feedback: words('Orders raised the temperature.'),
    },
  ],
};

const course: CourseContent = {
  title: words('De-escalation'),
  summary: words('Calm'),
  topic: 'de_escalation',
  languages: ['en'],
  minutes: 20,
  validMonths: null,
  modules: [
    {
      id: 'm1',
      title: words('Space'),
      lessons: [
        {
          id: 'l1',
          title: words('Distance'),
          steps: [{ type: 'text', id: 'read', markdown: words('Keep distance.') }, check],
        },
      ],
    },
    {
      id: 'm2',
      title: words('Words'),
      lessons: [
        {
          id: 'l2',
          title: words('Choices'),
          steps: [
            { type: 'reflection', id: 'think', prompt: words('When did you step back?') },
            { type: 'scenario', id: 'walk', scenario: 'stop' },
          ],
        },
      ],
    },
  ],
  scenarios: [stop],
};

describe('placedSteps', () => {
  it('should list every step in course order with its module and lesson', () => {
    const placed = placedSteps(course);
    expect(placed.map((one) => one.step.id)).toEqual(['read', 'check', 'think', 'walk']);
    expect(placed.map((one) => one.index)).toEqual([0, 1, 2, 3]);
    expect(placed[2]?.moduleIndex).toBe(1);
    expect(placed[2]?.lesson.id).toBe('l2');
  });
});

describe('firstOpenStep', () => {
  const placed = placedSteps(course);

  it('should open the first step when nothing is done', () => {
    expect(firstOpenStep(placed, [])).toBe(0);
  });

  it('should open the first step not done, even behind a later done one', () => {
    expect(firstOpenStep(placed, ['read', 'think'])).toBe(1);
  });

  it('should open the first step when every step is done, to look back through', () => {
    expect(firstOpenStep(placed, ['read', 'check', 'think', 'walk'])).toBe(0);
  });
});

describe('stepAfter', () => {
  const placed = placedSteps(course);

  it('should go to the next step not done after the one just done', () => {
    expect(stepAfter(placed, ['read', 'check'], 0)).toBe(2);
  });

  it('should go back to a step left open earlier when every later one is done', () => {
    expect(stepAfter(placed, ['read', 'think', 'walk'], 2)).toBe(1);
  });

  it('should go to the following step, or stay at the last, once everything is done', () => {
    const all = ['read', 'check', 'think', 'walk'];
    expect(stepAfter(placed, all, 1)).toBe(2);
    expect(stepAfter(placed, all, 3)).toBe(3);
  });
});

describe('walkSoFar', () => {
  it('should stand at the start with nothing taken before the first choice', () => {
    const walk = walkSoFar(stop, undefined);
    expect(walk.taken).toEqual([]);
    expect(walk.at?.id).toBe('start');
  });

  it('should replay each choice with the situation it was made in', () => {
    const walk = walkSoFar(stop, {
      at: 'good-end',
      path: ['explain', 'thank'],
      firstEnding: 'good',
    });
    expect(walk.taken.map((one) => [one.from.id, one.choice.id])).toEqual([
      ['start', 'explain'],
      ['calm', 'thank'],
    ]);
    expect(walk.at?.ending).toBe('good');
  });

  it('should stand at the start again after walking it again', () => {
    const walk = walkSoFar(stop, { at: 'start', path: [], firstEnding: 'poor' });
    expect(walk.taken).toEqual([]);
    expect(walk.at?.id).toBe('start');
  });
});

describe('checkVerdict', () => {
  it('should be right only when every right answer and no other is chosen', () => {
    expect(checkVerdict(check.options, ['a', 'c']).right).toBe(true);
    expect(checkVerdict(check.options, ['c', 'a']).right).toBe(true);
    expect(checkVerdict(check.options, ['a']).right).toBe(false);
    expect(checkVerdict(check.options, ['a', 'b', 'c']).right).toBe(false);
    expect(checkVerdict(check.options, []).right).toBe(false);
  });

  it('should give the chosen answers in the question’s order, for their feedback', () => {
    const verdict = checkVerdict(check.options, ['c', 'b']);
    expect(verdict.chosen.map((option) => option.feedback.en)).toEqual(['Not B.', 'Yes, C.']);
  });
});

describe('isProgressRefusal', () => {
  it('should know the progress machine’s refusals and nothing else', () => {
    expect(isProgressRefusal('already_done')).toBe(true);
    expect(isProgressRefusal('walk_not_ended')).toBe(true);
    expect(isProgressRefusal('toString')).toBe(false);
    expect(isProgressRefusal(undefined)).toBe(false);
  });
});
