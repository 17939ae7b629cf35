import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCourse, type StepType } from '../../../shared/training/course.ts';
import { courseFile } from '../../../shared/training/course-file.ts';
import { freshId } from './editor-parts.ts';
import { courseToSend } from './editor-send.ts';
import {
  type EditorAction,
  type EditorState,
  editorReducer,
  type ListAt,
  newCourseState,
} from './editor-state.ts';

// The course editor's reducer: what an author's edits do to the course, and what is sent.

const fill = { en: 'Words', es: 'Palabras' };

function apply(state: EditorState, ...actions: EditorAction[]): EditorState {
  return actions.reduce(editorReducer, state);
}

/** Every id the server requires to be unique, by where it must be unique. */
function idGroups(state: EditorState): string[][] {
  const { course } = state;
  const lessons = course.modules.flatMap((module) => module.lessons);
  const steps = lessons.flatMap((lesson) => lesson.steps);
  return [
    course.modules.map((module) => module.id),
    lessons.map((lesson) => lesson.id),
    steps.map((step) => step.id),
    course.scenarios.map((scenario) => scenario.id),
    ...steps.flatMap((step) => (step.type === 'check' ? [step.options.map((o) => o.id)] : [])),
    ...course.scenarios.map((scenario) => scenario.nodes.map((node) => node.id)),
    ...course.scenarios.flatMap((scenario) =>
      scenario.nodes.map((node) => node.choices.map((choice) => choice.id)),
    ),
  ];
}

describe('the course editor’s state', () => {
  it('should start a new course as one module, one lesson and one text step in English and Spanish', () => {
    const { course } = newCourseState();
    expect(course.languages).toEqual(['en', 'es']);
    expect(course.modules).toHaveLength(1);
    expect(course.modules[0]?.lessons).toHaveLength(1);
    expect(course.modules[0]?.lessons[0]?.steps.map((step) => step.type)).toEqual(['text']);
  });

  it('should send a skeleton whose texts are written as a course file the server accepts', () => {
    const state = apply(
      newCourseState(),
      { type: 'setSlug', slug: 'listening-well' },
      { type: 'setCourse', patch: { title: fill, summary: fill } },
      { type: 'setModuleTitle', at: { module: 0 }, title: fill },
      { type: 'setLessonTitle', at: { module: 0, lesson: 0 }, title: fill },
      {
        type: 'setStep',
        at: { module: 0, lesson: 0, step: 0 },
        step: { type: 'text', id: 'ignored', markdown: { en: '## Hello', es: '## Hola' } },
      },
      { type: 'add', at: { list: 'scenarios' } },
      { type: 'setScenario', scenario: 0, patch: { title: fill } },
      { type: 'setSituation', at: { scenario: 0, node: 0 }, situation: fill },
      { type: 'setSituation', at: { scenario: 0, node: 1 }, situation: fill },
      { type: 'setEndingFeedback', at: { scenario: 0, node: 1 }, feedback: fill },
      {
        type: 'setChoice',
        at: { scenario: 0, node: 0, choice: 0 },
        patch: { label: fill, consequence: fill },
      },
    );
    const file = courseFile.parse({
      format: 'restorativ.course',
      formatVersion: 1,
      slug: state.slug,
      course: courseToSend(state.course),
    });
    expect(checkCourse(file.course)).toEqual([]);
    expect(file.course.modules[0]?.lessons[0]?.steps[0]).toMatchObject({ id: 'step-1' });
  });

  it('should leave blank texts and other languages out, so that the server names what is missing', () => {
    const state = apply(
      newCourseState(),
      { type: 'setCourse', patch: { title: { en: 'Listening', es: '  ' }, languages: ['en'] } },
      { type: 'setCourse', patch: { summary: { en: 'About it', es: 'Sobre esto' } } },
    );
    const sent = courseToSend(state.course);
    expect(sent.title).toEqual({ en: 'Listening' });
    expect(sent.summary).toEqual({ en: 'About it' });
  });

  it('should send blank minutes as missing and no months when the certificate does not expire', () => {
    const sent = courseToSend(
      apply(newCourseState(), { type: 'setCourse', patch: { minutes: ' ', validMonths: '12' } })
        .course,
    );
    expect(sent.minutes).toBeUndefined();
    expect(sent.validMonths).toBeNull();
    const expiring = courseToSend(
      apply(newCourseState(), { type: 'setCourse', patch: { expires: true, validMonths: '12' } })
        .course,
    );
    expect(expiring.validMonths).toBe(12);
  });

  it('should move a lesson up and down, and keep it in place at either end', () => {
    const three = apply(
      newCourseState(),
      { type: 'add', at: { list: 'lessons', module: 0 } },
      { type: 'add', at: { list: 'lessons', module: 0 } },
    );
    const ids = (state: EditorState) => state.course.modules[0]?.lessons.map((lesson) => lesson.id);
    expect(ids(three)).toEqual(['lesson-1', 'lesson-2', 'lesson-3']);
    expect(
      ids(apply(three, { type: 'move', at: { list: 'lessons', module: 0 }, index: 2, by: -1 })),
    ).toEqual(['lesson-1', 'lesson-3', 'lesson-2']);
    expect(
      ids(apply(three, { type: 'move', at: { list: 'lessons', module: 0 }, index: 0, by: -1 })),
    ).toEqual(['lesson-1', 'lesson-2', 'lesson-3']);
    expect(
      ids(apply(three, { type: 'remove', at: { list: 'lessons', module: 0 }, index: 1 })),
    ).toEqual(['lesson-1', 'lesson-3']);
  });

  it('should count adds, moves and removals but not typing, and forget changes once saved', () => {
    const typed = apply(newCourseState(), { type: 'setCourse', patch: { title: fill } });
    expect(typed.structure).toBe(0);
    expect(typed.changed).toBe(true);
    const added = apply(typed, { type: 'add', at: { list: 'modules' } });
    expect(added.structure).toBe(1);
    expect(apply(added, { type: 'saved' }).changed).toBe(false);
  });

  it('should make a situation an ending with feedback, and send no feedback once it offers choices again', () => {
    const ending = apply(
      newCourseState(),
      { type: 'add', at: { list: 'scenarios' } },
      { type: 'setEnding', at: { scenario: 0, node: 0 }, ending: 'poor' },
    );
    expect(ending.course.scenarios[0]?.nodes[0]).toMatchObject({ ending: 'poor', feedback: {} });
    const again = apply(
      ending,
      { type: 'setEndingFeedback', at: { scenario: 0, node: 0 }, feedback: fill },
      { type: 'setEnding', at: { scenario: 0, node: 0 }, ending: null },
    );
    const node = courseToSend(again.course).scenarios[0]?.nodes[0];
    expect(node?.ending).toBeUndefined();
    expect(node?.feedback).toBeUndefined();
  });

  it('should lead a new choice to another situation of the scenario', () => {
    const state = apply(
      newCourseState(),
      { type: 'add', at: { list: 'scenarios' } },
      { type: 'add', at: { list: 'choices', scenario: 0, node: 0 } },
    );
    const choices = state.course.scenarios[0]?.nodes[0]?.choices ?? [];
    expect(choices.map((choice) => choice.id)).toEqual(['choice-1', 'choice-2']);
    expect(choices[1]?.next).toBe('ending-1');
  });

  it('should give the first free id', () => {
    expect(freshId('step', ['step-1', 'step-3'])).toBe('step-2');
  });

  it('should keep every id unique, whatever the sequence of edits', () => {
    const kinds: StepType[] = [
      'text',
      'video',
      'reflection',
      'check',
      'scenario',
      'practice_circle',
    ];
    const index = fc.nat({ max: 3 });
    const where: fc.Arbitrary<ListAt> = fc.oneof(
      fc.constant({ list: 'modules' as const }),
      fc.constant({ list: 'scenarios' as const }),
      fc.record({ list: fc.constant('lessons' as const), module: index }),
      fc.record({ list: fc.constant('steps' as const), module: index, lesson: index }),
      fc.record({
        list: fc.constant('options' as const),
        module: index,
        lesson: index,
        step: index,
      }),
      fc.record({ list: fc.constant('nodes' as const), scenario: index }),
      fc.record({ list: fc.constant('choices' as const), scenario: index, node: index }),
    );
    const action: fc.Arbitrary<EditorAction> = fc.oneof(
      fc.record({ type: fc.constant('add' as const), at: where, kind: fc.constantFrom(...kinds) }),
      fc.record({
        type: fc.constant('move' as const),
        at: where,
        index,
        by: fc.constantFrom(-1 as const, 1 as const),
      }),
      fc.record({ type: fc.constant('remove' as const), at: where, index }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        const state = apply(newCourseState(), ...actions);
        for (const ids of idGroups(state)) expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });
});
