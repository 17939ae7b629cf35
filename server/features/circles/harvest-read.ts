import type { Harvest } from '../../../shared/circles/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { harvestReadableCircle, requireClosed } from './access.ts';
import { harvestRowOf, harvestView } from './harvest-view.ts';

/**
 * The harvest for its writers (an empty draft before the first save) and, once it is shared,
 * for the circle's participants; until then it is the keeper's draft alone.
 */
export async function readHarvest(
  context: AppContext,
  actor: SignedIn,
  circleId: string,
): Promise<Harvest> {
  const { db } = context.database;
  const access = await harvestReadableCircle(db, actor, circleId);
  requireClosed(access.circle, 'The harvest is written');
  if (!access.manage) {
    const harvest = await harvestRowOf(db, circleId);
    if (!harvest || harvest.status === 'draft') {
      throw new NotFoundError('The keeper has not shared the harvest yet.', {
        code: 'harvest_not_shared',
      });
    }
  }
  return harvestView(context, db, actor, access);
}
