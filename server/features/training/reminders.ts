import { and, eq, gte, isNull, lte } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import { RENEWAL_NOTICE_DAYS } from '../../../shared/training/contract.ts';
import type { Translated } from '../../../shared/training/course.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import type { TrainingReminderData } from '../../platform/mail/templates/index.ts';
import { programs } from '../organisations/schema.ts';
import { theCohortsVersion } from './joins.ts';
import {
  trainingCertificates,
  trainingCohorts,
  trainingCourses,
  trainingCourseVersions,
  trainingEnrolments,
  trainingReminders,
} from './schema.ts';

// What a learner is told by email, besides the assignment itself: a week before a course is
// due, once when the day has passed with it unfinished, and for a certificate that expires, a
// month before and once it has. Each is claimed in `training_reminders` in the transaction
// that writes its email, so that two processes never send the same one.

export const TRAINING_REMINDERS_JOB = 'training.reminders';
export const TRAINING_REMINDERS_EVERY_MS = 60 * 60 * 1_000;
export const DUE_SOON_DAYS = 7;

type Kind = TrainingReminderData['kind'];

interface Reminder {
  enrolmentId: string;
  kind: Kind;
  day: string;
  email: string;
  language: string;
  courseTitle: Translated;
  programName: string;
}

export function defineTrainingReminders(context: AppContext): void {
  context.jobs.define({
    name: TRAINING_REMINDERS_JOB,
    payload: z.object({}),
    async handler() {
      await sendTrainingReminders(context);
    },
  });
}

const titleIn = (title: Translated, language: string) =>
  (language === 'es' ? title.es : title.en) ?? title.en ?? title.es ?? '';

/** Writes one reminder's email, unless it was sent before; true when it was written now. */
export async function remindLearner(
  context: AppContext,
  tx: Transaction,
  reminder: Reminder,
): Promise<boolean> {
  const claimed = await tx
    .insert(trainingReminders)
    .values({ enrolmentId: reminder.enrolmentId, kind: reminder.kind, day: reminder.day })
    .onConflictDoNothing()
    .returning({ kind: trainingReminders.kind });
  if (claimed.length === 0) return false;
  const language = reminder.language === 'es' ? 'es' : 'en';
  await context.mail.notify(
    {
      to: reminder.email,
      template: 'training-reminder',
      language,
      data: {
        courseTitle: titleIn(reminder.courseTitle, language),
        programName: reminder.programName,
        day: reminder.day,
        kind: reminder.kind,
        link: `${context.config.publicUrl}/training/${reminder.enrolmentId}`,
      },
    },
    { tx },
  );
  return true;
}

/** The learners whose unfinished course is due within a week or past due, as reminders. */
async function courseReminders(context: AppContext, today: string): Promise<Reminder[]> {
  const rows = await context.database.db
    .select({
      enrolmentId: trainingEnrolments.id,
      dueOn: trainingCohorts.dueOn,
      email: people.email,
      language: people.language,
      courseTitle: trainingCourseVersions.content,
      programName: programs.name,
    })
    .from(trainingEnrolments)
    .innerJoin(trainingCohorts, eq(trainingCohorts.id, trainingEnrolments.cohortId))
    .innerJoin(people, and(eq(people.id, trainingEnrolments.personId), isNull(people.disabledAt)))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCohorts.courseId))
    .innerJoin(programs, eq(programs.id, trainingCourses.programId))
    .innerJoin(trainingCourseVersions, theCohortsVersion)
    .where(
      and(
        isNull(trainingEnrolments.completedAt),
        lte(trainingCohorts.dueOn, addDays(today, DUE_SOON_DAYS)),
      ),
    );
  return rows.map((row) => ({
    enrolmentId: row.enrolmentId,
    kind: row.dueOn < today ? 'overdue' : 'due_soon',
    day: row.dueOn,
    email: row.email,
    language: row.language,
    courseTitle: row.courseTitle.title,
    programName: row.programName,
  }));
}

/** The holders of certificates that expire within the notice or have expired, as reminders. */
async function certificateReminders(context: AppContext, now: Date): Promise<Reminder[]> {
  const notice = new Date(now.getTime() + RENEWAL_NOTICE_DAYS * 86_400_000);
  const rows = await context.database.db
    .select({
      enrolmentId: trainingCertificates.enrolmentId,
      expiresAt: trainingCertificates.expiresAt,
      email: people.email,
      language: people.language,
      courseTitle: trainingCertificates.courseTitle,
      programName: programs.name,
    })
    .from(trainingCertificates)
    .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingCertificates.enrolmentId))
    .innerJoin(people, and(eq(people.id, trainingEnrolments.personId), isNull(people.disabledAt)))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCertificates.courseId))
    .innerJoin(programs, eq(programs.id, trainingCourses.programId))
    .where(
      and(
        isNull(trainingCertificates.revokedAt),
        lte(trainingCertificates.expiresAt, notice),
        // A certificate long expired, from before this feature reminded anyone, says nothing.
        gte(trainingCertificates.expiresAt, new Date(now.getTime() - 30 * 86_400_000)),
      ),
    );
  return rows.flatMap((row) =>
    row.expiresAt
      ? [
          {
            enrolmentId: row.enrolmentId,
            kind: row.expiresAt <= now ? ('expired' as const) : ('renewal_due' as const),
            day: row.expiresAt.toISOString().slice(0, 10),
            email: row.email,
            language: row.language,
            courseTitle: row.courseTitle,
            programName: row.programName,
          },
        ]
      : [],
  );
}

/** Sends the training reminders that are due now; returns how many emails it wrote. */
export async function sendTrainingReminders(
  context: AppContext,
  now = new Date(),
): Promise<number> {
  const today = dayIn(context.config.TIME_ZONE, now);
  const reminders = [
    ...(await courseReminders(context, today)),
    ...(await certificateReminders(context, now)),
  ];
  let written = 0;
  for (const reminder of reminders) {
    const sent = await context.database.db.transaction((tx) =>
      remindLearner(context, tx, reminder),
    );
    if (sent) written += 1;
  }
  return written;
}
