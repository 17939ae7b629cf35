import type { z } from 'zod';
import type { Harvest, reviewHarvestBody } from '../../../shared/circles/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { ConflictError, ForbiddenError } from '../../platform/errors.ts';
import { insiderCircle } from './access.ts';
import { commentContext, harvestRowOf, harvestView, mayReview } from './harvest-view.ts';
import { circleHarvestReviews } from './schema.ts';

// A participant answers the shared harvest: they approve it, or comment for the keeper. One
// answer each, which they may change until the harvest is final. Approving keeps a comment they
// made before, so the keeper still reads it; commenting again withdraws an approval.

export type ReviewHarvest = z.output<typeof reviewHarvestBody>;

export async function reviewHarvest(
  context: AppContext,
  actor: SignedIn,
  circleId: string,
  body: ReviewHarvest,
): Promise<Harvest> {
  const { db } = context.database;
  const access = await insiderCircle(db, actor, circleId, { keepers: false });
  const participantId = access.participantId;
  if (!participantId || !mayReview(access)) {
    throw new ForbiddenError('You wrote this harvest; the other participants review it.', {
      code: 'keeper_reviews',
    });
  }
  await db.transaction(async (tx) => {
    const harvest = await harvestRowOf(tx, circleId, true);
    if (harvest?.status !== 'shared') {
      throw new ConflictError(
        harvest?.status === 'final'
          ? 'The harvest is final; it can no longer be reviewed.'
          : 'The keeper has not shared the harvest yet.',
        { code: harvest?.status === 'final' ? 'harvest_final' : 'harvest_not_shared' },
      );
    }
    const comment =
      body.decision === 'comment'
        ? context.cipher.encrypt(body.comment, commentContext(circleId, participantId))
        : undefined;
    const at = new Date();
    await tx
      .insert(circleHarvestReviews)
      .values({
        circleId,
        participantId,
        decision: body.decision,
        comment: comment ?? '',
        at,
      })
      .onConflictDoUpdate({
        target: [circleHarvestReviews.circleId, circleHarvestReviews.participantId],
        set: { decision: body.decision, at, ...(comment === undefined ? {} : { comment }) },
      });
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: access.program.leadOrganisationId,
        action: 'circle.harvest.reviewed',
        targetType: 'circle',
        targetId: circleId,
        outcome: 'succeeded',
        details: { decision: body.decision },
      },
      tx,
    );
  });
  return harvestView(context, db, actor, access);
}
