import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { REMINDER_DAYS_BEFORE } from '../../../shared/commitments/contract.ts';
import { addDays } from '../../../shared/commitments/days.ts';
import { openStatuses } from '../../../shared/commitments/machine.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import { programs } from '../organisations/schema.ts';
import { todayOf } from './read.ts';
import { commitmentReminders, commitments } from './schema.ts';

// Owners hear about a commitment twice at most per due day: a week before it (or as soon as it
// is recorded, when that is sooner), and once the day has passed with the work still open.
// A commitment owned by an organisation reminds whoever recorded it. Each reminder is written
// beside its email in one transaction, so no process sends the same one twice.

export const REMINDERS_JOB = 'commitments.reminders';
export const REMINDERS_EVERY_MS = 60 * 60 * 1_000;

const recipients = alias(people, 'recipients');

export function defineCommitmentReminders(context: AppContext): void {
  context.jobs.define({
    name: REMINDERS_JOB,
    payload: z.object({}),
    async handler() {
      await sendDueReminders(context);
    },
  });
}

/** Sends the reminders that are due now; returns how many emails it wrote. */
export async function sendDueReminders(context: AppContext): Promise<number> {
  const { db } = context.database;
  const today = todayOf(context);
  const open = inArray(commitments.status, [...openStatuses]);
  const candidates = await db
    .select({
      id: commitments.id,
      title: commitments.title,
      dueOn: commitments.dueOn,
      programName: programs.name,
      email: recipients.email,
      language: recipients.language,
    })
    .from(commitments)
    .innerJoin(programs, eq(programs.id, commitments.programId))
    // The owner, or for an organisation's commitment, the person who recorded it.
    .innerJoin(
      recipients,
      eq(recipients.id, sql`coalesce(${commitments.ownerPersonId}, ${commitments.createdBy})`),
    )
    .where(and(open, lte(commitments.dueOn, addDays(today, REMINDER_DAYS_BEFORE))));
  let written = 0;
  for (const candidate of candidates) {
    const kind = candidate.dueOn < today ? 'overdue' : 'due_soon';
    const sent = await db.transaction(async (tx) => {
      const claimed = await tx
        .insert(commitmentReminders)
        .values({ commitmentId: candidate.id, kind, dueOn: candidate.dueOn })
        .onConflictDoNothing()
        .returning({ kind: commitmentReminders.kind });
      if (claimed.length === 0) return false;
      await context.mail.notify(
        {
          to: candidate.email,
          template: 'commitment-reminder',
          language: candidate.language === 'es' ? 'es' : 'en',
          data: {
            title: candidate.title,
            programName: candidate.programName,
            dueOn: candidate.dueOn,
            kind,
            link: `${context.config.publicUrl}/commitments/${candidate.id}`,
          },
        },
        { tx },
      );
      return true;
    });
    if (sent) written += 1;
  }
  return written;
}
