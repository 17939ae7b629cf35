import { and, desc, eq, inArray, max } from 'drizzle-orm';
import type {
  CourseDetail,
  CourseSummary,
  StarterCourse,
} from '../../../shared/training/contract.ts';
import { type CourseContent, checkCourse } from '../../../shared/training/course.ts';
import {
  COURSE_FILE_FORMAT,
  COURSE_FILE_VERSION,
  type CourseFile,
} from '../../../shared/training/course-file.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { ConflictError, InvalidError, NotFoundError } from '../../platform/errors.ts';
import { surveys } from '../measurement/schema.ts';
import type { ProgramRunners } from '../organisations/service.ts';
import { type CourseAccess, type CourseRow, coursesProgram, courseWhere } from './access.ts';
import { starterCurriculum } from './curriculum.ts';
import { trainingCourses, trainingCourseVersions } from './schema.ts';

// A program's courses: made from a course file (a new one from the browser, an import, or a
// copy of the starter curriculum), saved as new versions, read at their latest version and
// exported as a file again. Every save is checked whole (checkCourse) and refused by field, so
// a coordinator's draft is never half stored. Audits name ids and versions, never content.

type VersionRow = typeof trainingCourseVersions.$inferSelect;

function summaryOf(course: CourseRow, version: VersionRow): CourseSummary {
  return {
    id: course.id,
    programId: course.programId,
    slug: course.slug,
    title: version.content.title,
    topic: version.content.topic,
    minutes: version.content.minutes,
    version: version.version,
    savedAt: version.savedAt.toISOString(),
  };
}

export async function latestVersion(
  db: Database | Transaction,
  courseId: string,
): Promise<VersionRow> {
  const [version] = await db
    .select()
    .from(trainingCourseVersions)
    .where(eq(trainingCourseVersions.courseId, courseId))
    .orderBy(desc(trainingCourseVersions.version))
    .limit(1);
  if (!version) throw new NotFoundError('This course has no saved version.');
  return version;
}

function refuseProblems(course: CourseContent, prefix: string): void {
  const problems = checkCourse(course);
  if (problems.length === 0) return;
  throw new InvalidError(
    problems.map((problem) => ({ ...problem, field: `${prefix}${problem.field}` })),
    'The course was not saved: correct the fields listed and save again.',
  );
}

async function audit(
  tx: Transaction,
  context: AppContext,
  actor: SignedIn,
  program: ProgramRunners,
  courseId: string,
  action: 'training.course_created' | 'training.course_saved',
  version: number,
): Promise<void> {
  await recordAudit(
    context.database.db,
    {
      actorKind: 'person',
      actorId: actor.personId,
      organisationId: program.leadOrganisationId,
      action,
      targetType: 'training_course',
      targetId: courseId,
      outcome: 'succeeded',
      details: { programId: program.id, version },
    },
    tx,
  );
}

const detailOf = (access: Pick<CourseAccess, 'course' | 'manage'>, version: VersionRow) => ({
  ...summaryOf(access.course, version),
  course: version.content,
  savedBy: version.savedBy,
  canManage: access.manage,
  surveyId: access.course.surveyId,
});

/** A new course in the program from a course file; 409 when it already holds that slug. */
async function addCourse(
  context: AppContext,
  actor: SignedIn,
  program: ProgramRunners,
  file: CourseFile,
): Promise<CourseDetail> {
  refuseProblems(file.course, 'course.');
  const { db } = context.database;
  const [taken] = await db
    .select({ id: trainingCourses.id })
    .from(trainingCourses)
    .where(and(eq(trainingCourses.programId, program.id), eq(trainingCourses.slug, file.slug)));
  if (taken) {
    throw new ConflictError(
      `This program already has a course named “${file.slug}”: open it to change it, or give the new one another name.`,
      { code: 'slug_taken' },
    );
  }
  const course: CourseRow = {
    id: crypto.randomUUID(),
    programId: program.id,
    slug: file.slug,
    surveyId: null,
    createdBy: actor.personId,
    createdAt: new Date(),
  };
  const version = await db.transaction(async (tx) => {
    await tx.insert(trainingCourses).values(course);
    const [saved] = await tx
      .insert(trainingCourseVersions)
      .values({ courseId: course.id, version: 1, content: file.course, savedBy: actor.personId })
      .returning();
    await audit(tx, context, actor, program, course.id, 'training.course_created', 1);
    return saved;
  });
  if (!version) throw new ConflictError('The course was not saved; please try again.');
  return detailOf({ course, manage: true }, version);
}

/** POST /api/programs/:programId/courses. */
export async function createCourse(
  context: AppContext,
  actor: SignedIn,
  programId: string,
  file: CourseFile,
): Promise<CourseDetail> {
  const program = await coursesProgram(context.database.db, actor, programId, 'training.manage');
  return addCourse(context, actor, program, file);
}

/** GET /api/programs/:programId/starter-courses. */
export async function listStarterCourses(
  db: Database,
  actor: SignedIn,
  programId: string,
): Promise<StarterCourse[]> {
  await coursesProgram(db, actor, programId, 'training.manage');
  const curriculum = starterCurriculum();
  const held = await db
    .select({ slug: trainingCourses.slug })
    .from(trainingCourses)
    .where(
      and(
        eq(trainingCourses.programId, programId),
        inArray(
          trainingCourses.slug,
          curriculum.map((file) => file.slug),
        ),
      ),
    );
  const added = new Set(held.map((row) => row.slug));
  return curriculum.map((file) => ({
    slug: file.slug,
    title: file.course.title,
    summary: file.course.summary,
    topic: file.course.topic,
    minutes: file.course.minutes,
    added: added.has(file.slug),
  }));
}

/** POST /api/programs/:programId/starter-courses/:slug. */
export async function addStarterCourse(
  context: AppContext,
  actor: SignedIn,
  programId: string,
  slug: string,
): Promise<CourseDetail> {
  const program = await coursesProgram(context.database.db, actor, programId, 'training.manage');
  const file = starterCurriculum().find((one) => one.slug === slug);
  if (!file) throw new NotFoundError('The starter curriculum has no such course.');
  return addCourse(context, actor, program, file);
}

/** GET /api/programs/:programId/courses. */
export async function listCourses(
  db: Database,
  actor: SignedIn,
  programId: string,
): Promise<CourseSummary[]> {
  await coursesProgram(db, actor, programId, 'training.read');
  const courses = await db
    .select()
    .from(trainingCourses)
    .where(eq(trainingCourses.programId, programId));
  if (courses.length === 0) return [];
  const latest = db
    .select({
      courseId: trainingCourseVersions.courseId,
      version: max(trainingCourseVersions.version).as('latest'),
    })
    .from(trainingCourseVersions)
    .where(
      inArray(
        trainingCourseVersions.courseId,
        courses.map((course) => course.id),
      ),
    )
    .groupBy(trainingCourseVersions.courseId)
    .as('latest');
  const versions = await db
    .select({ version: trainingCourseVersions })
    .from(trainingCourseVersions)
    .innerJoin(
      latest,
      and(
        eq(latest.courseId, trainingCourseVersions.courseId),
        eq(latest.version, trainingCourseVersions.version),
      ),
    );
  const byCourse = new Map(versions.map((row) => [row.version.courseId, row.version]));
  return courses
    .flatMap((course) => {
      const version = byCourse.get(course.id);
      return version ? [summaryOf(course, version)] : [];
    })
    .sort((a, b) => (a.title.en ?? a.slug).localeCompare(b.title.en ?? b.slug));
}

/** GET /api/courses/:id. */
export async function readCourse(
  db: Database,
  actor: SignedIn,
  courseId: string,
): Promise<CourseDetail> {
  const access = await courseWhere(db, actor, courseId, 'training.read');
  return detailOf(access, await latestVersion(db, courseId));
}

/** PUT /api/courses/:id: a new version, when it starts from the latest one. */
export async function saveCourse(
  context: AppContext,
  actor: SignedIn,
  courseId: string,
  body: { basedOn: number; course: CourseContent },
): Promise<CourseDetail> {
  const { db } = context.database;
  const access = await courseWhere(db, actor, courseId, 'training.manage');
  refuseProblems(body.course, 'course.');
  const saved = await db.transaction(async (tx) => {
    const latest = await latestVersion(tx, courseId);
    if (latest.version !== body.basedOn) {
      throw new ConflictError(
        `Someone saved version ${latest.version} of this course after you opened version ${body.basedOn}. Copy your changes, reload the course, and make them again.`,
        { code: 'newer_version' },
      );
    }
    const [version] = await tx
      .insert(trainingCourseVersions)
      .values({
        courseId,
        version: latest.version + 1,
        content: body.course,
        savedBy: actor.personId,
      })
      .returning();
    if (!version) throw new ConflictError('The course was not saved; please try again.');
    await audit(
      tx,
      context,
      actor,
      access.program,
      courseId,
      'training.course_saved',
      version.version,
    );
    return version;
  });
  return detailOf(access, saved);
}

/** GET /api/courses/:id/export. */
export async function exportCourse(
  db: Database,
  actor: SignedIn,
  courseId: string,
): Promise<CourseFile> {
  const { course } = await courseWhere(db, actor, courseId, 'training.manage');
  const version = await latestVersion(db, courseId);
  return {
    format: COURSE_FILE_FORMAT,
    formatVersion: COURSE_FILE_VERSION,
    slug: course.slug,
    course: version.content,
  };
}

/** PUT /api/courses/:id/survey: the program's training survey for before and after, or none. */
export async function attachSurvey(
  context: AppContext,
  actor: SignedIn,
  courseId: string,
  surveyId: string | null,
): Promise<CourseDetail> {
  const { db } = context.database;
  const access = await courseWhere(db, actor, courseId, 'training.manage');
  if (surveyId !== null) {
    const [survey] = await db
      .select({ programId: surveys.programId, kind: surveys.kind })
      .from(surveys)
      .where(eq(surveys.id, surveyId));
    if (survey?.programId !== access.course.programId || survey.kind !== 'training') {
      throw new InvalidError([
        {
          field: 'surveyId',
          message: 'Choose a training survey of this program: one with a before and an after link.',
          code: 'not_a_training_survey',
        },
      ]);
    }
  }
  await db.transaction(async (tx) => {
    await tx.update(trainingCourses).set({ surveyId }).where(eq(trainingCourses.id, courseId));
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: access.program.leadOrganisationId,
        action: 'training.survey_attached',
        targetType: 'training_course',
        targetId: courseId,
        outcome: 'succeeded',
        details: { surveyId },
      },
      tx,
    );
  });
  return detailOf(
    { ...access, course: { ...access.course, surveyId } },
    await latestVersion(db, courseId),
  );
}
