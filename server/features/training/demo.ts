import { and, asc, eq, isNotNull, ne } from 'drizzle-orm';
import type { CourseContent } from '../../../shared/training/course.ts';
import {
  apply,
  decide,
  type Progress,
  type ProgressCommand,
  type ProgressEvent,
  startProgress,
  stepsOf,
} from '../../../shared/training/progress.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import { surveys } from '../measurement/schema.ts';
import type { OrganisationsDemo } from '../organisations/demo.ts';
import { memberships } from '../organisations/schema.ts';
import { issueCertificate } from './certificates.ts';
import { createCohort } from './cohorts.ts';
import { addStarterCourse, attachSurvey } from './courses.ts';
import { starterCurriculum } from './curriculum.ts';
import { reflectionContext } from './learning.ts';
import { trainingEnrolments, trainingProgress, trainingReflections } from './schema.ts';

// The demo's training: the listening circles' coordinator has copied the whole starter
// curriculum into the program and assigned two courses to the agency's officers. The winter
// patrol cohort is under way on de-escalation (Officer Nair has not begun: her course waits on
// her phone); the autumn cohort's procedural justice course was due last week, and two of its
// officers are late. Their progress is made by the progress machine itself, step by step, as
// if each had taken the course, so that the report shows believable completion and wrong turns.

const DAY = 86_400_000;
const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

interface Learner {
  unit: string;
  /** How far through the course's steps they went, 0 to 1. */
  reached: number;
  /** Picks among a situation's choices, so that learners differ: the index is taken modulo. */
  leaning: number;
  /** What they wrote to the course's reflections, by step, and whether they shared it. */
  reflections?: Record<string, string>;
  shares?: true;
}

/** The other officers' ways through, in the order of their names. */
const winterPatrol: Learner[] = [
  {
    unit: 'Patrol North',
    reached: 1,
    leaning: 0,
    shares: true,
    reflections: {
      'de-m1-l2-s2':
        'A noise call last summer. The man was shouting before I was out of the car, and I answered in the same voice. I was tired and I felt he was making a fool of me in front of his neighbours. Now I would stop at the gate, give him a minute, and ask what had happened before telling him anything.',
      'de-m2-l2-s3':
        'My partner waited for a woman in crisis to come out of the kitchen on her own instead of going in. It took twenty minutes. It was possible because nobody else was in danger and the sergeant on the radio let us take the time.',
    },
  },
  { unit: 'Patrol North', reached: 1, leaning: 1 },
  { unit: 'Patrol South', reached: 0.6, leaning: 1 },
  { unit: 'Patrol South', reached: 1, leaning: 2 },
  { unit: 'Traffic', reached: 0.3, leaning: 1 },
];

const autumnRecruits: Learner[] = [
  { unit: 'Patrol North', reached: 1, leaning: 1 },
  { unit: 'Patrol South', reached: 1, leaning: 0 },
  { unit: 'Traffic', reached: 0.5, leaning: 2 },
  { unit: 'Traffic', reached: 0, leaning: 0 },
];

/** When a cohort began, and over how many days its learners worked. */
interface CohortDays {
  startedDaysAgo: number;
  activeDays: number;
}

/** The commands a learner would send, in the course's order, up to `reached` of its steps. */
function* commandsFor(course: CourseContent, learner: Learner): Generator<ProgressCommand> {
  const steps = stepsOf(course);
  const last = Math.round(steps.length * learner.reached);
  for (const [index, step] of steps.entries()) {
    if (index >= last) return;
    switch (step.type) {
      case 'text':
      case 'video':
        yield { type: 'read', stepId: step.id };
        break;
      case 'reflection':
        yield { type: 'reflect', stepId: step.id };
        break;
      case 'practice_circle':
        return;
      case 'check': {
        const wrong = step.options.find((option) => !option.correct);
        if (wrong && learner.leaning > 0)
          yield { type: 'answer', stepId: step.id, chosen: [wrong.id] };
        const right = step.options.filter((option) => option.correct).map((option) => option.id);
        yield { type: 'answer', stepId: step.id, chosen: right };
        break;
      }
      case 'scenario': {
        const scenario = course.scenarios.find((one) => one.id === step.scenario);
        let node = scenario?.nodes.find((one) => one.id === scenario.start);
        for (let depth = 0; node && node.choices.length > 0; depth += 1) {
          const choice = node.choices[(learner.leaning + depth) % node.choices.length];
          if (!choice) break;
          yield { type: 'choose', stepId: step.id, choiceId: choice.id };
          node = scenario?.nodes.find((one) => one.id === choice.next);
        }
        break;
      }
    }
  }
}

/** The learner's events as the machine decides them, spread over the cohort's active days. */
function eventsFor(course: CourseContent, learner: Learner, cohort: CohortDays) {
  let progress: Progress = startProgress();
  const events: ProgressEvent[] = [];
  for (const command of commandsFor(course, learner)) {
    const decision = decide(course, progress, command);
    if (!decision.ok) continue;
    for (const event of decision.events) {
      progress = apply(course, progress, event);
      events.push(event);
    }
  }
  const spread = (index: number) =>
    new Date(
      Date.now() -
        cohort.startedDaysAgo * DAY +
        (index / Math.max(1, events.length)) * cohort.activeDays * DAY,
    );
  return { events, spread, completed: progress.completed };
}

/** The agency's verified officers in the program besides Priya Nair, by name. */
async function otherOfficers(context: AppContext, world: OrganisationsDemo): Promise<string[]> {
  const rows = await context.database.db
    .select({ id: people.id })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(memberships.organisationId, world.agency.id),
        eq(memberships.programId, world.circles.id),
        eq(memberships.role, 'officer'),
        isNotNull(memberships.verifiedAt),
        ne(memberships.personId, world.circlesOfficer.personId),
      ),
    )
    .orderBy(asc(people.name));
  return rows.map((row) => row.id);
}

async function assign(
  context: AppContext,
  coordinator: SignedIn,
  courseId: string,
  cohort: { name: string; dueOn: string } & CohortDays,
  learners: { personId: string; learner: Learner }[],
  course: CourseContent,
) {
  const { db } = context.database;
  const made = await createCohort(context, coordinator, courseId, {
    name: cohort.name,
    dueOn: cohort.dueOn,
    people: learners.map((one) => one.personId),
    units: Object.fromEntries(learners.map((one) => [one.personId, one.learner.unit])),
  });
  const enrolments = await db
    .select()
    .from(trainingEnrolments)
    .where(eq(trainingEnrolments.cohortId, made.id));
  for (const { personId, learner } of learners) {
    const enrolment = enrolments.find((row) => row.personId === personId);
    if (!enrolment) continue;
    const { events, spread, completed } = eventsFor(course, learner, cohort);
    if (events.length === 0) continue;
    const written = events.flatMap((event) =>
      event.type === 'step_done' && learner.reflections?.[event.stepId]
        ? [{ stepId: event.stepId, text: learner.reflections[event.stepId] ?? '' }]
        : [],
    );
    if (written.length > 0) {
      await db.insert(trainingReflections).values(
        written.map(({ stepId, text }) => ({
          enrolmentId: enrolment.id,
          stepId,
          body: context.cipher.encrypt(text, reflectionContext(enrolment.id, stepId)),
          sharedAt: learner.shares ? spread(events.length - 1) : null,
        })),
      );
    }
    await db.insert(trainingProgress).values(
      events.map((event, index) => ({
        enrolmentId: enrolment.id,
        seq: index + 1,
        event,
        at: spread(index),
      })),
    );
    if (completed) {
      const completedAt = spread(events.length - 1);
      await db
        .update(trainingEnrolments)
        .set({ completedAt })
        .where(eq(trainingEnrolments.id, enrolment.id));
      await issueCertificate(db, enrolment.id, completedAt);
    }
  }
}

export async function seedTrainingDemo(
  context: AppContext,
  world: OrganisationsDemo,
): Promise<{ courses: number; reportCourseId: string }> {
  const curriculum = starterCurriculum();
  const added = new Map<string, Awaited<ReturnType<typeof addStarterCourse>>>();
  for (const file of curriculum) {
    added.set(
      file.slug,
      await addStarterCourse(context, world.circlesCoordinator, world.circles.id, file.slug),
    );
  }
  const officers = await otherOfficers(context, world);
  const paired = (profiles: Learner[]) =>
    officers.slice(0, profiles.length).map((personId, index) => ({
      personId,
      learner: profiles[index] as Learner,
    }));

  const deEscalation = added.get('de-escalation');
  if (deEscalation) {
    const nair: Learner = { unit: 'Patrol North', reached: 0, leaning: 0 };
    await assign(
      context,
      world.circlesCoordinator,
      deEscalation.id,
      { name: 'Winter patrol', dueOn: isoDay(21), startedDaysAgo: 10, activeDays: 9 },
      [{ personId: world.circlesOfficer.personId, learner: nair }, ...paired(winterPatrol)],
      deEscalation.course,
    );
  }
  const proceduralJustice = added.get('procedural-justice');
  if (proceduralJustice) {
    // Last quarter's procedural-justice training survey asks its learners before and after.
    const [survey] = await context.database.db
      .select({ id: surveys.id })
      .from(surveys)
      .where(and(eq(surveys.programId, world.circles.id), eq(surveys.kind, 'training')));
    if (survey) {
      await attachSurvey(context, world.circlesCoordinator, proceduralJustice.id, survey.id);
    }
    await assign(
      context,
      world.circlesCoordinator,
      proceduralJustice.id,
      { name: 'Autumn recruits', dueOn: isoDay(-7), startedDaysAgo: 40, activeDays: 30 },
      paired(autumnRecruits),
      proceduralJustice.course,
    );
  }
  return { courses: curriculum.length, reportCourseId: deEscalation?.id ?? '' };
}
