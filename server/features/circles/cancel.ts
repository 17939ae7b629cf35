import { eq } from 'drizzle-orm';
import type { CircleDetail } from '../../../shared/circles/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import { plannableCircle } from './access.ts';
import { tellCancelled } from './cancel-notice.ts';
import { detailOf } from './read.ts';
import { circles } from './schema.ts';

const NOT_CANCELLABLE: Record<string, string> = {
  live: 'This circle is under way: its keeper closes it from the room.',
  closed: 'This circle has closed already.',
  cancelled: 'This circle was cancelled already.',
};

/**
 * Cancels a planned circle: its join link stops working, no reminders go out, and everyone who
 * expected it is told in the same transaction.
 */
export async function cancelCircle(
  context: AppContext,
  actor: SignedIn,
  circleId: string,
): Promise<CircleDetail> {
  const { db } = context.database;
  const access = await plannableCircle(db, actor, circleId);
  const cancelled = await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(circles).where(eq(circles.id, circleId)).for('update');
    if (!locked) throw new ConflictError('This circle is gone.');
    const refusal = NOT_CANCELLABLE[locked.status];
    if (refusal) throw new ConflictError(refusal);
    const [row] = await tx
      .update(circles)
      .set({
        status: 'cancelled',
        cancelledAt: new Date(),
        joinTokenHash: null,
        joinLinkExpiresAt: null,
      })
      .where(eq(circles.id, circleId))
      .returning();
    const updated = row ?? locked;
    const told = await tellCancelled(context, tx, updated, access.program, actor.personId);
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: access.program.leadOrganisationId,
        action: 'circle.cancelled',
        targetType: 'circle',
        targetId: circleId,
        outcome: 'succeeded',
        details: { programId: locked.programId, seriesId: locked.seriesId, told },
      },
      tx,
    );
    return updated;
  });
  return detailOf(context, { ...access, circle: cancelled });
}
