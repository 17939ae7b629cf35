import { and, eq, gte, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { decide, stepsOf } from '../../../shared/training/progress.ts';
import type { AppContext } from '../../platform/context.ts';
import { circleParticipants, circles } from '../circles/schema.ts';
import { theCohortsVersion } from './joins.ts';
import { progressOf, recordEvents } from './progress-store.ts';
import {
  trainingCohorts,
  trainingCourses,
  trainingCourseVersions,
  trainingEnrolments,
} from './schema.ts';

// A course's practice-circle step is done by taking part in a practice circle of the course's
// program (a circle planned with the training flag) that has closed since the learner was
// assigned the course. Taking part is having taken a seat: agreeing to the circle's guidelines
// and coming in; each practice step of a course asks for a circle of its own. A job credits learners every few minutes, and a learner's own pages credit
// them at once, so that coming back from the circle shows the step done.

export const PRACTICE_CIRCLES_JOB = 'training.practice_circles';
export const PRACTICE_CIRCLES_EVERY_MS = 5 * 60_000;

export function definePracticeCircleCredit(context: AppContext): void {
  context.jobs.define({
    name: PRACTICE_CIRCLES_JOB,
    payload: z.object({}),
    async handler() {
      await creditPracticeCircles(context);
    },
  });
}

/** Marks attended practice circles done; for one person when given. Returns how many steps. */
export async function creditPracticeCircles(
  context: AppContext,
  personId?: string,
): Promise<number> {
  const { db } = context.database;
  const conditions: SQL[] = [
    isNull(trainingEnrolments.completedAt),
    eq(circles.training, true),
    eq(circles.status, 'closed'),
    gte(circles.closedAt, trainingEnrolments.enrolledAt),
  ];
  if (personId) conditions.push(eq(trainingEnrolments.personId, personId));
  const attended = await db
    .selectDistinct({
      enrolmentId: trainingEnrolments.id,
      circleId: circles.id,
      course: trainingCourseVersions.content,
    })
    .from(trainingEnrolments)
    .innerJoin(trainingCohorts, eq(trainingCohorts.id, trainingEnrolments.cohortId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCohorts.courseId))
    .innerJoin(trainingCourseVersions, theCohortsVersion)
    .innerJoin(circleParticipants, eq(circleParticipants.personId, trainingEnrolments.personId))
    .innerJoin(
      circles,
      and(
        eq(circles.id, circleParticipants.circleId),
        eq(circles.programId, trainingCourses.programId),
      ),
    )
    .where(and(...conditions));
  let credited = 0;
  for (const [enrolmentId, rows] of Map.groupBy(attended, (row) => row.enrolmentId)) {
    const course = rows[0]?.course;
    if (!course) continue;
    // Each practice step asks for a circle of its own: two circles attended do two steps.
    const practice = stepsOf(course)
      .filter((step) => step.type === 'practice_circle')
      .slice(0, rows.length);
    if (practice.length === 0) continue;
    credited += await db.transaction(async (tx) => {
      await tx
        .select({ id: trainingEnrolments.id })
        .from(trainingEnrolments)
        .where(eq(trainingEnrolments.id, enrolmentId))
        .for('update');
      let progress = await progressOf(tx, course, enrolmentId);
      let done = 0;
      const circlesLeft =
        rows.length - practice.filter((step) => progress.done.has(step.id)).length;
      for (const step of practice) {
        if (done >= circlesLeft) break;
        const decision = decide(course, progress, { type: 'attend', stepId: step.id });
        if (!decision.ok) continue;
        await recordEvents(tx, enrolmentId, course, progress, decision.events);
        progress = await progressOf(tx, course, enrolmentId);
        done += 1;
      }
      return done;
    });
  }
  return credited;
}
