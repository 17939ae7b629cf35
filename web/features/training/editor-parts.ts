import type {
  CourseModule,
  Lesson,
  Scenario,
  Step,
  StepType,
} from '../../../shared/training/course.ts';
import type { CourseDraft } from './editor-state.ts';

// The parts an author adds to a course, each whole from the start, with an id no other part of
// its kind holds: progress refers to ids, so the editor never reuses one.

/** `prefix-n` with the smallest n not yet taken. */
export function freshId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n += 1) {
    const id = `${prefix}-${n}`;
    if (!used.has(id)) return id;
  }
}

export const lessonsOf = (course: CourseDraft): Lesson[] =>
  course.modules.flatMap((one) => one.lessons);
export const stepsOf = (course: CourseDraft): Step[] =>
  lessonsOf(course).flatMap((one) => one.steps);

export function newStep(kind: StepType, id: string, course: CourseDraft): Step {
  switch (kind) {
    case 'text':
      return { type: 'text', id, markdown: {} };
    case 'video':
      return { type: 'video', id, title: {}, url: '', transcript: {} };
    case 'reflection':
      return { type: 'reflection', id, prompt: {} };
    case 'check':
      return {
        type: 'check',
        id,
        question: {},
        multiple: false,
        options: [
          { id: 'option-1', label: {}, correct: true, feedback: {} },
          { id: 'option-2', label: {}, correct: false, feedback: {} },
        ],
      };
    case 'scenario':
      return { type: 'scenario', id, scenario: course.scenarios[0]?.id ?? '' };
    case 'practice_circle':
      return { type: 'practice_circle', id, about: {} };
  }
}

export function newLesson(course: CourseDraft): Lesson {
  const taken = stepsOf(course).map((one) => one.id);
  return {
    id: freshId(
      'lesson',
      lessonsOf(course).map((one) => one.id),
    ),
    title: {},
    steps: [newStep('text', freshId('step', taken), course)],
  };
}

export function newModule(course: CourseDraft): CourseModule {
  return {
    id: freshId(
      'module',
      course.modules.map((one) => one.id),
    ),
    title: {},
    lessons: [newLesson(course)],
  };
}

/** A scenario that is whole from the start: one situation, one choice, one ending. */
export function newScenario(course: CourseDraft): Scenario {
  return {
    id: freshId(
      'scenario',
      course.scenarios.map((one) => one.id),
    ),
    title: {},
    start: 'start',
    nodes: [
      {
        id: 'start',
        situation: {},
        choices: [
          { id: 'choice-1', label: {}, next: 'ending-1', consequence: {}, quality: 'good' },
        ],
      },
      { id: 'ending-1', situation: {}, choices: [], ending: 'good', feedback: {} },
    ],
  };
}
