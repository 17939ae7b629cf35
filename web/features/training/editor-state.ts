import type {
  CourseContent,
  CourseModule,
  Lesson,
  Outcome,
  Scenario,
  ScenarioChoice,
  ScenarioNode,
  Step,
  StepType,
  Topic,
  Translated,
} from '../../../shared/training/course.ts';
import { freshId, newLesson, newModule, newScenario, newStep, stepsOf } from './editor-parts.ts';

// The course editor's state as a pure reducer: every edit is an action, every action gives a new
// state, so that the page only dispatches and renders. Texts are kept as typed (blank included)
// and numbers as the digits typed; `courseToSend` (editor-send.ts) turns the draft into the
// course the server checks, so that the server's words, not a check made here, say what is wrong.

export interface CourseDraft extends Omit<CourseContent, 'minutes' | 'validMonths'> {
  minutes: string;
  /** The months as typed; ignored while the certificate does not expire. */
  validMonths: string;
  expires: boolean;
}

export interface EditorState {
  slug: string;
  course: CourseDraft;
  /** Counts adds, moves and removals: a server message names parts by position. */
  structure: number;
  /** Something was changed since the course was opened or saved. */
  changed: boolean;
}

export interface ModuleAt {
  module: number;
}
export interface LessonAt extends ModuleAt {
  lesson: number;
}
export interface StepAt extends LessonAt {
  step: number;
}
export interface NodeAt {
  scenario: number;
  node: number;
}
export interface ChoiceAt extends NodeAt {
  choice: number;
}

/** A list of the course that parts are added to, moved in and removed from. */
export type ListAt =
  | { list: 'modules' }
  | ({ list: 'lessons' } & ModuleAt)
  | ({ list: 'steps' } & LessonAt)
  | ({ list: 'options' } & StepAt)
  | { list: 'scenarios' }
  | ({ list: 'nodes' } & { scenario: number })
  | ({ list: 'choices' } & NodeAt);

export type CourseFieldsPatch = Partial<
  Pick<
    CourseDraft,
    'title' | 'summary' | 'topic' | 'languages' | 'minutes' | 'validMonths' | 'expires'
  >
>;

export type EditorAction =
  | { type: 'setSlug'; slug: string }
  | { type: 'setCourse'; patch: CourseFieldsPatch }
  | { type: 'setModuleTitle'; at: ModuleAt; title: Translated }
  | { type: 'setLessonTitle'; at: LessonAt; title: Translated }
  /** A step's own fields, its kind and id kept. */
  | { type: 'setStep'; at: StepAt; step: Step }
  | { type: 'setScenario'; scenario: number; patch: Partial<Pick<Scenario, 'title' | 'start'>> }
  | { type: 'setSituation'; at: NodeAt; situation: Translated }
  /** null: the situation offers choices; an outcome: it is an ending. */
  | { type: 'setEnding'; at: NodeAt; ending: Outcome | null }
  | { type: 'setEndingFeedback'; at: NodeAt; feedback: Translated }
  | {
      type: 'setChoice';
      at: ChoiceAt;
      patch: Partial<Pick<ScenarioChoice, 'label' | 'consequence' | 'quality' | 'next'>>;
    }
  | { type: 'add'; at: ListAt; kind?: StepType }
  | { type: 'move'; at: ListAt; index: number; by: -1 | 1 }
  | { type: 'remove'; at: ListAt; index: number }
  /** After a save: the draft is what the server now holds. */
  | { type: 'saved' };

/** The course a new one starts from: one module, one lesson, one text, in English and Spanish. */
export function newCourseState(): EditorState {
  const course: CourseDraft = {
    title: {},
    summary: {},
    topic: 'other' satisfies Topic,
    languages: ['en', 'es'],
    minutes: '30',
    validMonths: '24',
    expires: false,
    modules: [],
    scenarios: [],
  };
  course.modules = [newModule(course)];
  return { slug: '', course, structure: 0, changed: false };
}

export function stateFromCourse(course: CourseContent, slug: string): EditorState {
  return {
    slug,
    course: {
      ...course,
      minutes: String(course.minutes),
      validMonths: course.validMonths === null ? '' : String(course.validMonths),
      expires: course.validMonths !== null,
    },
    structure: 0,
    changed: false,
  };
}

function replaceAt<T>(list: readonly T[], index: number, change: (item: T) => T): T[] {
  return list.map((item, at) => (at === index ? change(item) : item));
}

function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  const item = list[index];
  const other = list[to];
  if (item === undefined || other === undefined) return [...list];
  const copy = [...list];
  copy[index] = other;
  copy[to] = item;
  return copy;
}

const withModule = (
  course: CourseDraft,
  at: ModuleAt,
  change: (m: CourseModule) => CourseModule,
) => ({
  ...course,
  modules: replaceAt(course.modules, at.module, change),
});

const withLesson = (course: CourseDraft, at: LessonAt, change: (l: Lesson) => Lesson) =>
  withModule(course, at, (module) => ({
    ...module,
    lessons: replaceAt(module.lessons, at.lesson, change),
  }));

const withStep = (course: CourseDraft, at: StepAt, change: (s: Step) => Step) =>
  withLesson(course, at, (lesson) => ({
    ...lesson,
    steps: replaceAt(lesson.steps, at.step, change),
  }));

const withScenario = (course: CourseDraft, index: number, change: (s: Scenario) => Scenario) => ({
  ...course,
  scenarios: replaceAt(course.scenarios, index, change),
});

const withNode = (course: CourseDraft, at: NodeAt, change: (n: ScenarioNode) => ScenarioNode) =>
  withScenario(course, at.scenario, (scenario) => ({
    ...scenario,
    nodes: replaceAt(scenario.nodes, at.node, change),
  }));

/** A list's items changed by `change`, wherever `at` points; the course as it was elsewhere. */
function changeList(
  course: CourseDraft,
  at: ListAt,
  change: <T extends { id: string }>(items: readonly T[], fresh: () => T) => T[],
): CourseDraft {
  switch (at.list) {
    case 'modules':
      return { ...course, modules: change(course.modules, () => newModule(course)) };
    case 'lessons':
      return withModule(course, at, (module) => ({
        ...module,
        lessons: change(module.lessons, () => newLesson(course)),
      }));
    case 'steps':
      return course;
    case 'options':
      return withStep(course, at, (one) =>
        one.type === 'check'
          ? {
              ...one,
              options: change(one.options, () => ({
                id: freshId(
                  'option',
                  one.options.map((option) => option.id),
                ),
                label: {},
                correct: false,
                feedback: {},
              })),
            }
          : one,
      );
    case 'scenarios':
      return { ...course, scenarios: change(course.scenarios, () => newScenario(course)) };
    case 'nodes':
      return withScenario(course, at.scenario, (scenario) => ({
        ...scenario,
        nodes: change(scenario.nodes, () => ({
          id: freshId(
            'situation',
            scenario.nodes.map((node) => node.id),
          ),
          situation: {},
          choices: [],
          ending: 'good',
          feedback: {},
        })),
      }));
    case 'choices':
      return withScenario(course, at.scenario, (scenario) => ({
        ...scenario,
        nodes: replaceAt(scenario.nodes, at.node, (node) => ({
          ...node,
          choices: change(node.choices, () => ({
            id: freshId(
              'choice',
              node.choices.map((choice) => choice.id),
            ),
            label: {},
            consequence: {},
            quality: 'mixed',
            // A new choice leads on to another situation, the first there is.
            next: scenario.nodes.find((other) => other.id !== node.id)?.id ?? node.id,
          })),
        })),
      }));
  }
}

function addStep(course: CourseDraft, at: LessonAt, kind: StepType): CourseDraft {
  const id = freshId(
    'step',
    stepsOf(course).map((one) => one.id),
  );
  return withLesson(course, at, (lesson) => ({
    ...lesson,
    steps: [...lesson.steps, newStep(kind, id, course)],
  }));
}

function courseReducer(course: CourseDraft, action: EditorAction): CourseDraft {
  switch (action.type) {
    case 'setSlug':
    case 'saved':
      return course;
    case 'setCourse':
      return { ...course, ...action.patch };
    case 'setModuleTitle':
      return withModule(course, action.at, (module) => ({ ...module, title: action.title }));
    case 'setLessonTitle':
      return withLesson(course, action.at, (lesson) => ({ ...lesson, title: action.title }));
    case 'setStep':
      return withStep(course, action.at, (one) =>
        one.type === action.step.type ? { ...action.step, id: one.id } : one,
      );
    case 'setScenario':
      return withScenario(course, action.scenario, (scenario) => ({
        ...scenario,
        ...action.patch,
      }));
    case 'setSituation':
      return withNode(course, action.at, (node) => ({ ...node, situation: action.situation }));
    case 'setEnding':
      return withNode(course, action.at, (node) => {
        if (action.ending === null) {
          const { ending: _ending, ...situation } = node;
          return situation;
        }
        return { ...node, ending: action.ending, feedback: node.feedback ?? {} };
      });
    case 'setEndingFeedback':
      return withNode(course, action.at, (node) => ({ ...node, feedback: action.feedback }));
    case 'setChoice':
      return withNode(course, action.at, (node) => ({
        ...node,
        choices: replaceAt(node.choices, action.at.choice, (choice) => ({
          ...choice,
          ...action.patch,
        })),
      }));
    case 'add':
      if (action.at.list === 'steps') return addStep(course, action.at, action.kind ?? 'text');
      return changeList(course, action.at, (items, fresh) => [...items, fresh()]);
    case 'move':
      if (action.at.list === 'steps') {
        return withLesson(course, action.at, (lesson) => ({
          ...lesson,
          steps: moved(lesson.steps, action.index, action.by),
        }));
      }
      return changeList(course, action.at, (items) => moved(items, action.index, action.by));
    case 'remove':
      if (action.at.list === 'steps') {
        return withLesson(course, action.at, (lesson) => ({
          ...lesson,
          steps: lesson.steps.filter((_, at) => at !== action.index),
        }));
      }
      return changeList(course, action.at, (items) => items.filter((_, at) => at !== action.index));
  }
}

const structural = new Set<EditorAction['type']>(['add', 'move', 'remove']);

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  if (action.type === 'saved') return { ...state, changed: false };
  return {
    slug: action.type === 'setSlug' ? action.slug : state.slug,
    course: courseReducer(state.course, action),
    structure: structural.has(action.type) ? state.structure + 1 : state.structure,
    changed: true,
  };
}
