import { z } from 'zod';
import type { supportedLanguages } from '../about/contract.ts';
import { languageField as language, translatedWords as translated } from '../about/text-fields.ts';
import { imageOfLine, imageProblem } from './course-images.ts';
import { scenarioProblems } from './scenario-graph.ts';

// A course as data: what a coordinator authors in the browser, what the starter curriculum
// ships as, and what one JSON file carries between installations. Modules hold lessons; a
// lesson is a sequence of steps: text (Markdown, images by link), a short video's link, a
// reflection prompt (private to the learner), a knowledge check (one or several right answers,
// feedback on each), a branching scenario, or a practice circle (done by attending one). Every
// text is in each of the course's languages; `checkCourse` says what is missing or broken, by
// field, so that an import or a save is refused with a message a coordinator can act on.

export const COURSE_TITLE_MAX = 160;
export const SUMMARY_MAX = 600;
export const MARKDOWN_MAX = 20_000;
export const PROMPT_MAX = 600;
export const OPTION_MAX = 300;
export const FEEDBACK_MAX = 800;
export const SITUATION_MAX = 2_000;
export const MODULES_MAX = 20;
export const LESSONS_MAX = 20;
export const STEPS_MAX = 30;
export const OPTIONS_MAX = 8;
export const NODES_MAX = 60;
export const CHOICES_MAX = 5;

export type Language = (typeof supportedLanguages)[number];
/** Text in several languages; `checkCourse` asks for each of the course's languages. */
export type Translated = Partial<Record<Language, string>>;

/** Ids are written by authors and kept across versions: progress refers to them. */
export const partId = z
  .string({ error: 'Give an id.' })
  .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, 'Use lowercase letters, digits, - and _ (up to 60).');

const httpsUrl = z
  .url({ error: 'Give a web address starting with https://.' })
  .max(500)
  .refine((url) => url.startsWith('https://'), 'Give a web address starting with https://.');

export const checkOption = z.object({
  id: partId,
  label: translated(OPTION_MAX, 'the answer'),
  correct: z.boolean(),
  /** Said when this answer is chosen: why it is right, or what to think about. */
  feedback: translated(FEEDBACK_MAX, 'the feedback'),
});

export const step = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('text'),
      id: partId,
      markdown: translated(MARKDOWN_MAX, 'the text'),
    }),
    z.object({
      type: z.literal('video'),
      id: partId,
      title: translated(COURSE_TITLE_MAX, 'the video’s title'),
      url: httpsUrl,
      /** What the video says, for whoever cannot watch or hear it. */
      transcript: translated(MARKDOWN_MAX, 'the transcript'),
    }),
    z.object({
      type: z.literal('reflection'),
      id: partId,
      prompt: translated(PROMPT_MAX, 'the prompt'),
    }),
    z.object({
      type: z.literal('check'),
      id: partId,
      question: translated(PROMPT_MAX, 'the question'),
      /** Several right answers: the learner chooses every one of them. */
      multiple: z.boolean(),
      options: z
        .array(checkOption)
        .min(2, 'Give at least two answers.')
        .max(OPTIONS_MAX, `Give at most ${OPTIONS_MAX} answers.`),
    }),
    z.object({ type: z.literal('scenario'), id: partId, scenario: partId }),
    z.object({
      type: z.literal('practice_circle'),
      id: partId,
      /** What the practice circle is for, shown before the learner signs up for one. */
      about: translated(PROMPT_MAX, 'what the practice circle is for'),
    }),
  ],
  { error: 'Choose a kind of step.' },
);
export type Step = z.output<typeof step>;
export type StepType = Step['type'];

export const lesson = z.object({
  id: partId,
  title: translated(COURSE_TITLE_MAX, 'the lesson’s title'),
  steps: z
    .array(step)
    .min(1, 'Give the lesson at least one step.')
    .max(STEPS_MAX, `Keep a lesson to ${STEPS_MAX} steps.`),
});
export type Lesson = z.output<typeof lesson>;

export const courseModule = z.object({
  id: partId,
  title: translated(COURSE_TITLE_MAX, 'the module’s title'),
  lessons: z
    .array(lesson)
    .min(1, 'Give the module at least one lesson.')
    .max(LESSONS_MAX, `Keep a module to ${LESSONS_MAX} lessons.`),
});
export type CourseModule = z.output<typeof courseModule>;

/** How a scenario's ending went: the report counts endings and the turns that led there. */
export const outcomes = ['good', 'mixed', 'poor'] as const;
export type Outcome = (typeof outcomes)[number];

export const scenarioChoice = z.object({
  id: partId,
  label: translated(OPTION_MAX, 'the choice'),
  /** The node this choice leads to. */
  next: partId,
  /** What happened because of it, said before the next situation. */
  consequence: translated(FEEDBACK_MAX, 'the consequence'),
  quality: z.enum(outcomes, { error: 'Say whether this choice is good, mixed or poor.' }),
});
export type ScenarioChoice = z.output<typeof scenarioChoice>;

export const scenarioNode = z.object({
  id: partId,
  situation: translated(SITUATION_MAX, 'the situation'),
  /** No choices: the node is an ending, and says how it went. */
  choices: z.array(scenarioChoice).max(CHOICES_MAX, `Give at most ${CHOICES_MAX} choices.`),
  ending: z.enum(outcomes).optional(),
  /** For an ending: what to take from it. */
  feedback: translated(FEEDBACK_MAX, 'the feedback').optional(),
});
export type ScenarioNode = z.output<typeof scenarioNode>;

export const scenario = z.object({
  id: partId,
  title: translated(COURSE_TITLE_MAX, 'the scenario’s title'),
  start: partId,
  nodes: z
    .array(scenarioNode)
    .min(2, 'Give the scenario a situation and at least one ending.')
    .max(NODES_MAX, `Keep a scenario to ${NODES_MAX} situations.`),
});
export type Scenario = z.output<typeof scenario>;

export const topics = [
  'restorative_basics',
  'active_listening',
  'de_escalation',
  'procedural_justice',
  'trauma_informed',
  'community_policing',
  'circles',
  'other',
] as const;
export type Topic = (typeof topics)[number];

export const courseContent = z.object({
  title: translated(COURSE_TITLE_MAX, 'the course’s title'),
  summary: translated(SUMMARY_MAX, 'the summary'),
  topic: z.enum(topics, { error: 'Choose the course’s topic.' }),
  languages: z
    .array(language)
    .min(1, 'Choose at least one language.')
    .refine((list) => new Set(list).size === list.length, 'Choose each language once.'),
  /** About how long the course takes, for learners and for due dates. */
  minutes: z
    .number({ error: 'Give the minutes it takes.' })
    .int('Give whole minutes.')
    .min(5, 'A course takes at least 5 minutes.')
    .max(2_400, 'Keep a course under 40 hours.'),
  /** Months a certificate stays valid; null: it does not expire. */
  validMonths: z
    .number({ error: 'Give the months a certificate stays valid.' })
    .int('Give whole months.')
    .min(1, 'At least one month.')
    .max(120, 'At most ten years.')
    .nullable(),
  modules: z
    .array(courseModule)
    .min(1, 'Give the course at least one module.')
    .max(MODULES_MAX, `Keep a course to ${MODULES_MAX} modules.`),
  scenarios: z.array(scenario).max(20, 'Keep a course to 20 scenarios.').default([]),
});
export type CourseContent = z.output<typeof courseContent>;
export type CourseContentInput = z.input<typeof courseContent>;

export interface CourseProblem {
  field: string;
  message: string;
  code: string;
}

/** Every translated text of a course, with the field it is at. */
function* translatedTexts(course: CourseContent): Generator<[string, Translated]> {
  yield ['title', course.title];
  yield ['summary', course.summary];
  for (const [m, module] of course.modules.entries()) {
    yield [`modules.${m}.title`, module.title];
    for (const [l, lesson] of module.lessons.entries()) {
      const at = `modules.${m}.lessons.${l}`;
      yield [`${at}.title`, lesson.title];
      for (const [s, step] of lesson.steps.entries()) {
        const field = `${at}.steps.${s}`;
        if (step.type === 'text') yield [`${field}.markdown`, step.markdown];
        if (step.type === 'video') {
          yield [`${field}.title`, step.title];
          yield [`${field}.transcript`, step.transcript];
        }
        if (step.type === 'reflection') yield [`${field}.prompt`, step.prompt];
        if (step.type === 'practice_circle') yield [`${field}.about`, step.about];
        if (step.type === 'check') {
          yield [`${field}.question`, step.question];
          for (const [o, option] of step.options.entries()) {
            yield [`${field}.options.${o}.label`, option.label];
            yield [`${field}.options.${o}.feedback`, option.feedback];
          }
        }
      }
    }
  }
  for (const [c, scenario] of course.scenarios.entries()) {
    yield [`scenarios.${c}.title`, scenario.title];
    for (const [n, node] of scenario.nodes.entries()) {
      yield [`scenarios.${c}.nodes.${n}.situation`, node.situation];
      if (node.feedback) yield [`scenarios.${c}.nodes.${n}.feedback`, node.feedback];
      for (const [h, choice] of node.choices.entries()) {
        yield [`scenarios.${c}.nodes.${n}.choices.${h}.label`, choice.label];
        yield [`scenarios.${c}.nodes.${n}.choices.${h}.consequence`, choice.consequence];
      }
    }
  }
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

/**
 * What the schema cannot say alone: every text in each of the course's languages, ids unique
 * where progress refers to them, a check with a right answer (one only, unless it takes
 * several), every scenario step naming a scenario of the course, and every scenario a graph
 * whose paths all end (scenario-graph.ts).
 */
export function checkCourse(course: CourseContent): CourseProblem[] {
  const problems: CourseProblem[] = [];
  for (const [field, text] of translatedTexts(course)) {
    for (const language of course.languages) {
      if (!text[language]) {
        problems.push({
          field: `${field}.${language}`,
          message: `Write this in ${language === 'es' ? 'Spanish' : 'English'} too: the course is offered in it.`,
          code: 'missing_translation',
        });
      }
    }
  }
  const moduleIds = course.modules.map((module) => module.id);
  const lessons = course.modules.flatMap((module) => module.lessons);
  const steps = lessons.flatMap((lesson) => lesson.steps);
  for (const [what, ids] of [
    ['module', moduleIds],
    ['lesson', lessons.map((lesson) => lesson.id)],
    ['step', steps.map((one) => one.id)],
    ['scenario', course.scenarios.map((one) => one.id)],
  ] as const) {
    for (const id of duplicates(ids)) {
      problems.push({
        field: `${what}s`,
        message: `Two ${what}s have the id “${id}”: give each its own.`,
        code: 'duplicate_id',
      });
    }
  }
  const scenarioIds = new Set(course.scenarios.map((one) => one.id));
  for (const [m, module] of course.modules.entries()) {
    for (const [l, lesson] of module.lessons.entries()) {
      for (const [s, one] of lesson.steps.entries()) {
        const field = `modules.${m}.lessons.${l}.steps.${s}`;
        if (one.type === 'scenario' && !scenarioIds.has(one.scenario)) {
          problems.push({
            field: `${field}.scenario`,
            message: `There is no scenario “${one.scenario}” in this course.`,
            code: 'unknown_scenario',
          });
        }
        if (one.type === 'check') {
          const right = one.options.filter((option) => option.correct).length;
          if (right === 0 || (!one.multiple && right > 1)) {
            problems.push({
              field: `${field}.options`,
              message: one.multiple
                ? 'Mark at least one answer as right.'
                : 'Mark exactly one answer as right, or let the learner choose several.',
              code: 'right_answers',
            });
          }
          for (const id of duplicates(one.options.map((option) => option.id))) {
            problems.push({
              field: `${field}.options`,
              message: `Two answers have the id “${id}”.`,
              code: 'duplicate_id',
            });
          }
        }
      }
    }
  }
  for (const [field, text] of translatedTexts(course)) {
    if (!field.endsWith('.markdown')) continue;
    for (const [language, markdown] of Object.entries(text)) {
      for (const line of markdown?.split(/\r?\n/) ?? []) {
        const image = imageOfLine(line);
        const problem = image && imageProblem(image);
        if (problem) problems.push({ field: `${field}.${language}`, ...problem });
      }
    }
  }
  for (const [c, one] of course.scenarios.entries()) {
    for (const problem of scenarioProblems(one)) {
      problems.push({
        ...problem,
        field: `scenarios.${c}${problem.field ? `.${problem.field}` : ''}`,
      });
    }
  }
  return problems;
}
