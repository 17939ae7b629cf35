import { eq } from 'drizzle-orm';
import type { JoinLink } from '../../../shared/circles/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import { ConflictError } from '../../platform/errors.ts';
import { type CircleAccess, type CircleRow, manageableCircle, plannableCircle } from './access.ts';
import { circles } from './schema.ts';
import { joinPageFor, newJoinLinkToken } from './token.ts';

// A circle's join link: anyone who holds it may come in (a resident needs no account). Only its
// token's hash is kept; the link is shown once, and making a new one ends the old one. It works
// until the circle's planned end.

export const endOf = (circle: Pick<CircleRow, 'startsAt' | 'durationMinutes'>) =>
  new Date(circle.startsAt.getTime() + circle.durationMinutes * 60_000);

function ensureOpen(circle: CircleRow): void {
  if (circle.status === 'cancelled') throw new ConflictError('This circle was cancelled.');
  if (circle.status === 'closed') throw new ConflictError('This circle has closed.');
  if (endOf(circle) <= new Date()) throw new ConflictError('This circle’s time is over.');
}

async function audit(
  tx: Transaction,
  context: AppContext,
  actor: SignedIn,
  access: CircleAccess,
  action: 'circle.join_link_created' | 'circle.join_link_revoked',
) {
  await recordAudit(
    context.database.db,
    {
      actorKind: 'person',
      actorId: actor.personId,
      organisationId: access.program.leadOrganisationId,
      action,
      targetType: 'circle',
      targetId: access.circle.id,
      outcome: 'succeeded',
      details: { programId: access.circle.programId },
    },
    tx,
  );
}

export async function createJoinLink(
  context: AppContext,
  actor: SignedIn,
  circleId: string,
): Promise<JoinLink> {
  const { db } = context.database;
  const access = await plannableCircle(db, actor, circleId);
  const { token, tokenHash } = newJoinLinkToken();
  const expiresAt = endOf(access.circle);
  await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(circles).where(eq(circles.id, circleId)).for('update');
    if (!locked) throw new ConflictError('This circle is gone.');
    ensureOpen(locked);
    await tx
      .update(circles)
      .set({ joinTokenHash: tokenHash, joinLinkExpiresAt: expiresAt })
      .where(eq(circles.id, circleId));
    await audit(tx, context, actor, access, 'circle.join_link_created');
  });
  return { url: joinPageFor(context.config.publicUrl, token), expiresAt: expiresAt.toISOString() };
}

export async function revokeJoinLink(
  context: AppContext,
  actor: SignedIn,
  circleId: string,
): Promise<void> {
  const { db } = context.database;
  const access = await manageableCircle(db, actor, circleId);
  await db.transaction(async (tx) => {
    await tx
      .update(circles)
      .set({ joinTokenHash: null, joinLinkExpiresAt: null })
      .where(eq(circles.id, circleId));
    await audit(tx, context, actor, access, 'circle.join_link_revoked');
  });
}
