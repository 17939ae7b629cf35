import type {
  CheckReport,
  CompletionCounts,
  LearnerStatus,
  ScenarioReport,
  SituationChoices,
  WrongTurn,
} from '../../../shared/training/contract.ts';
import type { CourseContent, Outcome, Scenario } from '../../../shared/training/course.ts';
import type { ProgressEvent } from '../../../shared/training/progress.ts';

// A course's report figures, from its learners' progress events alone: pure, so that the rules
// of counting are tested apart from the database. What is counted is each learner's first try
// (the first walk of a scenario, the first answer to a check): later tries are a learner
// exploring, and would hide which turns people take on their own. Steps and choices are matched
// by id, which authors keep across versions; what a newer version no longer has is left out.

export interface LearnerEvents {
  status: LearnerStatus;
  events: readonly ProgressEvent[];
}

export function learnerStatus(
  completedAt: Date | null,
  dueOn: string,
  today: string,
  eventCount: number,
): LearnerStatus {
  if (completedAt) return 'completed';
  if (dueOn < today) return 'overdue';
  return eventCount > 0 ? 'in_progress' : 'not_started';
}

export function countStatuses(statuses: readonly LearnerStatus[]): CompletionCounts {
  const counts: CompletionCounts = {
    people: statuses.length,
    completed: 0,
    overdue: 0,
    in_progress: 0,
    not_started: 0,
  };
  for (const status of statuses) counts[status] += 1;
  return counts;
}

/** The choices of a learner's first walk of each scenario step, and how it ended. */
function firstWalks(events: readonly ProgressEvent[]) {
  const walks = new Map<
    string,
    { chose: { from: string; choiceId: string }[]; ending?: Outcome }
  >();
  const ended = new Set<string>();
  for (const event of events) {
    if (event.type === 'chose' && !ended.has(event.stepId)) {
      const walk = walks.get(event.stepId) ?? { chose: [] };
      walk.chose.push({ from: event.from, choiceId: event.choiceId });
      walks.set(event.stepId, walk);
    }
    if (event.type === 'walk_ended' && event.first) {
      ended.add(event.stepId);
      const walk = walks.get(event.stepId);
      if (walk) walk.ending = event.ending;
    }
  }
  return walks;
}

function scenarioReport(
  stepId: string,
  scenario: Scenario,
  learners: readonly LearnerEvents[],
): ScenarioReport {
  const firstEndings: Record<Outcome, number> = { good: 0, mixed: 0, poor: 0 };
  const taken = new Map<string, number>();
  const reached = new Map<string, number>();
  let walkers = 0;
  for (const learner of learners) {
    const walk = firstWalks(learner.events).get(stepId);
    if (!walk) continue;
    walkers += 1;
    if (walk.ending) firstEndings[walk.ending] += 1;
    for (const { from, choiceId } of walk.chose) {
      reached.set(from, (reached.get(from) ?? 0) + 1);
      const key = `${from} ${choiceId}`;
      taken.set(key, (taken.get(key) ?? 0) + 1);
    }
  }
  const situations: SituationChoices[] = scenario.nodes
    .filter((node) => node.choices.length > 0)
    .map((node) => ({
      nodeId: node.id,
      situation: node.situation,
      reached: reached.get(node.id) ?? 0,
      choices: node.choices.map((choice) => ({
        choiceId: choice.id,
        label: choice.label,
        quality: choice.quality,
        times: taken.get(`${node.id} ${choice.id}`) ?? 0,
      })),
    }));
  const wrongTurns: WrongTurn[] = situations
    .flatMap((situation) =>
      situation.choices.flatMap((choice) =>
        choice.quality === 'good' || choice.times === 0
          ? []
          : [
              {
                nodeId: situation.nodeId,
                choiceId: choice.choiceId,
                label: choice.label,
                quality: choice.quality,
                times: choice.times,
                share: choice.times / situation.reached,
              },
            ],
      ),
    )
    .sort((a, b) => b.times - a.times || b.share - a.share);
  return { stepId, title: scenario.title, walkers, firstEndings, situations, wrongTurns };
}

function checkReport(
  stepId: string,
  question: CheckReport['question'],
  options: { id: string; label: CheckReport['question']; correct: boolean }[],
  learners: readonly LearnerEvents[],
): CheckReport {
  let answered = 0;
  let rightFirstTime = 0;
  const wrong = new Map<string, number>();
  for (const learner of learners) {
    const answers = learner.events.filter(
      (event): event is Extract<ProgressEvent, { type: 'answered' }> =>
        event.type === 'answered' && event.stepId === stepId,
    );
    const [first] = answers;
    if (!first) continue;
    answered += 1;
    if (first.right) rightFirstTime += 1;
    const chosenWrongly = new Set(
      answers.flatMap((answer) =>
        answer.chosen.filter((id) => options.some((option) => option.id === id && !option.correct)),
      ),
    );
    for (const id of chosenWrongly) wrong.set(id, (wrong.get(id) ?? 0) + 1);
  }
  return {
    stepId,
    question,
    answered,
    rightFirstTime,
    wrongChoices: options
      .filter((option) => !option.correct)
      .map((option) => ({
        optionId: option.id,
        label: option.label,
        times: wrong.get(option.id) ?? 0,
      }))
      .sort((a, b) => b.times - a.times),
  };
}

/** Every scenario and check of the course, in the course's order, counted over the learners. */
export function stepFigures(course: CourseContent, learners: readonly LearnerEvents[]) {
  const scenarios: ScenarioReport[] = [];
  const checks: CheckReport[] = [];
  for (const step of course.modules.flatMap((part) => part.lessons.flatMap((l) => l.steps))) {
    if (step.type === 'scenario') {
      const scenario = course.scenarios.find((candidate) => candidate.id === step.scenario);
      if (scenario) scenarios.push(scenarioReport(step.id, scenario, learners));
    }
    if (step.type === 'check') {
      checks.push(checkReport(step.id, step.question, step.options, learners));
    }
  }
  return { scenarios, checks };
}
