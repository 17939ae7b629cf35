import { and, asc, count, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import type {
  AssignablePerson,
  CohortSummary,
  CreateCohortBody,
} from '../../../shared/training/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/connection.ts';
import { type FieldMessage, InvalidError } from '../../platform/errors.ts';
import { memberships } from '../organisations/schema.ts';
import { verifiedOfficersAmong } from '../organisations/service.ts';
import { courseWhere } from './access.ts';
import { latestVersion } from './courses.ts';
import { remindLearner } from './reminders.ts';
import { trainingCohorts, trainingEnrolments } from './schema.ts';

// Cohorts: a coordinator assigns people of the program's organisations one version of a
// course, with a due date. Someone outside those organisations cannot be assigned: a course is
// the program's, and its learners are its people.

type CreateCohort = CreateCohortBody & { dueOn: string };

/** Whom of `personIds` the program's organisations hold, with an active account. */
async function peopleOfProgram(
  db: Database,
  organisationIds: string[],
  personIds: string[],
): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ personId: memberships.personId })
    .from(memberships)
    .innerJoin(people, and(eq(people.id, memberships.personId), isNull(people.disabledAt)))
    .where(
      and(
        inArray(memberships.personId, personIds),
        inArray(memberships.organisationId, organisationIds),
        isNull(memberships.revokedAt),
      ),
    );
  return new Set(rows.map((row) => row.personId));
}

async function summaries(db: Database, cohorts: (typeof trainingCohorts.$inferSelect)[]) {
  if (cohorts.length === 0) return [];
  const counts = await db
    .select({
      cohortId: trainingEnrolments.cohortId,
      people: count(),
      completed: count(trainingEnrolments.completedAt),
    })
    .from(trainingEnrolments)
    .where(
      inArray(
        trainingEnrolments.cohortId,
        cohorts.map((cohort) => cohort.id),
      ),
    )
    .groupBy(trainingEnrolments.cohortId);
  const byCohort = new Map(counts.map((row) => [row.cohortId, row]));
  return cohorts.map(
    (cohort): CohortSummary => ({
      id: cohort.id,
      courseId: cohort.courseId,
      courseVersion: cohort.courseVersion,
      name: cohort.name,
      dueOn: cohort.dueOn,
      people: Number(byCohort.get(cohort.id)?.people ?? 0),
      completed: Number(byCohort.get(cohort.id)?.completed ?? 0),
    }),
  );
}

/** POST /api/courses/:id/cohorts. */
export async function createCohort(
  context: AppContext,
  actor: SignedIn,
  courseId: string,
  body: CreateCohort,
): Promise<CohortSummary> {
  const { db } = context.database;
  const { course, program } = await courseWhere(db, actor, courseId, 'training.manage');
  const members = await peopleOfProgram(db, program.organisationIds, body.people);
  const strangers: FieldMessage[] = body.people.flatMap((personId, index) =>
    members.has(personId)
      ? []
      : [
          {
            field: `people.${index}`,
            message: 'This person is not in the organisations that run this program.',
            code: 'not_in_program',
          },
        ],
  );
  if (strangers.length > 0) throw new InvalidError(strangers);
  const version = await latestVersion(db, course.id);
  const cohort = {
    id: crypto.randomUUID(),
    courseId: course.id,
    courseVersion: version.version,
    name: body.name,
    dueOn: body.dueOn,
    createdBy: actor.personId,
    createdAt: new Date(),
  };
  const enrolmentIds = new Map(body.people.map((personId) => [personId, crypto.randomUUID()]));
  await db.transaction(async (tx) => {
    await tx.insert(trainingCohorts).values(cohort);
    await tx.insert(trainingEnrolments).values(
      body.people.map((personId) => ({
        id: enrolmentIds.get(personId) ?? '',
        cohortId: cohort.id,
        personId,
        unit: body.units?.[personId] ?? '',
      })),
    );
    // Each learner hears of it at once, in their language, with the link to start.
    const learners = await tx
      .select({ id: people.id, email: people.email, language: people.language })
      .from(people)
      .where(inArray(people.id, body.people));
    for (const learner of learners) {
      await remindLearner(context, tx, {
        enrolmentId: enrolmentIds.get(learner.id) ?? '',
        kind: 'assigned',
        day: body.dueOn,
        email: learner.email,
        language: learner.language,
        courseTitle: version.content.title,
        programName: program.name,
      });
    }
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: program.leadOrganisationId,
        action: 'training.cohort_created',
        targetType: 'training_cohort',
        targetId: cohort.id,
        outcome: 'succeeded',
        details: { courseId: course.id, version: version.version, people: body.people.length },
      },
      tx,
    );
  });
  const [summary] = await summaries(db, [cohort]);
  return summary as CohortSummary;
}

/** GET /api/courses/:id/cohorts. */
export async function listCohorts(
  db: Database,
  actor: SignedIn,
  courseId: string,
): Promise<CohortSummary[]> {
  await courseWhere(db, actor, courseId, 'training.read');
  const cohorts = await db
    .select()
    .from(trainingCohorts)
    .where(eq(trainingCohorts.courseId, courseId))
    .orderBy(trainingCohorts.dueOn, trainingCohorts.name);
  return summaries(db, cohorts);
}

/** GET /api/courses/:id/assignable: the staff of the program's organisations, by name. */
export async function assignablePeople(
  db: Database,
  actor: SignedIn,
  courseId: string,
): Promise<AssignablePerson[]> {
  const { program } = await courseWhere(db, actor, courseId, 'training.manage');
  const rows = await db
    .selectDistinct({ id: people.id, name: people.name })
    .from(memberships)
    .innerJoin(people, and(eq(people.id, memberships.personId), isNull(people.disabledAt)))
    .where(
      and(
        inArray(memberships.organisationId, program.organisationIds),
        isNull(memberships.revokedAt),
        notInArray(memberships.role, ['resident', 'youth', 'guardian']),
      ),
    )
    .orderBy(asc(people.name), asc(people.id));
  const officers = await verifiedOfficersAmong(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, officer: officers.has(row.id) }));
}
