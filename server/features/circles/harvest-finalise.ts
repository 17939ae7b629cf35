import { and, eq, notInArray } from 'drizzle-orm';
import type { Harvest } from '../../../shared/circles/contract.ts';
import { createCommitmentRequest, SOURCE_LABEL_MAX } from '../../../shared/commitments/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import { ConflictError, ForbiddenError, InvalidError } from '../../platform/errors.ts';
import { createCommitment } from '../commitments/record.ts';
import {
  allowedOn,
  type CircleAccess,
  type CircleRow,
  keepersOf,
  manageableCircle,
  requireClosed,
} from './access.ts';
import { draftsOf, harvestRowOf, harvestView, ownerChoiceOf } from './harvest-view.ts';
import {
  circleHarvestCommitments,
  circleHarvestReviews,
  circleHarvests,
  circleParticipants,
} from './schema.ts';

// The keeper makes the harvest final once at least one participant other than its keepers has
// approved it: a harvest no one but its writers stands behind does not go on the register. Its
// commitments are recorded on the register in the same transaction, each noted on its draft, so
// the harvest is final exactly when its commitments exist.

/** Where the register says a commitment came from, in words the public may read. */
export function sourceLabelOf(circle: CircleRow): string {
  const label = `Circle: ${circle.purpose.replace(/\s+/g, ' ').trim()}`;
  return label.length <= SOURCE_LABEL_MAX ? label : `${label.slice(0, SOURCE_LABEL_MAX - 1)}…`;
}

/** How many participants other than the keepers approved the harvest as it stands. */
async function approvalsOf(tx: Transaction, circle: CircleRow): Promise<number> {
  const approving = await tx
    .select({ participantId: circleHarvestReviews.participantId })
    .from(circleHarvestReviews)
    .innerJoin(circleParticipants, eq(circleParticipants.id, circleHarvestReviews.participantId))
    .where(
      and(
        eq(circleHarvestReviews.circleId, circle.id),
        eq(circleHarvestReviews.decision, 'approve'),
        notInArray(circleParticipants.personId, keepersOf(circle)),
      ),
    );
  return approving.length;
}

async function recordCommitments(
  context: AppContext,
  tx: Transaction,
  actor: SignedIn,
  access: CircleAccess,
): Promise<string[]> {
  const recorded: string[] = [];
  for (const [index, draft] of (await draftsOf(tx, access.circle.id)).entries()) {
    const request = createCommitmentRequest.parse({
      title: draft.title,
      description: draft.description,
      source: 'circle',
      sourceId: access.circle.id,
      sourceLabel: sourceLabelOf(access.circle),
      owner: ownerChoiceOf(draft),
      dueOn: draft.dueOn,
      visibility: draft.visibility,
    });
    try {
      const created = await createCommitment(context, actor, access.program.id, request, tx);
      await tx
        .update(circleHarvestCommitments)
        .set({ commitmentId: created.id })
        .where(eq(circleHarvestCommitments.id, draft.id));
      recorded.push(created.id);
    } catch (error) {
      // Say which drafted commitment needs a change (a due day that has passed since, say).
      if (!(error instanceof InvalidError)) throw error;
      throw new InvalidError(
        error.fields.map((field) => ({ ...field, field: `commitments.${index}.${field.field}` })),
        'A commitment needs a change before the harvest can be final; edit the harvest, and the participants will approve it again.',
      );
    }
  }
  return recorded;
}

export async function finaliseHarvest(
  context: AppContext,
  actor: SignedIn,
  circleId: string,
): Promise<Harvest> {
  const { db } = context.database;
  const access = await manageableCircle(db, actor, circleId);
  requireClosed(access.circle, 'The harvest is made final');
  if (!allowedOn(actor, 'commitment.create', access)) {
    throw new ForbiddenError(
      'Only someone who may record commitments in this program can make the harvest final; ask its coordinator.',
      { code: 'may_not_record_commitments' },
    );
  }
  await db.transaction(async (tx) => {
    const harvest = await harvestRowOf(tx, circleId, true);
    if (harvest?.status !== 'shared') {
      throw new ConflictError(
        harvest?.status === 'final'
          ? 'The harvest is final already: its commitments are on the register.'
          : 'Share the harvest with the participants first: they approve it before it is final.',
        { code: harvest?.status === 'final' ? 'harvest_final' : 'harvest_not_shared' },
      );
    }
    if ((await approvalsOf(tx, access.circle)) === 0) {
      throw new ConflictError(
        'At least one participant other than the keepers must approve the harvest before it is final, and none has yet. Their comments may say what to change.',
        { code: 'harvest_not_approved' },
      );
    }
    const recorded = await recordCommitments(context, tx, actor, access);
    await tx
      .update(circleHarvests)
      .set({ status: 'final', finalisedAt: new Date() })
      .where(eq(circleHarvests.circleId, circleId));
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: access.program.leadOrganisationId,
        action: 'circle.harvest.finalised',
        targetType: 'circle',
        targetId: circleId,
        outcome: 'succeeded',
        details: { commitmentIds: recorded },
      },
      tx,
    );
  });
  return harvestView(context, db, actor, access);
}
