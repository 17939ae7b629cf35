import { asc, eq, inArray } from 'drizzle-orm';
import type {
  CohortCompletion,
  CourseReport,
  LearnerRow,
  UnitCompletion,
} from '../../../shared/training/contract.ts';
import { fold, type ProgressEvent, shareDone } from '../../../shared/training/progress.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/connection.ts';
import { type CourseAccess, courseWhere } from './access.ts';
import { type CertificateRow, myCertificate } from './certificates.ts';
import { latestVersion } from './courses.ts';
import { countStatuses, learnerStatus, stepFigures } from './report-figures.ts';
import {
  trainingCertificates,
  trainingCohorts,
  trainingCourseVersions,
  trainingEnrolments,
  trainingProgress,
} from './schema.ts';
import { sharedReflectionsOf } from './shared-reflections.ts';

// A course's report for supervisors and coordinators (`training.report`): who completed it, by
// cohort and by unit, and what its learners chose, counted together. Reflections are not read
// here at all: what a learner writes is theirs.

export interface LearnerRecord {
  enrolmentId: string;
  personId: string;
  name: string;
  cohortId: string;
  cohortName: string;
  version: number;
  unit: string;
  dueOn: string;
  completedAt: Date | null;
  certificate: CertificateRow | null;
  events: { event: ProgressEvent; at: Date }[];
}

/** Every learner of the course with their progress events, in cohort and name order. */
export async function learnerRecords(
  db: Database,
  courseId: string,
): Promise<{ cohorts: (typeof trainingCohorts.$inferSelect)[]; learners: LearnerRecord[] }> {
  const cohorts = await db
    .select()
    .from(trainingCohorts)
    .where(eq(trainingCohorts.courseId, courseId))
    .orderBy(asc(trainingCohorts.dueOn), asc(trainingCohorts.name));
  if (cohorts.length === 0) return { cohorts, learners: [] };
  const cohortById = new Map(cohorts.map((cohort) => [cohort.id, cohort]));
  const enrolments = await db
    .select({
      id: trainingEnrolments.id,
      personId: trainingEnrolments.personId,
      cohortId: trainingEnrolments.cohortId,
      unit: trainingEnrolments.unit,
      completedAt: trainingEnrolments.completedAt,
      name: people.name,
      certificate: trainingCertificates,
    })
    .from(trainingEnrolments)
    .innerJoin(people, eq(people.id, trainingEnrolments.personId))
    .leftJoin(trainingCertificates, eq(trainingCertificates.enrolmentId, trainingEnrolments.id))
    .where(inArray(trainingEnrolments.cohortId, [...cohortById.keys()]))
    .orderBy(asc(people.name));
  const events =
    enrolments.length === 0
      ? []
      : await db
          .select()
          .from(trainingProgress)
          .where(
            inArray(
              trainingProgress.enrolmentId,
              enrolments.map((row) => row.id),
            ),
          )
          .orderBy(asc(trainingProgress.enrolmentId), asc(trainingProgress.seq));
  const eventsOf = Map.groupBy(events, (row) => row.enrolmentId);
  const learners = enrolments.map((row): LearnerRecord => {
    const cohort = cohortById.get(row.cohortId) as (typeof cohorts)[number];
    return {
      enrolmentId: row.id,
      personId: row.personId,
      name: row.name,
      cohortId: cohort.id,
      cohortName: cohort.name,
      version: cohort.courseVersion,
      unit: row.unit,
      dueOn: cohort.dueOn,
      completedAt: row.completedAt,
      certificate: row.certificate,
      events: (eventsOf.get(row.id) ?? []).map(({ event, at }) => ({ event, at })),
    };
  });
  return { cohorts, learners };
}

/** The report's course: the course, once the actor may read its report, and its learners. */
export async function reportedCourse(db: Database, actor: SignedIn, courseId: string) {
  const access: CourseAccess = await courseWhere(db, actor, courseId, 'training.report');
  const latest = await latestVersion(db, courseId);
  const records = await learnerRecords(db, courseId);
  // Each learner's share done is measured on the version they were assigned.
  const versions = await db
    .select()
    .from(trainingCourseVersions)
    .where(eq(trainingCourseVersions.courseId, courseId));
  const contentOf = new Map(versions.map((version) => [version.version, version.content]));
  return { access, latest, contentOf, ...records };
}

/** GET /api/courses/:id/report. */
export async function courseReport(
  context: AppContext,
  actor: SignedIn,
  courseId: string,
  /** The day in the installation's time zone: a course is overdue after its due day there. */
  today: string,
): Promise<CourseReport> {
  const { db } = context.database;
  const { access, latest, contentOf, cohorts, learners } = await reportedCourse(
    db,
    actor,
    courseId,
  );
  const rows: (LearnerRow & { cohortId: string; events: ProgressEvent[] })[] = learners.map(
    (learner) => {
      const content = contentOf.get(learner.version) ?? latest.content;
      const events = learner.events.map((row) => row.event);
      return {
        enrolmentId: learner.enrolmentId,
        name: learner.name,
        cohortId: learner.cohortId,
        cohortName: learner.cohortName,
        unit: learner.unit,
        dueOn: learner.dueOn,
        shareDone: shareDone(content, fold(content, events)),
        status: learnerStatus(learner.completedAt, learner.dueOn, today, events.length),
        completedAt: learner.completedAt?.toISOString() ?? null,
        certificateExpiresAt: learner.certificate?.expiresAt?.toISOString() ?? null,
        renewalDue: learner.certificate ? myCertificate('', learner.certificate).renewalDue : false,
        events,
      };
    },
  );
  const cohortRows: CohortCompletion[] = cohorts.map((cohort) => ({
    cohortId: cohort.id,
    name: cohort.name,
    dueOn: cohort.dueOn,
    version: cohort.courseVersion,
    ...countStatuses(rows.filter((row) => row.cohortId === cohort.id).map((row) => row.status)),
  }));
  const units: UnitCompletion[] = [...Map.groupBy(rows, (row) => row.unit)]
    .map(([unit, members]) => ({ unit, ...countStatuses(members.map((row) => row.status)) }))
    .sort((a, b) => (a.unit === '' ? 1 : b.unit === '' ? -1 : a.unit.localeCompare(b.unit)));
  return {
    courseId,
    title: latest.content.title,
    total: countStatuses(rows.map((row) => row.status)),
    cohorts: cohortRows,
    units,
    learners: rows.map(({ cohortId: _cohort, events: _events, ...row }) => row),
    ...stepFigures(latest.content, rows),
    sharedReflections: access.manage
      ? await sharedReflectionsOf(db, context.cipher, learners, contentOf)
      : null,
  };
}
