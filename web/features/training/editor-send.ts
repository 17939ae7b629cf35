import type { Language, ScenarioNode, Step, Translated } from '../../../shared/training/course.ts';
import type { CourseDraft } from './editor-state.ts';

// The draft as the server reads it: only the course's languages and only what is written, the
// numbers as typed. A blank is left out rather than filled in here, so that the server's
// message for that very field says what is missing.

/** Only the course's languages, and only what is written: a blank is left for the server to name. */
function written(text: Translated, languages: readonly Language[]): Translated {
  const kept: Translated = {};
  for (const language of languages) {
    const value = text[language];
    if (value !== undefined && value.trim() !== '') kept[language] = value;
  }
  return kept;
}

/** A number as typed; blank or not a number is left for the server to name. */
function typedNumber(typed: string): number | undefined {
  const value = Number(typed.trim());
  return typed.trim() === '' || Number.isNaN(value) ? undefined : value;
}

function stepToSend(one: Step, languages: readonly Language[]): Step {
  const w = (text: Translated) => written(text, languages);
  switch (one.type) {
    case 'text':
      return { ...one, markdown: w(one.markdown) };
    case 'video':
      return { ...one, title: w(one.title), url: one.url.trim(), transcript: w(one.transcript) };
    case 'reflection':
      return { ...one, prompt: w(one.prompt) };
    case 'check':
      return {
        ...one,
        question: w(one.question),
        options: one.options.map((option) => ({
          ...option,
          label: w(option.label),
          feedback: w(option.feedback),
        })),
      };
    case 'scenario':
      return one;
    case 'practice_circle':
      return { ...one, about: w(one.about) };
  }
}

function nodeToSend(node: ScenarioNode, languages: readonly Language[]): ScenarioNode {
  const { ending, feedback, ...rest } = node;
  const sent: ScenarioNode = {
    ...rest,
    situation: written(node.situation, languages),
    choices: node.choices.map((choice) => ({
      ...choice,
      label: written(choice.label, languages),
      consequence: written(choice.consequence, languages),
    })),
  };
  // The feedback typed for an ending is kept while it is not one, but not sent.
  if (ending !== undefined) {
    sent.ending = ending;
    sent.feedback = written(feedback ?? {}, languages);
  }
  return sent;
}

/**
 * The course as the server reads it. Its type is the content's input: a blank number goes as
 * missing, so that the server answers with its own message for that field.
 */
export function courseToSend(course: CourseDraft) {
  const { languages } = course;
  const w = (text: Translated) => written(text, languages);
  return {
    title: w(course.title),
    summary: w(course.summary),
    topic: course.topic,
    languages,
    minutes: typedNumber(course.minutes),
    validMonths: course.expires ? typedNumber(course.validMonths) : null,
    modules: course.modules.map((module) => ({
      ...module,
      title: w(module.title),
      lessons: module.lessons.map((lesson) => ({
        ...lesson,
        title: w(lesson.title),
        steps: lesson.steps.map((one) => stepToSend(one, languages)),
      })),
    })),
    scenarios: course.scenarios.map((scenario) => ({
      ...scenario,
      title: w(scenario.title),
      nodes: scenario.nodes.map((node) => nodeToSend(node, languages)),
    })),
  };
}
