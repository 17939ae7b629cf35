import type {
  CourseContent,
  CourseModule,
  Lesson,
  Scenario,
  ScenarioChoice,
  ScenarioNode,
  Step,
} from '../../../shared/training/course.ts';
import type { ProgressRefusal, ScenarioWalk } from '../../../shared/training/progress.ts';

export type CheckStep = Extract<Step, { type: 'check' }>;
export type CheckOption = CheckStep['options'][number];

// Where a learner stands in a course, worked out from the course and what the server says is
// done: the steps in order with the module and lesson each sits in, which one to open, and how
// far a scenario's walk has gone. Pure, so that it is tested without a page.

export interface PlacedStep {
  step: Step;
  /** 0-based, across the whole course. */
  index: number;
  module: CourseModule;
  moduleIndex: number;
  lesson: Lesson;
}

export function placedSteps(course: CourseContent): PlacedStep[] {
  const placed: PlacedStep[] = [];
  for (const [moduleIndex, module] of course.modules.entries()) {
    for (const lesson of module.lessons) {
      for (const step of lesson.steps) {
        placed.push({ step, index: placed.length, module, moduleIndex, lesson });
      }
    }
  }
  return placed;
}

/** The first step not done, or the first step when every one is (to look back through). */
export function firstOpenStep(steps: readonly PlacedStep[], done: readonly string[]): number {
  const open = steps.findIndex((one) => !done.includes(one.step.id));
  return open === -1 ? 0 : open;
}

/**
 * Where to go once the step at `from` is done: the next step not done after it, else the first
 * not done before it, else simply the next one (or where it is, at the last).
 */
export function stepAfter(
  steps: readonly PlacedStep[],
  done: readonly string[],
  from: number,
): number {
  const isOpen = (one: PlacedStep) => !done.includes(one.step.id);
  const later = steps.findIndex((one) => one.index > from && isOpen(one));
  if (later !== -1) return later;
  const earlier = steps.findIndex(isOpen);
  if (earlier !== -1) return earlier;
  return Math.min(from + 1, steps.length - 1);
}

export interface TakenChoice {
  from: ScenarioNode;
  choice: ScenarioChoice;
}

export interface WalkSoFar {
  /** The choices of this walk, in order, each with the situation it was made in. */
  taken: TakenChoice[];
  /** The situation the learner stands at now. */
  at: ScenarioNode | undefined;
}

/** Replays a walk's choices from the scenario's start; a walk not yet begun stands at it. */
export function walkSoFar(scenario: Scenario, walk: ScenarioWalk | undefined): WalkSoFar {
  const byId = new Map(scenario.nodes.map((node) => [node.id, node]));
  const taken: TakenChoice[] = [];
  let node = byId.get(scenario.start);
  for (const choiceId of walk?.path ?? []) {
    const choice = node?.choices.find((one) => one.id === choiceId);
    if (!node || !choice) break;
    taken.push({ from: node, choice });
    node = byId.get(choice.next);
  }
  return { taken, at: walk ? (byId.get(walk.at) ?? node) : node };
}

export interface CheckVerdict {
  right: boolean;
  /** The options chosen, in the order the question lists them, for their feedback. */
  chosen: CheckOption[];
}

/** Whether the chosen answers are exactly the right ones, as the server decides it. */
export function checkVerdict(options: readonly CheckOption[], chosenIds: readonly string[]) {
  const chosen = options.filter((option) => chosenIds.includes(option.id));
  const right =
    chosen.length > 0 &&
    options.every((option) => option.correct === chosenIds.includes(option.id));
  return { right, chosen } satisfies CheckVerdict;
}

const refusals: Record<ProgressRefusal, true> = {
  unknown_step: true,
  wrong_kind: true,
  already_done: true,
  unknown_choice: true,
  empty_answer: true,
  one_answer_only: true,
  walk_not_ended: true,
  course_completed: true,
};

/** Whether a 409's `code` is one of the progress machine's refusals, which have words. */
export function isProgressRefusal(code: unknown): code is ProgressRefusal {
  return typeof code === 'string' && Object.hasOwn(refusals, code);
}
