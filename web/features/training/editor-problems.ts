import type { TFunction } from 'i18next';
import type { Language, Scenario, Translated } from '../../../shared/training/course.ts';
import { findCycle } from '../../../shared/training/scenario-graph.ts';
import type { FieldProblem } from '../../app/api.ts';
import type { CourseDraft } from './editor-state.ts';

// The server names what is wrong by field path ("course.modules.0.lessons.1.steps.2.markdown.es",
// "course.scenarios.0.nodes.3"). The editor gives every input, and every part that holds
// inputs, an anchor: the same path. A problem goes to its own anchor, or to the nearest part
// that holds it (a lesson with no steps left, a situation that is a dead end), so that each
// message shows beside what it is about, and in the summary with a link there.

/** The id of the input or part at `path`: ids cannot hold dots in a CSS-safe way. */
export const fieldId = (path: string) => `course-${path.replaceAll('.', '-')}`;

const languageSegment = /\.(en|es)$/;

function texts(path: string, languages: readonly Language[]): string[] {
  return languages.map((language) => `${path}.${language}`);
}

/** Every place a message can be shown, in the order the editor shows them. */
export function editorAnchors(course: CourseDraft, isNew: boolean): string[] {
  const { languages } = course;
  const anchors: string[] = isNew ? ['slug'] : [];
  anchors.push(...texts('title', languages), ...texts('summary', languages));
  anchors.push('topic', 'languages', 'minutes', 'validMonths', 'modules');
  for (const [m, module] of course.modules.entries()) {
    const moduleAt = `modules.${m}`;
    anchors.push(moduleAt, ...texts(`${moduleAt}.title`, languages));
    for (const [l, lesson] of module.lessons.entries()) {
      const lessonAt = `${moduleAt}.lessons.${l}`;
      anchors.push(lessonAt, ...texts(`${lessonAt}.title`, languages));
      for (const [s, step] of lesson.steps.entries()) {
        const at = `${lessonAt}.steps.${s}`;
        anchors.push(at);
        if (step.type === 'text') anchors.push(...texts(`${at}.markdown`, languages));
        if (step.type === 'video') {
          anchors.push(...texts(`${at}.title`, languages), `${at}.url`);
          anchors.push(...texts(`${at}.transcript`, languages));
        }
        if (step.type === 'reflection') anchors.push(...texts(`${at}.prompt`, languages));
        if (step.type === 'practice_circle') anchors.push(...texts(`${at}.about`, languages));
        if (step.type === 'scenario') anchors.push(`${at}.scenario`);
        if (step.type === 'check') {
          anchors.push(...texts(`${at}.question`, languages), `${at}.options`);
          for (const o of step.options.keys()) {
            const option = `${at}.options.${o}`;
            anchors.push(option, ...texts(`${option}.label`, languages));
            anchors.push(...texts(`${option}.feedback`, languages));
          }
        }
      }
    }
  }
  anchors.push('scenarios');
  for (const [c, scenario] of course.scenarios.entries()) {
    const scenarioAt = `scenarios.${c}`;
    anchors.push(scenarioAt, ...texts(`${scenarioAt}.title`, languages), `${scenarioAt}.start`);
    for (const [n, node] of scenario.nodes.entries()) {
      const nodeAt = `${scenarioAt}.nodes.${n}`;
      anchors.push(nodeAt, ...texts(`${nodeAt}.situation`, languages), `${nodeAt}.ending`);
      if (node.ending !== undefined) anchors.push(...texts(`${nodeAt}.feedback`, languages));
      for (const h of node.choices.keys()) {
        const choiceAt = `${nodeAt}.choices.${h}`;
        anchors.push(choiceAt, ...texts(`${choiceAt}.label`, languages));
        anchors.push(...texts(`${choiceAt}.consequence`, languages));
        anchors.push(`${choiceAt}.quality`, `${choiceAt}.next`);
      }
    }
  }
  return anchors;
}

/** The anchor a server field belongs to; undefined when no part of the editor holds it. */
export function anchorFor(field: string, anchors: readonly string[]): string | undefined {
  const known = new Set(anchors);
  let path = field.replace(/^course\./, '');
  while (path !== '') {
    if (known.has(path)) return path;
    const inside = anchors.find((anchor) => anchor.startsWith(`${path}.`));
    if (inside) return inside;
    path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
  }
  return undefined;
}

export interface PlacedProblems {
  /** Messages by anchor, in the editor's order. */
  byAnchor: Map<string, string[]>;
  /** Messages that belong to no part of the editor: shown in the summary alone. */
  elsewhere: string[];
}

export function placeProblems(
  problems: readonly { field: string; message: string }[],
  anchors: readonly string[],
): PlacedProblems {
  const placed = new Map<string, string[]>();
  const elsewhere: string[] = [];
  for (const problem of problems) {
    const anchor = anchorFor(problem.field, anchors);
    if (anchor === undefined) {
      if (!elsewhere.includes(problem.message)) elsewhere.push(problem.message);
      continue;
    }
    const messages = placed.get(anchor) ?? [];
    if (!messages.includes(problem.message)) messages.push(problem.message);
    placed.set(anchor, messages);
  }
  const byAnchor = new Map<string, string[]>();
  for (const anchor of anchors) {
    const messages = placed.get(anchor);
    if (messages) byAnchor.set(anchor, messages);
  }
  return { byAnchor, elsewhere };
}

function checkAt(course: CourseDraft, path: string) {
  const match = /^modules\.(\d+)\.lessons\.(\d+)\.steps\.(\d+)/.exec(path);
  if (!match) return undefined;
  const one = course.modules[Number(match[1])]?.lessons[Number(match[2])]?.steps[Number(match[3])];
  return one?.type === 'check' ? one : undefined;
}

/**
 * A scenario's problem (its field relative to the scenario: "nodes.3") in the reader's language,
 * with the situation it is about named; undefined for a problem that is not about its graph.
 */
export function graphMessage(
  t: TFunction,
  problem: { field: string; code?: string | undefined },
  scenario: Scenario,
): string | undefined {
  const match = /^nodes\.(\d+)/.exec(problem.field);
  const node = match ? scenario.nodes[Number(match[1])] : undefined;
  switch (problem.code) {
    case 'cycle': {
      const loop = findCycle(scenario);
      return loop
        ? t('training.editor.problems.loop', { path: [...loop, loop[0]].join(' → ') })
        : undefined;
    }
    case 'dead_end':
      return node ? t('training.editor.problems.deadEnd', { id: node.id }) : undefined;
    case 'unreachable':
      return node ? t('training.editor.problems.unreachable', { id: node.id }) : undefined;
    case 'unknown_next':
      return t('training.editor.problems.unknownNext');
    case 'unknown_start':
      return t('training.editor.problems.unknownStart');
    case 'ending_with_choices':
      return t('training.editor.problems.endingWithChoices');
    case 'ending_without_feedback':
      return t('training.editor.problems.endingWithoutFeedback');
    default:
      return undefined;
  }
}

/**
 * The server's message for one field in the reader's language, chosen by its stable code and
 * the course as it stands; a message this editor does not know stays in the server's words.
 */
export function editorMessage(t: TFunction, problem: FieldProblem, course: CourseDraft): string {
  const path = problem.field.replace(/^course\./, '');
  const language = languageSegment.exec(path)?.[1];
  const inScenario = /^scenarios\.(\d+)\.(.*)$/.exec(path);
  const scenario = inScenario ? course.scenarios[Number(inScenario[1])] : undefined;
  const aboutGraph =
    scenario && inScenario
      ? graphMessage(t, { field: inScenario[2] ?? '', code: problem.code }, scenario)
      : undefined;
  if (aboutGraph) return aboutGraph;
  switch (problem.code) {
    case 'missing_translation':
      return language === 'es'
        ? t('training.editor.problems.missingSpanish')
        : t('training.editor.problems.missingEnglish');
    case 'right_answers':
      return checkAt(course, path)?.multiple
        ? t('training.editor.problems.rightAnswersSeveral')
        : t('training.editor.problems.rightAnswersOne');
    case 'unknown_scenario':
      return t('training.editor.problems.chooseScenario');
  }
  if (language && problem.code === 'too_big') return t('training.editor.problems.tooLong');
  if (path === 'slug') return t('training.editor.problems.slug');
  if (path === 'minutes') return t('training.editor.problems.minutes');
  if (path === 'validMonths') return t('training.editor.problems.validMonths');
  if (path === 'languages') return t('training.editor.problems.languages');
  if (path.endsWith('.url')) return t('training.editor.problems.url');
  if (path.endsWith('.scenario')) return t('training.editor.problems.chooseScenario');
  if (problem.code === 'custom' && !language) return t('training.editor.problems.writeSomething');
  return problem.message;
}

/** A text of the course in one language, blank while none is written. */
export const inLanguage = (text: Translated | undefined, language: Language) =>
  text?.[language] ?? '';
