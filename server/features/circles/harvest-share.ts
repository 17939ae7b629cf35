import { eq } from 'drizzle-orm';
import type { Harvest } from '../../../shared/circles/contract.ts';
import { isPlaceholderEmail } from '../../../shared/people/placeholder-email.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import { ConflictError } from '../../platform/errors.ts';
import { type CircleAccess, keepersOf, manageableCircle, requireClosed } from './access.ts';
import { harvestRowOf, harvestView } from './harvest-view.ts';
import { circleHarvests, circleParticipants } from './schema.ts';

// The keeper shares the harvest: from now on the participants read it and answer. Each one with
// a real address hears of it by email, in the language they took part in; someone who joined by
// link without giving an address finds it on their circles' page.

export const harvestLink = (context: AppContext, circleId: string) =>
  `${context.config.publicUrl}/circles/${circleId}/harvest`;

/** Tells the circle's participants (not its keepers, who wrote it); returns how many heard. */
async function tellParticipants(
  context: AppContext,
  tx: Transaction,
  access: CircleAccess,
): Promise<number> {
  const seated = await tx
    .select({
      personId: circleParticipants.personId,
      language: circleParticipants.language,
      email: people.email,
    })
    .from(circleParticipants)
    .innerJoin(people, eq(people.id, circleParticipants.personId))
    .where(eq(circleParticipants.circleId, access.circle.id));
  const keepers = keepersOf(access.circle);
  let told = 0;
  for (const participant of seated) {
    if (keepers.includes(participant.personId) || isPlaceholderEmail(participant.email)) continue;
    const outcome = await context.mail.notify(
      {
        to: participant.email,
        template: 'circle-harvest',
        language: participant.language === 'es' ? 'es' : 'en',
        data: {
          purpose: access.circle.purpose,
          programName: access.program.name,
          link: harvestLink(context, access.circle.id),
        },
      },
      { tx },
    );
    if (outcome.status !== 'skipped') told += 1;
  }
  return told;
}

export async function shareHarvest(
  context: AppContext,
  actor: SignedIn,
  circleId: string,
): Promise<Harvest> {
  const { db } = context.database;
  const access = await manageableCircle(db, actor, circleId);
  requireClosed(access.circle, 'The harvest is shared');
  await db.transaction(async (tx) => {
    const harvest = await harvestRowOf(tx, circleId, true);
    if (!harvest) {
      throw new ConflictError('Write the harvest before you share it.', {
        code: 'harvest_missing',
      });
    }
    if (harvest.status !== 'draft') {
      throw new ConflictError(
        harvest.status === 'shared'
          ? 'The harvest is shared already: the participants can read it.'
          : 'The harvest is final: its commitments are on the register.',
        { code: `harvest_${harvest.status}` },
      );
    }
    await tx
      .update(circleHarvests)
      .set({ status: 'shared', sharedAt: new Date() })
      .where(eq(circleHarvests.circleId, circleId));
    const told = await tellParticipants(context, tx, access);
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: access.program.leadOrganisationId,
        action: 'circle.harvest.shared',
        targetType: 'circle',
        targetId: circleId,
        outcome: 'succeeded',
        details: { participantsTold: told },
      },
      tx,
    );
  });
  return harvestView(context, db, actor, access);
}
