import { eq } from 'drizzle-orm';
import { createCommitmentRequest } from '../../../shared/commitments/contract.ts';
import { addDays } from '../../../shared/commitments/days.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import { todayOf } from '../commitments/read.ts';
import { createCommitment } from '../commitments/record.ts';
import { sourceLabelOf } from './harvest-finalise.ts';
import { themesContext } from './harvest-view.ts';
import {
  circleHarvestCommitments,
  circleHarvestReviews,
  circleHarvests,
  circles,
} from './schema.ts';

// The demo's part from the harvest: a closed circle of the listening circles gets the harvest its
// keeper wrote and its participants approved, and its two commitments stand on the register,
// one taken on by the officer who sat in the circle and one by the agency's training unit.

export interface HarvestDemo {
  circleId: string;
  /** The circle's keeper, as the services see them (organisations/demo.ts demoActor). */
  keeper: SignedIn;
  /** The verified officer who takes on the first commitment. */
  officerId: string;
  /** The police agency that runs the program; its training unit takes on the second. */
  agencyId: string;
  /** Seats of participants other than the keepers, who approved the harvest. */
  approvingSeatIds: string[];
}

const themes = [
  'Residents described being stopped without being told why, and how that stays with them for days.',
  'Officers spoke of arriving at night not knowing who is dangerous, and of wanting to be seen as neighbours.',
  'Everyone agreed that the first thirty seconds of a stop decide how the rest of it goes.',
].join('\n\n');

/** Writes the final harvest and records its commitments on the register, inside `tx`. */
export async function addHarvestDemo(
  context: AppContext,
  tx: Transaction,
  demo: HarvestDemo,
): Promise<{ commitmentIds: string[] }> {
  const [circle] = await tx.select().from(circles).where(eq(circles.id, demo.circleId));
  if (!circle) throw new Error(`the demo circle ${demo.circleId} does not exist`);
  const today = todayOf(context);
  const drafts = [
    {
      title: 'Say the reason for a stop before asking for papers',
      description:
        'The officer will practise it on every stop and tell the next circle how it went.',
      owner: { kind: 'person', personId: demo.officerId } as const,
      dueOn: addDays(today, 30),
      visibility: 'public' as const,
    },
    {
      title: 'Add the first thirty seconds of a stop to the spring training',
      description: '',
      owner: {
        kind: 'organisation',
        organisationId: demo.agencyId,
        unit: 'Training Division',
      } as const,
      dueOn: addDays(today, 75),
      visibility: 'public' as const,
    },
  ];
  const now = new Date();
  await tx.insert(circleHarvests).values({
    circleId: circle.id,
    themes: context.cipher.encrypt(themes, themesContext(circle.id)),
    status: 'final',
    sharedAt: now,
    finalisedAt: now,
    writtenBy: demo.keeper.personId,
  });
  for (const participantId of demo.approvingSeatIds) {
    await tx
      .insert(circleHarvestReviews)
      .values({ circleId: circle.id, participantId, decision: 'approve' });
  }
  const commitmentIds: string[] = [];
  for (const [position, draft] of drafts.entries()) {
    const created = await createCommitment(
      context,
      demo.keeper,
      circle.programId,
      createCommitmentRequest.parse({
        ...draft,
        source: 'circle',
        sourceId: circle.id,
        sourceLabel: sourceLabelOf(circle),
      }),
      tx,
    );
    await tx.insert(circleHarvestCommitments).values({
      id: crypto.randomUUID(),
      circleId: circle.id,
      position,
      title: draft.title,
      description: draft.description,
      ownerPersonId: draft.owner.kind === 'person' ? draft.owner.personId : null,
      ownerOrganisationId: created.owner.organisation.id,
      ownerUnit: draft.owner.kind === 'organisation' ? draft.owner.unit : '',
      dueOn: draft.dueOn,
      visibility: draft.visibility,
      commitmentId: created.id,
    });
    commitmentIds.push(created.id);
  }
  await recordAudit(
    context.database.db,
    {
      actorKind: 'person',
      actorId: demo.keeper.personId,
      action: 'circle.harvest.finalised',
      targetType: 'circle',
      targetId: circle.id,
      outcome: 'succeeded',
      details: { commitmentIds, demo: true },
    },
    tx,
  );
  return { commitmentIds };
}
