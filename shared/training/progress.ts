import type { CourseContent, Outcome, Scenario, Step } from './course.ts';

// A learner's way through one version of a course, as a pure machine: `decide` takes a command
// and says what happened (events) or why not (a refusal); `apply` folds an event into the
// state. The server stores the events, so that a report can count what learners chose (the
// common wrong turns of a scenario) without reading anyone's reflections.
//
// The rules:
// - a text or a video is done once read; a reflection once written (its words stay private and
//   are not part of this machine);
// - a knowledge check is done once answered rightly; a wrong answer is told its feedback and may
//   be tried again;
// - a scenario is walked one choice at a time from its start; it is done at an ending, whatever
//   the ending (the feedback is the lesson); a learner may walk it again, and only the first
//   walk's ending is what it counts as;
// - a practice circle is done when the learner attended one (the server says so);
// - the course is complete when every step is done, once, and nothing happens after that but
//   walking scenarios again.

export interface ScenarioWalk {
  /** The node the learner stands at. */
  at: string;
  /** The choices taken on this walk, in order. */
  path: string[];
  /** How the first finished walk ended. */
  firstEnding: Outcome | null;
}

export interface Progress {
  done: ReadonlySet<string>;
  /** Wrong answers to each check, for the learner's own record. */
  wrongAnswers: Readonly<Record<string, number>>;
  walks: Readonly<Record<string, ScenarioWalk>>;
  completed: boolean;
}

export const startProgress = (): Progress => ({
  done: new Set(),
  wrongAnswers: {},
  walks: {},
  completed: false,
});

export type ProgressCommand =
  | { type: 'read'; stepId: string }
  | { type: 'reflect'; stepId: string }
  | { type: 'answer'; stepId: string; chosen: string[] }
  | { type: 'choose'; stepId: string; choiceId: string }
  | { type: 'walk_again'; stepId: string }
  | { type: 'attend'; stepId: string };

export type ProgressEvent =
  | { type: 'step_done'; stepId: string }
  | { type: 'answered'; stepId: string; chosen: string[]; right: boolean }
  | {
      type: 'chose';
      stepId: string;
      choiceId: string;
      from: string;
      to: string;
      quality: Outcome;
    }
  | { type: 'walk_ended'; stepId: string; ending: Outcome; first: boolean }
  | { type: 'walk_restarted'; stepId: string }
  | { type: 'completed' };

export type ProgressRefusal =
  | 'unknown_step'
  | 'wrong_kind'
  | 'already_done'
  | 'unknown_choice'
  | 'empty_answer'
  | 'one_answer_only'
  | 'walk_not_ended'
  | 'course_completed';

export type Decision =
  | { ok: true; events: ProgressEvent[] }
  | { ok: false; refusal: ProgressRefusal };

const refuse = (refusal: ProgressRefusal): Decision => ({ ok: false, refusal });

export function stepsOf(course: CourseContent): Step[] {
  return course.modules.flatMap((module) => module.lessons.flatMap((lesson) => lesson.steps));
}

function scenarioOf(course: CourseContent, step: Step): Scenario | undefined {
  return step.type === 'scenario'
    ? course.scenarios.find((one) => one.id === step.scenario)
    : undefined;
}

/** The events that finish a step, and the course with it when it was the last one left. */
function finishing(course: CourseContent, progress: Progress, stepId: string): ProgressEvent[] {
  if (progress.done.has(stepId)) return [];
  const events: ProgressEvent[] = [{ type: 'step_done', stepId }];
  const left = stepsOf(course).filter((one) => !progress.done.has(one.id) && one.id !== stepId);
  if (left.length === 0) events.push({ type: 'completed' });
  return events;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((one) => b.includes(one));

export function decide(
  course: CourseContent,
  progress: Progress,
  command: ProgressCommand,
): Decision {
  const step = stepsOf(course).find((one) => one.id === command.stepId);
  if (!step) return refuse('unknown_step');
  const walking = command.type === 'choose' || command.type === 'walk_again';
  // A finished course still lets a learner walk a scenario again, for practice.
  if (progress.completed && !walking) return refuse('course_completed');
  switch (command.type) {
    case 'read': {
      if (step.type !== 'text' && step.type !== 'video') return refuse('wrong_kind');
      if (progress.done.has(step.id)) return refuse('already_done');
      return { ok: true, events: finishing(course, progress, step.id) };
    }
    case 'reflect': {
      if (step.type !== 'reflection') return refuse('wrong_kind');
      if (progress.done.has(step.id)) return refuse('already_done');
      return { ok: true, events: finishing(course, progress, step.id) };
    }
    case 'attend': {
      if (step.type !== 'practice_circle') return refuse('wrong_kind');
      if (progress.done.has(step.id)) return refuse('already_done');
      return { ok: true, events: finishing(course, progress, step.id) };
    }
    case 'answer': {
      if (step.type !== 'check') return refuse('wrong_kind');
      if (progress.done.has(step.id)) return refuse('already_done');
      const chosen = [...new Set(command.chosen)];
      if (chosen.length === 0) return refuse('empty_answer');
      if (!step.multiple && chosen.length > 1) return refuse('one_answer_only');
      const ids = step.options.map((option) => option.id);
      if (chosen.some((id) => !ids.includes(id))) return refuse('unknown_choice');
      const rightIds = step.options.filter((option) => option.correct).map((option) => option.id);
      const right = sameSet(chosen, rightIds);
      return {
        ok: true,
        events: [
          { type: 'answered', stepId: step.id, chosen, right },
          ...(right ? finishing(course, progress, step.id) : []),
        ],
      };
    }
    case 'choose': {
      const scenario = scenarioOf(course, step);
      if (!scenario) return refuse('wrong_kind');
      const walk = progress.walks[step.id] ?? { at: scenario.start, path: [], firstEnding: null };
      const node = scenario.nodes.find((one) => one.id === walk.at);
      const choice = node?.choices.find((one) => one.id === command.choiceId);
      if (!node || !choice) return refuse('unknown_choice');
      const next = scenario.nodes.find((one) => one.id === choice.next);
      const events: ProgressEvent[] = [
        {
          type: 'chose',
          stepId: step.id,
          choiceId: choice.id,
          from: node.id,
          to: choice.next,
          quality: choice.quality,
        },
      ];
      if (next?.ending) {
        const first = walk.firstEnding === null;
        events.push({ type: 'walk_ended', stepId: step.id, ending: next.ending, first });
        if (!progress.completed) events.push(...finishing(course, progress, step.id));
      }
      return { ok: true, events };
    }
    case 'walk_again': {
      const scenario = scenarioOf(course, step);
      if (!scenario) return refuse('wrong_kind');
      const walk = progress.walks[step.id];
      const at = scenario.nodes.find((one) => one.id === walk?.at);
      if (!walk || !at?.ending) return refuse('walk_not_ended');
      return { ok: true, events: [{ type: 'walk_restarted', stepId: step.id }] };
    }
  }
}

export function apply(course: CourseContent, progress: Progress, event: ProgressEvent): Progress {
  switch (event.type) {
    case 'step_done':
      return { ...progress, done: new Set([...progress.done, event.stepId]) };
    case 'answered':
      return event.right
        ? progress
        : {
            ...progress,
            wrongAnswers: {
              ...progress.wrongAnswers,
              [event.stepId]: (progress.wrongAnswers[event.stepId] ?? 0) + 1,
            },
          };
    case 'chose': {
      const walk = progress.walks[event.stepId] ?? { at: event.from, path: [], firstEnding: null };
      return {
        ...progress,
        walks: {
          ...progress.walks,
          [event.stepId]: { ...walk, at: event.to, path: [...walk.path, event.choiceId] },
        },
      };
    }
    case 'walk_ended': {
      const walk = progress.walks[event.stepId];
      if (!walk || !event.first) return progress;
      return {
        ...progress,
        walks: { ...progress.walks, [event.stepId]: { ...walk, firstEnding: event.ending } },
      };
    }
    case 'walk_restarted': {
      const walk = progress.walks[event.stepId];
      const step = stepsOf(course).find((one) => one.id === event.stepId);
      const scenario = step ? scenarioOf(course, step) : undefined;
      if (!walk || !scenario) return progress;
      return {
        ...progress,
        walks: { ...progress.walks, [event.stepId]: { ...walk, at: scenario.start, path: [] } },
      };
    }
    case 'completed':
      return { ...progress, completed: true };
  }
}

export function fold(course: CourseContent, events: readonly ProgressEvent[]): Progress {
  return events.reduce((progress, event) => apply(course, progress, event), startProgress());
}

/** The share of the course's steps done, 0 to 1, for a learner's progress bar. */
export function shareDone(course: CourseContent, progress: Progress): number {
  const steps = stepsOf(course);
  return steps.length === 0
    ? 1
    : steps.filter((one) => progress.done.has(one.id)).length / steps.length;
}
