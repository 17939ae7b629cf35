import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Harvest, HarvestStatus, ReviewDecision } from '../../../shared/circles/contract.ts';
import type { CommitmentVisibility } from '../../../shared/commitments/contract.ts';
import { isStaffRole } from '../../../shared/permissions/roles.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { organisations } from '../organisations/schema.ts';
import { verifiedOfficersAmong } from '../organisations/service.ts';
import type { CircleAccess } from './access.ts';
import {
  circleHarvestCommitments,
  circleHarvestReviews,
  circleHarvests,
  circleParticipants,
  circles,
} from './schema.ts';

// The harvest as one person sees it. Keepers see every review; a participant sees their own.
// Owners are named as the register names them: staff see the person; residents see the name
// the owner took in this circle, or else the organisation they answer for, so a pseudonym in
// the circle is never joined to a real name.

type Executor = Database | Transaction;
export type HarvestRow = typeof circleHarvests.$inferSelect;
export type DraftRow = typeof circleHarvestCommitments.$inferSelect;
export type OwnerChoice = NonNullable<Harvest['commitments'][number]['owner']>;

export const themesContext = (circleId: string) => `circle_harvests.themes:${circleId}`;
export const commentContext = (circleId: string, participantId: string) =>
  `circle_harvest_reviews.comment:${circleId}:${participantId}`;

/**
 * The harvest row; `forUpdate` inside a transaction holds the circle's row first, so that
 * changes to one harvest (the first save included, before its row exists) take turns.
 */
export async function harvestRowOf(db: Executor, circleId: string, forUpdate = false) {
  if (forUpdate) {
    await db.select({ id: circles.id }).from(circles).where(eq(circles.id, circleId)).for('update');
  }
  const [row] = await db.select().from(circleHarvests).where(eq(circleHarvests.circleId, circleId));
  return row;
}

export const draftsOf = (db: Executor, circleId: string) =>
  db
    .select()
    .from(circleHarvestCommitments)
    .where(eq(circleHarvestCommitments.circleId, circleId))
    .orderBy(asc(circleHarvestCommitments.position));

/** The owner as the keeper chose it, from a drafted commitment's row. */
export function ownerChoiceOf(draft: DraftRow): OwnerChoice {
  return draft.ownerPersonId
    ? { kind: 'person', personId: draft.ownerPersonId }
    : {
        kind: 'organisation',
        organisationId: draft.ownerOrganisationId ?? '',
        unit: draft.ownerUnit,
      };
}

const seesNames = (actor: SignedIn) =>
  actor.memberships.some((membership) => isStaffRole(membership.role));

async function ownerNames(db: Executor, actor: SignedIn, circleId: string, drafts: DraftRow[]) {
  const personIds = drafts.flatMap((draft) => draft.ownerPersonId ?? []);
  const organisationIds = drafts.flatMap((draft) => draft.ownerOrganisationId ?? []);
  const named =
    personIds.length === 0
      ? []
      : await db
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(inArray(people.id, personIds));
  const seated =
    personIds.length === 0
      ? []
      : await db
          .select({ id: circleParticipants.personId, name: circleParticipants.displayName })
          .from(circleParticipants)
          .where(
            and(
              eq(circleParticipants.circleId, circleId),
              inArray(circleParticipants.personId, personIds),
            ),
          );
  const runners =
    organisationIds.length === 0
      ? []
      : await db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, organisationIds));
  const nameOf = new Map((seesNames(actor) ? named : seated).map((row) => [row.id, row.name]));
  const organisationName = new Map(runners.map((row) => [row.id, row.name]));
  const officers = await verifiedOfficersAmong(db, personIds);
  return (draft: DraftRow) => {
    const organisation = organisationName.get(draft.ownerOrganisationId ?? '') ?? '';
    const person = draft.ownerPersonId ? nameOf.get(draft.ownerPersonId) : undefined;
    const unit = draft.ownerPersonId ? '' : draft.ownerUnit;
    return {
      ownerName: person ?? (unit ? `${organisation}, ${unit}` : organisation),
      ownerIsOfficer: draft.ownerPersonId !== null && officers.has(draft.ownerPersonId),
    };
  };
}

async function reviewsOf(context: AppContext, db: Executor, circleId: string) {
  const rows = await db
    .select({
      participantId: circleHarvestReviews.participantId,
      participantName: circleParticipants.displayName,
      decision: circleHarvestReviews.decision,
      comment: circleHarvestReviews.comment,
      at: circleHarvestReviews.at,
    })
    .from(circleHarvestReviews)
    .innerJoin(circleParticipants, eq(circleParticipants.id, circleHarvestReviews.participantId))
    .where(eq(circleHarvestReviews.circleId, circleId))
    .orderBy(asc(circleHarvestReviews.at));
  return rows.map((row) => ({
    participantId: row.participantId,
    participantName: row.participantName,
    decision: row.decision as ReviewDecision,
    // An approval without a comment stores none; a comment is sealed.
    comment:
      row.comment === ''
        ? ''
        : context.cipher.decrypt(row.comment, commentContext(circleId, row.participantId)),
    at: row.at.toISOString(),
  }));
}

/** The harvest for this viewer; a harvest not written yet is an empty draft. */
export async function harvestView(
  context: AppContext,
  db: Executor,
  actor: SignedIn,
  access: CircleAccess,
): Promise<Harvest> {
  const circleId = access.circle.id;
  const row = await harvestRowOf(db, circleId);
  const drafts = await draftsOf(db, circleId);
  const nameOwner = await ownerNames(db, actor, circleId, drafts);
  const writer = access.manage;
  const status = (row?.status ?? 'draft') as HarvestStatus;
  const reviews = await reviewsOf(context, db, circleId);
  const own = reviews.find((review) => review.participantId === access.participantId);
  return {
    circleId,
    status,
    themes: row ? context.cipher.decrypt(row.themes, themesContext(circleId)) : '',
    commitments: drafts.map((draft) => ({
      id: draft.id,
      title: draft.title,
      description: draft.description,
      ...nameOwner(draft),
      owner: writer ? ownerChoiceOf(draft) : null,
      dueOn: draft.dueOn,
      visibility: draft.visibility as CommitmentVisibility,
      commitmentId: draft.commitmentId,
    })),
    reviews: reviews
      .filter((review) => writer || review.participantId === access.participantId)
      .map(({ participantId: _, ...review }) => review),
    mine: own ? { decision: own.decision, comment: own.comment } : null,
    canReview: mayReview(access) && status === 'shared',
    canEdit: writer && status !== 'final',
  };
}

/** A participant reviews the harvest; its keepers wrote it, so they do not. */
export const mayReview = (access: CircleAccess) =>
  access.participantId !== null && access.keeping === null;
