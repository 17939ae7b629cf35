import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Harvest, saveHarvestBody } from '../../../shared/circles/contract.ts';
import { LATEST_DUE_YEARS } from '../../../shared/commitments/contract.ts';
import { addDays } from '../../../shared/commitments/days.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import { ConflictError, type FieldMessage, InvalidError } from '../../platform/errors.ts';
import { ownerChoicesFor, todayOf } from '../commitments/read.ts';
import { manageableCircle, requireClosed } from './access.ts';
import {
  type DraftRow,
  draftsOf,
  harvestRowOf,
  harvestView,
  type OwnerChoice,
  ownerChoiceOf,
  themesContext,
} from './harvest-view.ts';
import { circleHarvestCommitments, circleHarvestReviews, circleHarvests } from './schema.ts';

// The keeper writes the harvest, and may change it until it is final. Once it is shared, a
// change of its words clears the approvals given so far (a comment stays, and an approval that
// came with a comment becomes that comment): nobody is counted as approving words they have not
// seen. Saving the same words again changes nothing that anyone approved.

export type SaveHarvest = z.output<typeof saveHarvestBody>;
type Draft = SaveHarvest['commitments'][number];
type OwnerChoices = Awaited<ReturnType<typeof ownerChoicesFor>>;

function refusalsOf(body: SaveHarvest, choices: OwnerChoices, today: string): FieldMessage[] {
  const people = new Set(choices.people.map((person) => person.id));
  const runners = new Set(choices.organisations.map((organisation) => organisation.id));
  return body.commitments.flatMap((draft, index): FieldMessage[] => {
    const field = (name: string) => `commitments.${index}.${name}`;
    const refusals: FieldMessage[] = [];
    if (draft.owner.kind === 'person' && !people.has(draft.owner.personId)) {
      refusals.push({
        field: field('owner'),
        message: 'Choose someone who takes part in this program.',
      });
    }
    if (draft.owner.kind === 'organisation' && !runners.has(draft.owner.organisationId)) {
      refusals.push({
        field: field('owner'),
        message: 'Choose one of the organisations that run this program.',
      });
    }
    if (draft.dueOn < today) {
      refusals.push({
        field: field('dueOn'),
        message: 'This day has passed; choose today or a later day.',
        code: 'due_in_past',
      });
    } else if (draft.dueOn > addDays(today, 365 * LATEST_DUE_YEARS)) {
      refusals.push({
        field: field('dueOn'),
        message: `Choose a day within ${LATEST_DUE_YEARS} years.`,
        code: 'due_too_far',
      });
    }
    return refusals;
  });
}

/** The words participants approve, in one comparable form. */
function wordsOf(themes: string, drafts: (Omit<Draft, 'owner'> & { owner: OwnerChoice })[]) {
  return JSON.stringify([
    themes,
    drafts.map((draft) => [
      draft.title,
      draft.description,
      draft.owner.kind === 'person'
        ? [draft.owner.personId]
        : [draft.owner.organisationId, draft.owner.unit],
      draft.dueOn,
      draft.visibility,
    ]),
  ]);
}

const storedWords = (themes: string, drafts: DraftRow[]) =>
  wordsOf(
    themes,
    drafts.map((draft) => ({
      ...draft,
      visibility: draft.visibility as Draft['visibility'],
      owner: ownerChoiceOf(draft),
    })),
  );

/** Clears the approvals of a harvest whose words changed; returns how many were cleared. */
async function clearApprovals(tx: Transaction, circleId: string): Promise<number> {
  const approving = and(
    eq(circleHarvestReviews.circleId, circleId),
    eq(circleHarvestReviews.decision, 'approve'),
  );
  const dropped = await tx
    .delete(circleHarvestReviews)
    .where(and(approving, eq(circleHarvestReviews.comment, '')))
    .returning({ id: circleHarvestReviews.participantId });
  const kept = await tx
    .update(circleHarvestReviews)
    .set({ decision: 'comment' })
    .where(approving)
    .returning({ id: circleHarvestReviews.participantId });
  return dropped.length + kept.length;
}

export async function saveHarvest(
  context: AppContext,
  actor: SignedIn,
  circleId: string,
  body: SaveHarvest,
): Promise<Harvest> {
  const { db } = context.database;
  const access = await manageableCircle(db, actor, circleId);
  requireClosed(access.circle, 'The harvest is written');
  // Whom the register lets a commitment of this program be given to, as the register says it.
  const choices: OwnerChoices =
    body.commitments.length > 0
      ? await ownerChoicesFor(db, actor, access.program.id)
      : { people: [], organisations: [] };
  const refusals = refusalsOf(body, choices, todayOf(context));
  if (refusals.length > 0) throw new InvalidError(refusals);
  const answersFor = new Map(choices.people.map((person) => [person.id, person.organisation.id]));
  await db.transaction(async (tx) => {
    const before = await harvestRowOf(tx, circleId, true);
    if (before?.status === 'final') {
      throw new ConflictError('The harvest is final: its commitments are on the register.', {
        code: 'harvest_final',
      });
    }
    const changed =
      !before ||
      storedWords(
        context.cipher.decrypt(before.themes, themesContext(circleId)),
        await draftsOf(tx, circleId),
      ) !== wordsOf(body.themes, body.commitments);
    const themes = context.cipher.encrypt(body.themes, themesContext(circleId));
    await tx
      .insert(circleHarvests)
      .values({ circleId, themes, writtenBy: actor.personId })
      .onConflictDoUpdate({
        target: circleHarvests.circleId,
        set: { themes, writtenBy: actor.personId, updatedAt: new Date() },
      });
    await tx
      .delete(circleHarvestCommitments)
      .where(eq(circleHarvestCommitments.circleId, circleId));
    if (body.commitments.length > 0) {
      await tx.insert(circleHarvestCommitments).values(
        body.commitments.map((draft, position) => ({
          id: crypto.randomUUID(),
          circleId,
          position,
          title: draft.title,
          description: draft.description,
          ownerPersonId: draft.owner.kind === 'person' ? draft.owner.personId : null,
          ownerOrganisationId:
            draft.owner.kind === 'person'
              ? (answersFor.get(draft.owner.personId) ?? null)
              : draft.owner.organisationId,
          ownerUnit: draft.owner.kind === 'organisation' ? draft.owner.unit : '',
          dueOn: draft.dueOn,
          visibility: draft.visibility,
        })),
      );
    }
    const cleared = before?.status === 'shared' && changed ? await clearApprovals(tx, circleId) : 0;
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: access.program.leadOrganisationId,
        action: 'circle.harvest.saved',
        targetType: 'circle',
        targetId: circleId,
        outcome: 'succeeded',
        details: { commitments: body.commitments.length, approvalsCleared: cleared },
      },
      tx,
    );
  });
  return harvestView(context, db, actor, access);
}
