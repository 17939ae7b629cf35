import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CourseContent, checkCourse } from './course.ts';
import {
  apply,
  decide,
  fold,
  type Progress,
  type ProgressCommand,
  type ProgressEvent,
  shareDone,
  startProgress,
  stepsOf,
} from './progress.ts';

// A learner's progress through a small course of every kind of step, under random commands:
// the course completes exactly when every step is done, once; a check only by its right
// answers; a scenario only at an ending, along choices that exist; and a refused command
// changes nothing.

const t = (text: string) => ({ en: text, es: text });

const course: CourseContent = {
  title: t('Listening at the front desk'),
  summary: t('A short course.'),
  topic: 'active_listening',
  languages: ['en', 'es'],
  minutes: 20,
  validMonths: 12,
  modules: [
    {
      id: 'm1',
      title: t('Listening'),
      lessons: [
        {
          id: 'l1',
          title: t('Why listen'),
          steps: [
            { type: 'text', id: 'read', markdown: t('Listening builds trust.') },
            { type: 'reflection', id: 'think', prompt: t('When were you last heard?') },
            {
              type: 'check',
              id: 'one',
              question: t('What comes first?'),
              multiple: false,
              options: [
                { id: 'a', label: t('Listen'), correct: true, feedback: t('Yes.') },
                { id: 'b', label: t('Explain the law'), correct: false, feedback: t('Later.') },
                { id: 'c', label: t('Leave'), correct: false, feedback: t('No.') },
              ],
            },
            {
              type: 'check',
              id: 'many',
              question: t('Which are open questions?'),
              multiple: true,
              options: [
                { id: 'a', label: t('What happened?'), correct: true, feedback: t('Open.') },
                { id: 'b', label: t('How did it feel?'), correct: true, feedback: t('Open.') },
                { id: 'c', label: t('Were you there?'), correct: false, feedback: t('Closed.') },
              ],
            },
          ],
        },
        {
          id: 'l2',
          title: t('Practice'),
          steps: [
            { type: 'scenario', id: 'desk', scenario: 'complaint' },
            { type: 'practice_circle', id: 'circle', about: t('Sit in a circle.') },
          ],
        },
      ],
    },
  ],
  scenarios: [
    {
      id: 'complaint',
      title: t('A complaint at the desk'),
      start: 'arrive',
      nodes: [
        {
          id: 'arrive',
          situation: t('A resident arrives, upset.'),
          choices: [
            {
              id: 'listen',
              label: t('Listen'),
              next: 'story',
              consequence: t('She talks.'),
              quality: 'good',
            },
            {
              id: 'form',
              label: t('Hand a form'),
              next: 'angry',
              consequence: t('She is angrier.'),
              quality: 'poor',
            },
          ],
        },
        {
          id: 'story',
          situation: t('She tells her story.'),
          choices: [
            {
              id: 'sum',
              label: t('Summarise'),
              next: 'heard',
              consequence: t('She nods.'),
              quality: 'good',
            },
            {
              id: 'argue',
              label: t('Correct her'),
              next: 'left',
              consequence: t('She goes.'),
              quality: 'poor',
            },
          ],
        },
        {
          id: 'angry',
          situation: t('She raises her voice.'),
          choices: [
            {
              id: 'sorry',
              label: t('Apologise and listen'),
              next: 'story',
              consequence: t('She calms.'),
              quality: 'mixed',
            },
            {
              id: 'leave',
              label: t('Ask her to leave'),
              next: 'left',
              consequence: t('She leaves.'),
              quality: 'poor',
            },
          ],
        },
        {
          id: 'heard',
          situation: t('She feels heard.'),
          choices: [],
          ending: 'good',
          feedback: t('Good.'),
        },
        {
          id: 'left',
          situation: t('She leaves.'),
          choices: [],
          ending: 'poor',
          feedback: t('Think again.'),
        },
      ],
    },
  ],
};

const stepIds = stepsOf(course).map((step) => step.id);
/** The commands that move a learner on, drawn often so that random runs also complete. */
const helpful: ProgressCommand[] = [
  { type: 'read', stepId: 'read' },
  { type: 'reflect', stepId: 'think' },
  { type: 'answer', stepId: 'one', chosen: ['a'] },
  { type: 'answer', stepId: 'many', chosen: ['b', 'a'] },
  { type: 'attend', stepId: 'circle' },
  { type: 'choose', stepId: 'desk', choiceId: 'listen' },
  { type: 'choose', stepId: 'desk', choiceId: 'sum' },
];
const command: fc.Arbitrary<ProgressCommand> = fc.oneof(
  fc.constantFrom(...helpful),
  fc.record({ type: fc.constant('read' as const), stepId: fc.constantFrom(...stepIds, 'nope') }),
  fc.record({ type: fc.constant('reflect' as const), stepId: fc.constantFrom(...stepIds) }),
  fc.record({ type: fc.constant('attend' as const), stepId: fc.constantFrom(...stepIds) }),
  fc.record({
    type: fc.constant('answer' as const),
    stepId: fc.constantFrom('one', 'many', 'read'),
    chosen: fc.subarray(['a', 'b', 'c', 'z']),
  }),
  fc.record({
    type: fc.constant('choose' as const),
    stepId: fc.constantFrom('desk', 'desk', 'desk', 'read'),
    choiceId: fc.constantFrom('listen', 'form', 'sum', 'argue', 'sorry', 'leave', 'x'),
  }),
  fc.record({ type: fc.constant('walk_again' as const), stepId: fc.constantFrom('desk', 'one') }),
);

/** Plays the commands, checking each decision against the state before it. */
function play(
  commands: ProgressCommand[],
  check: (before: Progress, command: ProgressCommand, events: ProgressEvent[] | null) => void,
): { progress: Progress; events: ProgressEvent[] } {
  let progress = startProgress();
  const events: ProgressEvent[] = [];
  for (const one of commands) {
    const decision = decide(course, progress, one);
    check(progress, one, decision.ok ? decision.events : null);
    if (!decision.ok) continue;
    for (const event of decision.events) progress = apply(course, progress, event);
    events.push(...decision.events);
  }
  return { progress, events };
}

describe('a learner’s progress', () => {
  it('is valid course data to begin with', () => {
    expect(checkCourse(course)).toEqual([]);
  });

  it('completes exactly when every step is done, once, and folds from its events', () => {
    let completions = 0;
    fc.assert(
      fc.property(fc.array(command, { minLength: 10, maxLength: 60, size: 'max' }), (commands) => {
        const { progress, events } = play(commands, () => undefined);
        const completedEvents = events.filter((event) => event.type === 'completed').length;
        expect(completedEvents).toBe(progress.completed ? 1 : 0);
        expect(progress.completed).toBe(stepIds.every((id) => progress.done.has(id)));
        expect(shareDone(course, progress)).toBe(
          stepIds.filter((id) => progress.done.has(id)).length / stepIds.length,
        );
        const doneEvents = events.filter((event) => event.type === 'step_done');
        expect(new Set(doneEvents.map((event) => event.stepId)).size).toBe(doneEvents.length);
        expect(fold(course, events)).toEqual(progress);
        if (progress.completed) completions += 1;
      }),
      { numRuns: 500 },
    );
    expect(completions).toBeGreaterThan(5);
  });

  it('passes a check only on its right answers, and a scenario only at an ending', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 10, maxLength: 60, size: 'max' }), (commands) => {
        play(commands, (before, one, events) => {
          for (const event of events ?? []) {
            if (event.type !== 'step_done') continue;
            if (event.stepId === 'one') {
              expect(one).toEqual({ type: 'answer', stepId: 'one', chosen: ['a'] });
            }
            if (event.stepId === 'many') {
              expect(one.type === 'answer' && [...one.chosen].sort()).toEqual(['a', 'b']);
            }
            if (event.stepId === 'desk') {
              expect(events?.some((other) => other.type === 'walk_ended')).toBe(true);
            }
          }
          if (one.type === 'choose' && events) {
            const walkAt = before.walks.desk?.at ?? 'arrive';
            const chose = events[0];
            expect(chose).toMatchObject({ type: 'chose', from: walkAt });
          }
          if (before.completed && events) {
            expect(['choose', 'walk_again']).toContain(one.type);
          }
        });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a scenario’s first ending, and walks it again from the start', () => {
    const choose = (choiceId: string): ProgressCommand => ({
      type: 'choose',
      stepId: 'desk',
      choiceId,
    });
    const { progress } = play(
      [
        choose('form'),
        choose('leave'),
        { type: 'walk_again', stepId: 'desk' },
        choose('listen'),
        choose('sum'),
      ],
      () => undefined,
    );
    expect(progress.walks.desk).toEqual({
      at: 'heard',
      path: ['listen', 'sum'],
      firstEnding: 'poor',
    });
    expect(progress.done.has('desk')).toBe(true);
    expect(decide(course, progress, choose('listen'))).toEqual({
      ok: false,
      refusal: 'unknown_choice',
    });
  });

  it('tells a wrong answer apart and lets the learner try again', () => {
    const wrong = decide(course, startProgress(), { type: 'answer', stepId: 'one', chosen: ['b'] });
    expect(wrong).toEqual({
      ok: true,
      events: [{ type: 'answered', stepId: 'one', chosen: ['b'], right: false }],
    });
    expect(
      decide(course, startProgress(), { type: 'answer', stepId: 'one', chosen: ['a', 'b'] }),
    ).toEqual({
      ok: false,
      refusal: 'one_answer_only',
    });
    expect(decide(course, startProgress(), { type: 'read', stepId: 'one' })).toEqual({
      ok: false,
      refusal: 'wrong_kind',
    });
  });
});
