import { eq } from 'drizzle-orm';
import { decide } from '../../../shared/permissions/decide.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/connection.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from '../organisations/programs.ts';
import { findProgram, type ProgramRunners } from '../organisations/service.ts';
import { trainingCourses } from './schema.ts';

// Who may do what with a program's courses; every course route asks here. The permission table
// decides on the course's program: `training.manage` authors, imports and exports courses;
// `training.read` reads them. A refusal is 403 and audited, whether or not the course exists.

export type CourseRow = typeof trainingCourses.$inferSelect;
type CourseAction = 'training.manage' | 'training.read' | 'training.report';

export interface CourseAccess {
  course: CourseRow;
  program: ProgramRunners;
  manage: boolean;
}

const courseTarget = (
  courseId: string,
  programId: string,
  program: ProgramRunners | undefined,
) => ({
  ...programTarget(programId, program),
  type: 'training_course',
  id: courseId,
});

export async function courseWhere(
  db: Database,
  actor: SignedIn,
  courseId: string,
  action: CourseAction,
): Promise<CourseAccess> {
  const [course] = await db.select().from(trainingCourses).where(eq(trainingCourses.id, courseId));
  const program = course && (await findProgram(db, course.programId));
  if (course && program) {
    const target = courseTarget(course.id, course.programId, program);
    const manage = decide(actor, 'training.manage', target).allowed;
    if (manage || (action !== 'training.manage' && decide(actor, action, target).allowed)) {
      return { course, program, manage };
    }
  }
  await authorize(db, actor, action, courseTarget(courseId, course?.programId ?? '', program));
  throw new NotFoundError('There is no such course.');
}

/** The program, once the table lets the actor `action` its courses (403, then 404). */
export async function coursesProgram(
  db: Database,
  actor: SignedIn,
  programId: string,
  action: CourseAction,
): Promise<ProgramRunners> {
  const program = await findProgram(db, programId);
  await authorize(db, actor, action, programTarget(programId, program));
  if (!program) throw new NotFoundError('There is no such program.');
  return program;
}
