import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { anchorName } from './editor-field-names.ts';
import {
  anchorFor,
  editorAnchors,
  editorMessage,
  fieldId,
  placeProblems,
} from './editor-problems.ts';
import { editorReducer, newCourseState } from './editor-state.ts';

// Where the server's messages go in the editor, and in which words.

const withScenario = editorReducer(newCourseState(), { type: 'add', at: { list: 'scenarios' } });
const anchors = editorAnchors(withScenario.course, true);
/** The key and its values, so that a test reads which message was chosen. */
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

describe('placing the server’s messages in the course editor', () => {
  it('should put a missing Spanish text beside its own input', () => {
    expect(anchorFor('course.modules.0.lessons.0.steps.0.markdown.es', anchors)).toBe(
      'modules.0.lessons.0.steps.0.markdown.es',
    );
    expect(fieldId('modules.0.lessons.0.steps.0.markdown.es')).toBe(
      'course-modules-0-lessons-0-steps-0-markdown-es',
    );
  });

  it('should put a problem of a whole situation on that situation', () => {
    expect(anchorFor('course.scenarios.0.nodes.1', anchors)).toBe('scenarios.0.nodes.1');
    expect(anchorFor('course.scenarios.0.nodes.1.id', anchors)).toBe('scenarios.0.nodes.1');
  });

  it('should put a text missing in every language at its first language', () => {
    expect(anchorFor('course.title', anchors)).toBe('title.en');
  });

  it('should put a problem of a lesson’s steps on its first step, and keep unknown fields apart', () => {
    expect(anchorFor('course.modules.0.lessons.0.steps', anchors)).toBe(
      'modules.0.lessons.0.steps.0',
    );
    const placed = placeProblems(
      [
        { field: 'course.summary.es', message: 'Spanish summary' },
        { field: 'course.title.en', message: 'English title' },
        { field: 'lessons', message: 'Two lessons share an id' },
      ],
      anchors,
    );
    expect([...placed.byAnchor.keys()]).toEqual(['title.en', 'summary.es']);
    expect(placed.elsewhere).toEqual(['Two lessons share an id']);
  });

  it('should say a missing translation and a loop in the reader’s words, naming the situation', () => {
    expect(
      editorMessage(
        t,
        {
          field: 'course.title.es',
          message: 'Write this in Spanish too',
          code: 'missing_translation',
        },
        withScenario.course,
      ),
    ).toBe('training.editor.problems.missingSpanish');
    const looped = editorReducer(withScenario, {
      type: 'setChoice',
      at: { scenario: 0, node: 0, choice: 0 },
      patch: { next: 'start' },
    });
    expect(
      editorMessage(
        t,
        { field: 'course.scenarios.0.nodes.0', message: 'loop', code: 'cycle' },
        looped.course,
      ),
    ).toBe('training.editor.problems.loop {"path":"start → start"}');
  });

  it('should keep a message it does not know in the server’s words', () => {
    expect(
      editorMessage(
        t,
        { field: 'course.modules', message: 'Keep it short', code: 'too_big' },
        withScenario.course,
      ),
    ).toBe('Keep it short');
  });

  it('should name where a field is, so that alike messages in the summary still tell their fields apart', () => {
    expect(anchorName(t, 'modules.0.lessons.0.steps.0.markdown.es', withScenario.course)).toBe(
      'training.editor.parts.module {"number":1}, training.editor.parts.lesson {"number":1}, ' +
        'training.editor.parts.step {"number":1,"kind":"training.editor.stepKinds.text"}: ' +
        'training.editor.inLanguage {"field":"training.editor.steps.markdown","language":"training.editor.languages.es"}',
    );
    expect(anchorName(t, 'scenarios.0.nodes.1', withScenario.course)).toBe(
      'training.editor.scenarios.scenario {"number":1}, training.editor.scenarios.situation {"id":"ending-1"}',
    );
    expect(anchorName(t, 'minutes', withScenario.course)).toBe('training.editor.about.minutes');
  });
});
