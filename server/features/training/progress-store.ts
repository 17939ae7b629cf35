import { asc, eq, max } from 'drizzle-orm';
import type { CourseContent } from '../../../shared/training/course.ts';
import {
  apply,
  fold,
  type Progress,
  type ProgressEvent,
} from '../../../shared/training/progress.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { issueCertificate } from './certificates.ts';
import { trainingEnrolments, trainingProgress } from './schema.ts';

// A learner's progress as stored: the events of the progress machine, in order, folded back
// into its state; and new events stored after the last, completing the course when they do.

export async function progressOf(
  db: Database | Transaction,
  course: CourseContent,
  enrolmentId: string,
) {
  const rows = await db
    .select({ event: trainingProgress.event })
    .from(trainingProgress)
    .where(eq(trainingProgress.enrolmentId, enrolmentId))
    .orderBy(asc(trainingProgress.seq));
  return fold(
    course,
    rows.map((row) => row.event),
  );
}

/**
 * Stores the events a decision made, after the enrolment's last; the course completing with
 * them marks the enrolment complete and issues its certificate, in the same transaction.
 */
export async function recordEvents(
  tx: Transaction,
  enrolmentId: string,
  course: CourseContent,
  progress: Progress,
  events: ProgressEvent[],
): Promise<void> {
  const [last] = await tx
    .select({ seq: max(trainingProgress.seq) })
    .from(trainingProgress)
    .where(eq(trainingProgress.enrolmentId, enrolmentId));
  const from = (last?.seq ?? 0) + 1;
  await tx
    .insert(trainingProgress)
    .values(events.map((event, index) => ({ enrolmentId, seq: from + index, event })));
  const after = events.reduce((state, event) => apply(course, state, event), progress);
  if (after.completed && !progress.completed) {
    const completedAt = new Date();
    await tx
      .update(trainingEnrolments)
      .set({ completedAt })
      .where(eq(trainingEnrolments.id, enrolmentId));
    await issueCertificate(tx, enrolmentId, completedAt);
  }
}
