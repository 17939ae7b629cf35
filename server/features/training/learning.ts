import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { dayIn } from '../../../shared/commitments/days.ts';
import type {
  Learning,
  MyCertificate,
  MyCourse,
  stepBody,
} from '../../../shared/training/contract.ts';
import type { CourseContent } from '../../../shared/training/course.ts';
import {
  decide,
  type Progress,
  type ProgressCommand,
  shareDone,
} from '../../../shared/training/progress.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { publicUrlOf } from '../measurement/public-links.ts';
import { surveys } from '../measurement/schema.ts';
import { certificatePdf } from './certificate-pdf.ts';
import { certificateOf, myCertificate, verifyUrlOf } from './certificates.ts';
import { theCohortsVersion } from './joins.ts';
import { creditPracticeCircles } from './practice-circles.ts';
import { progressOf, recordEvents } from './progress-store.ts';
import {
  trainingCohorts,
  trainingCourses,
  trainingCourseVersions,
  trainingEnrolments,
  trainingReflections,
} from './schema.ts';

// A learner taking their courses: what they were assigned, where they are in each, and each
// step they take, decided by the progress machine (shared/training/progress.ts) on the events
// stored so far and stored in the same transaction. Someone else's enrolment is not found: no
// one learns that it exists. What a learner writes to a reflection is sealed and shown to them
// alone; the events say only that the step was done.

type TakenStep = z.output<typeof stepBody>;

export const reflectionContext = (enrolmentId: string, stepId: string) =>
  `training_reflection:${enrolmentId}:${stepId}`;

const refusalWords: Record<string, string> = {
  unknown_step: 'This course has no such step.',
  wrong_kind: 'This step is not done that way.',
  already_done: 'This step is already done.',
  unknown_choice: 'That is not one of the choices here.',
  empty_answer: 'Choose an answer first.',
  one_answer_only: 'Choose one answer.',
  walk_not_ended: 'Finish the scenario before walking it again.',
  course_completed: 'This course is complete.',
};

async function enrolmentOf(db: Database | Transaction, actor: SignedIn, enrolmentId: string) {
  const [row] = await db
    .select({
      enrolment: trainingEnrolments,
      dueOn: trainingCohorts.dueOn,
      course: trainingCourseVersions.content,
      version: trainingCourseVersions.version,
      surveySlug: surveys.publicSlug,
    })
    .from(trainingEnrolments)
    .innerJoin(trainingCohorts, eq(trainingCohorts.id, trainingEnrolments.cohortId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCohorts.courseId))
    .leftJoin(surveys, eq(surveys.id, trainingCourses.surveyId))
    .innerJoin(trainingCourseVersions, theCohortsVersion)
    .where(
      and(eq(trainingEnrolments.id, enrolmentId), eq(trainingEnrolments.personId, actor.personId)),
    );
  if (!row) throw new NotFoundError('You have no such course.');
  return row;
}

function myCourse(
  enrolmentId: string,
  course: CourseContent,
  dueOn: string,
  progress: Progress,
  completedAt: Date | null,
  certificate: MyCertificate | null,
  today: string,
): MyCourse {
  return {
    certificate,
    enrolmentId,
    title: course.title,
    minutes: course.minutes,
    dueOn,
    shareDone: shareDone(course, progress),
    completedAt: completedAt?.toISOString() ?? null,
    overdue: completedAt === null && dueOn < today,
  };
}

const certificateFor = async (context: AppContext, enrolmentId: string) => {
  const row = await certificateOf(context.database.db, enrolmentId);
  return row ? myCertificate(context.config.publicUrl, row) : null;
};

/** GET /api/me/training. */
export async function myTraining(context: AppContext, actor: SignedIn): Promise<MyCourse[]> {
  const { db } = context.database;
  await creditPracticeCircles(context, actor.personId);
  const rows = await db
    .select({ id: trainingEnrolments.id })
    .from(trainingEnrolments)
    .where(eq(trainingEnrolments.personId, actor.personId));
  const courses = await Promise.all(
    rows.map(async ({ id }) => {
      const { enrolment, course, dueOn } = await enrolmentOf(db, actor, id);
      const progress = await progressOf(db, course, id);
      return myCourse(
        id,
        course,
        dueOn,
        progress,
        enrolment.completedAt,
        await certificateFor(context, id),
        dayIn(context.config.TIME_ZONE),
      );
    }),
  );
  return courses.sort(
    (a, b) =>
      Number(a.completedAt !== null) - Number(b.completedAt !== null) ||
      a.dueOn.localeCompare(b.dueOn),
  );
}

/** GET /api/me/training/:enrolmentId. */
export async function readLearning(
  context: AppContext,
  actor: SignedIn,
  enrolmentId: string,
): Promise<Learning> {
  const { db } = context.database;
  await creditPracticeCircles(context, actor.personId);
  const { enrolment, course, dueOn, version, surveySlug } = await enrolmentOf(
    db,
    actor,
    enrolmentId,
  );
  const progress = await progressOf(db, course, enrolmentId);
  const written = await db
    .select()
    .from(trainingReflections)
    .where(eq(trainingReflections.enrolmentId, enrolmentId));
  return {
    ...myCourse(
      enrolmentId,
      course,
      dueOn,
      progress,
      enrolment.completedAt,
      await certificateFor(context, enrolmentId),
      dayIn(context.config.TIME_ZONE),
    ),
    course,
    version,
    done: [...progress.done],
    walks: { ...progress.walks },
    reflections: Object.fromEntries(
      written.map((row) => [
        row.stepId,
        context.cipher.decrypt(row.body, reflectionContext(enrolmentId, row.stepId)),
      ]),
    ),
    sharedReflections: written.filter((row) => row.sharedAt !== null).map((row) => row.stepId),
    beforeAfter: surveySlug
      ? {
          beforeUrl: publicUrlOf(context.config.publicUrl, surveySlug, 'before'),
          afterUrl: publicUrlOf(context.config.publicUrl, surveySlug, 'after'),
        }
      : null,
  };
}

/** POST /api/me/training/:enrolmentId/steps. */
export async function takeStep(
  context: AppContext,
  actor: SignedIn,
  enrolmentId: string,
  body: TakenStep,
): Promise<Learning> {
  const { db } = context.database;
  await db.transaction(async (tx) => {
    const { course } = await enrolmentOf(tx, actor, enrolmentId);
    // One step at a time per enrolment: a double tap is decided on the state after the first.
    await tx
      .select({ id: trainingEnrolments.id })
      .from(trainingEnrolments)
      .where(eq(trainingEnrolments.id, enrolmentId))
      .for('update');
    const progress = await progressOf(tx, course, enrolmentId);
    const command: ProgressCommand =
      body.type === 'reflect' ? { type: 'reflect', stepId: body.stepId } : body;
    const decision = decide(course, progress, command);
    if (!decision.ok) {
      throw new ConflictError(refusalWords[decision.refusal] ?? 'This step cannot be taken now.', {
        code: decision.refusal,
      });
    }
    await recordEvents(tx, enrolmentId, course, progress, decision.events);
    if (body.type === 'reflect') {
      await tx.insert(trainingReflections).values({
        enrolmentId,
        stepId: body.stepId,
        body: context.cipher.encrypt(body.text, reflectionContext(enrolmentId, body.stepId)),
      });
    }
  });
  return readLearning(context, actor, enrolmentId);
}

/**
 * PUT /api/me/training/:enrolmentId/reflections/:stepId/sharing: the learner shares what they
 * wrote with the course's coordinators, or stops sharing it; the words stay sealed either way.
 */
export async function shareReflection(
  context: AppContext,
  actor: SignedIn,
  enrolmentId: string,
  stepId: string,
  shared: boolean,
): Promise<Learning> {
  const { db } = context.database;
  await enrolmentOf(db, actor, enrolmentId);
  const changed = await db
    .update(trainingReflections)
    .set({ sharedAt: shared ? new Date() : null })
    .where(
      and(eq(trainingReflections.enrolmentId, enrolmentId), eq(trainingReflections.stepId, stepId)),
    )
    .returning({ stepId: trainingReflections.stepId });
  if (changed.length === 0) {
    throw new NotFoundError('Write this reflection first; then you may share it.');
  }
  return readLearning(context, actor, enrolmentId);
}

/** GET /api/me/training/:enrolmentId/certificate.pdf: the learner's own, once completed. */
export async function myCertificatePdf(
  context: AppContext,
  actor: SignedIn,
  enrolmentId: string,
): Promise<Buffer> {
  const { db } = context.database;
  await enrolmentOf(db, actor, enrolmentId);
  const row = await certificateOf(db, enrolmentId);
  if (!row)
    throw new NotFoundError('This course is not completed yet: its certificate comes then.');
  const language = actor.language === 'es' ? 'es' : 'en';
  return certificatePdf(row, verifyUrlOf(context.config.publicUrl, row.code), language);
}
