import { and, desc, eq, isNotNull, lt } from 'drizzle-orm';
import type { PreviousCircle } from '../../../shared/circles/contract.ts';
import { openStatuses } from '../../../shared/commitments/machine.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { visibleCommitmentsAmong } from '../commitments/read.ts';
import { readableCircle } from './access.ts';
import { themesContext } from './harvest-view.ts';
import { circleHarvestCommitments, circleHarvests, circles } from './schema.ts';

// A circle of a series opens where the last one ended: the themes of the latest earlier circle
// whose harvest is final, and what was promised there that is still open (neither done nor
// given up), with its status and due day as the register has them now.

export async function previousCircle(
  context: AppContext,
  actor: SignedIn,
  circleId: string,
): Promise<PreviousCircle | null> {
  const { db } = context.database;
  const { circle } = await readableCircle(db, actor, circleId);
  if (circle.seriesId === null || circle.seriesPosition <= 1) return null;
  const [before] = await db
    .select({ id: circles.id, startsAt: circles.startsAt, themes: circleHarvests.themes })
    .from(circles)
    .innerJoin(circleHarvests, eq(circleHarvests.circleId, circles.id))
    .where(
      and(
        eq(circles.seriesId, circle.seriesId),
        lt(circles.seriesPosition, circle.seriesPosition),
        eq(circles.status, 'closed'),
        eq(circleHarvests.status, 'final'),
      ),
    )
    .orderBy(desc(circles.seriesPosition))
    .limit(1);
  if (!before) return null;
  const recorded = await db
    .select({ commitmentId: circleHarvestCommitments.commitmentId })
    .from(circleHarvestCommitments)
    .where(
      and(
        eq(circleHarvestCommitments.circleId, before.id),
        isNotNull(circleHarvestCommitments.commitmentId),
      ),
    );
  const commitments = await visibleCommitmentsAmong(
    context,
    actor,
    circle.programId,
    recorded.flatMap((row) => row.commitmentId ?? []),
  );
  return {
    circleId: before.id,
    startsAt: before.startsAt.toISOString(),
    themes: context.cipher.decrypt(before.themes, themesContext(before.id)),
    openCommitments: commitments
      .filter((commitment) => openStatuses.includes(commitment.status))
      .map((commitment) => ({
        id: commitment.id,
        title: commitment.title,
        status: commitment.status,
        dueOn: commitment.dueOn,
        overdue: commitment.overdue,
      })),
  };
}
