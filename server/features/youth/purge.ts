import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type AgeBand, isMinorBand } from '../../../shared/youth/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { authAccounts, authSessions, people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { circleParticipants } from '../circles/schema.ts';
import { programTarget } from '../organisations/programs.ts';
import { memberships } from '../organisations/schema.ts';
import { findProgram } from '../organisations/service.ts';
import { loadConsent } from './consent-store.ts';
import { youngPeople, youthConcerns, youthPrograms } from './schema.ts';

// A young person's record is kept no longer than the program said it would be. When they leave
// (the coordinator records it), or when their guardian declined, withdrew or never answered,
// the program's retention period runs from then; this job, hourly, then removes what was kept:
// the guardian's contact, the consents, the mentoring messages and meetings, the attendance,
// and the name they chose, here and in past circles. Their account stays, emptied and closed,
// so that what others wrote in a circle keeps its place; concerns about safety stay with the
// safeguarding lead, no longer linked to them.

export const PURGE_YOUTH_JOB = 'youth.purge';
export const PURGE_YOUTH_EVERY_MS = 60 * 60 * 1_000;
const DAY_MS = 86_400_000;

/** What a removed young person is called wherever their name was shown. */
export const FORMER_PARTICIPANT = 'Former participant';

export function defineYouthPurge(context: AppContext): void {
  context.jobs.define({
    name: PURGE_YOUTH_JOB,
    payload: z.object({}),
    async handler() {
      await purgeYoungPeople(context);
    },
  });
}

/** Ends the young person's part in the program now: their retention period starts. */
export async function recordLeaving(
  context: AppContext,
  actor: SignedIn,
  youngPersonId: string,
): Promise<void> {
  const { db } = context.database;
  const [row] = await db.select().from(youngPeople).where(eq(youngPeople.id, youngPersonId));
  const program = row && (await findProgram(db, row.programId));
  await authorize(db, actor, 'youth.manage', {
    ...programTarget(row?.programId ?? '', program),
    type: 'young_person',
    id: youngPersonId,
  });
  if (!row || !program) throw new NotFoundError('There is no such young person.');
  if (row.leftAt) throw new ConflictError('This young person has left the program already.');
  await db.transaction(async (tx) => {
    await tx.update(youngPeople).set({ leftAt: new Date() }).where(eq(youngPeople.id, row.id));
    await closeAccount(tx, row.personId, row.programId);
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: program.leadOrganisationId,
        action: 'youth.left',
        targetType: 'young_person',
        targetId: row.id,
        outcome: 'succeeded',
      },
      tx,
    );
  });
}

/** No more sign-in and no more role in the program: what they could reach, they cannot now. */
async function closeAccount(tx: Transaction, personId: string, programId: string) {
  await tx
    .update(memberships)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(memberships.personId, personId),
        eq(memberships.programId, programId),
        isNull(memberships.revokedAt),
      ),
    );
  await tx.delete(authSessions).where(eq(authSessions.userId, personId));
}

/** When a young person's record is due to go, or null while it is still needed. */
async function dueAt(
  tx: Transaction,
  row: typeof youngPeople.$inferSelect,
  retentionDays: number,
): Promise<number | null> {
  const retention = retentionDays * DAY_MS;
  if (row.leftAt) return row.leftAt.getTime() + retention;
  if (!isMinorBand(row.ageBand as AgeBand)) return null;
  // A minor who cannot take part: counted from the guardian's last word (a refusal, a
  // withdrawal, a request left unanswered), or from the day their consent ran out.
  const stored = await loadConsent(tx, row.id);
  const { status, expiresAt } = stored.state;
  if (status === 'given') return expiresAt === null ? null : expiresAt + retention;
  return (stored.lastEventAt ?? row.addedAt.getTime()) + retention;
}

/** Removes every young person's record whose retention has ended by `now`; returns their ids. */
export async function purgeYoungPeople(context: AppContext, now = new Date()): Promise<string[]> {
  const { db } = context.database;
  const candidates = await db
    .select({ row: youngPeople, retentionDays: youthPrograms.retentionDays })
    .from(youngPeople)
    .innerJoin(youthPrograms, eq(youthPrograms.programId, youngPeople.programId));
  const purged: string[] = [];
  for (const { row, retentionDays } of candidates) {
    await db.transaction(async (tx) => {
      const due = await dueAt(tx, row, retentionDays);
      if (due === null || due > now.getTime()) return;
      await closeAccount(tx, row.personId, row.programId);
      await tx
        .update(circleParticipants)
        .set({ displayName: FORMER_PARTICIPANT })
        .where(eq(circleParticipants.personId, row.personId));
      await tx
        .update(youthConcerns)
        .set({ raisedBy: null })
        .where(and(eq(youthConcerns.raisedBy, row.personId), isNotNull(youthConcerns.raisedBy)));
      await tx.delete(authAccounts).where(eq(authAccounts.userId, row.personId));
      await tx
        .update(people)
        .set({ name: FORMER_PARTICIPANT, disabledAt: sql`coalesce(${people.disabledAt}, now())` })
        .where(eq(people.id, row.personId));
      // The guardian's contact, the consents and their links, the mentoring pairs with their
      // messages and meetings, and the attendance all go with this row.
      await tx.delete(youngPeople).where(eq(youngPeople.id, row.id));
      await recordAudit(
        db,
        {
          actorKind: 'system',
          action: 'youth.purged',
          targetType: 'young_person',
          targetId: row.id,
          outcome: 'succeeded',
          details: { programId: row.programId, left: row.leftAt !== null },
        },
        tx,
      );
      purged.push(row.id);
    });
  }
  return purged;
}
