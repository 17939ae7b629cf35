import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { createCommitmentRequest } from '../../../shared/commitments/contract.ts';
import type { AgreementItem, publishItemBody } from '../../../shared/conferences/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import {
  ConflictError,
  type FieldMessage,
  ForbiddenError,
  InvalidError,
  NotFoundError,
} from '../../platform/errors.ts';
import { createCommitment } from '../commitments/record.ts';
import { ownParty } from './access.ts';
import { NO_SUCH_ITEM, teamItem } from './items-change.ts';
import { agreementItemOf, programToday } from './items-read.ts';
import { conferenceItems, conferenceParties, conferencePublicationConsents } from './schema.ts';

// An agreed item reaches the public accountability register only in words that name no one,
// and only once every harmed and responsible party still on the case has agreed to publish it.
// Each of them says so on their own page; the team then writes the public words and publishes.
// The register gets those words alone: the item's own description never leaves the case.

/** The parties whose agreement publishing needs. */
const decidingRoles = ['harmed', 'responsible'] as const;

type PublishBody = z.infer<typeof publishItemBody>;

export async function consentToPublish(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  itemId: string,
): Promise<void> {
  const { db } = context.database;
  const { conference, party } = await ownParty(db, actor, conferenceId);
  if (!(decidingRoles as readonly string[]).includes(party.role)) {
    throw new ForbiddenError(
      'The harmed and the responsible parties decide whether an item is published.',
      { code: 'not_deciding_party' },
    );
  }
  const [item] = await db
    .select({ id: conferenceItems.id })
    .from(conferenceItems)
    .where(and(eq(conferenceItems.id, itemId), eq(conferenceItems.conferenceId, conferenceId)));
  if (!item) throw new NotFoundError(NO_SUCH_ITEM);
  if (conference.stage !== 'agreement' && conference.stage !== 'monitoring') {
    throw new ConflictError('Items are published while the agreement is made or followed.', {
      code: 'wrong_stage',
    });
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(conferencePublicationConsents)
      .values({ itemId, partyId: party.id })
      .onConflictDoNothing();
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: null,
        action: 'conference.publication_consented',
        targetType: 'conference',
        targetId: conferenceId,
        outcome: 'succeeded',
        details: { itemId, partyId: party.id },
      },
      tx,
    );
  });
}

/** How many deciding parties on the case have not agreed to publish the item yet. */
async function consentsMissing(
  context: AppContext,
  conferenceId: string,
  itemId: string,
): Promise<number> {
  const { db } = context.database;
  const deciding = await db
    .select({ id: conferenceParties.id })
    .from(conferenceParties)
    .where(
      and(
        eq(conferenceParties.conferenceId, conferenceId),
        isNull(conferenceParties.removedAt),
        inArray(conferenceParties.role, [...decidingRoles]),
      ),
    );
  const consented = await db
    .select({ partyId: conferencePublicationConsents.partyId })
    .from(conferencePublicationConsents)
    .where(eq(conferencePublicationConsents.itemId, itemId));
  const agreed = new Set(consented.map((row) => row.partyId));
  return deciding.filter((party) => !agreed.has(party.id)).length;
}

/** The register's fields named as the publish form names them. */
const formField: Record<string, string> = {
  title: 'publicTitle',
  'publicVersion.title': 'publicTitle',
  description: 'publicDescription',
  'publicVersion.description': 'publicDescription',
};
const asFormFields = (fields: readonly FieldMessage[]) =>
  fields.map((field) => ({ ...field, field: formField[field.field] ?? field.field }));

export async function publishItem(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  itemId: string,
  body: PublishBody,
): Promise<AgreementItem> {
  const { db } = context.database;
  const { conference, program, item } = await teamItem(db, actor, conferenceId, itemId);
  if (conference.stage !== 'monitoring') {
    throw new ConflictError('An item is published once the agreement is confirmed.', {
      code: 'wrong_stage',
    });
  }
  if (item.commitmentId !== null) {
    throw new ConflictError('This item is on the register already.', {
      code: 'already_published',
    });
  }
  if (item.status !== 'open') {
    throw new ConflictError(
      'Only an open item is published: the public follows it on the register to its end.',
      { code: 'item_settled' },
    );
  }
  // The register records a promise from its day on; one whose day passed is followed here.
  if (item.dueOn < (await programToday(db, conference.programId))) {
    throw new ConflictError(
      'The item’s day has passed: the register takes promises whose day is still ahead.',
      { code: 'due_day_passed' },
    );
  }
  const missing = await consentsMissing(context, conferenceId, itemId);
  if (missing > 0) {
    throw new ConflictError(
      `Every harmed and responsible party must agree to publish this item; ${missing} ${missing === 1 ? 'has' : 'have'} not yet.`,
      { code: 'publication_consent_missing' },
    );
  }
  // A party is a person: on the register the program answers for their item, by name of no one.
  const ownerOrganisationId =
    item.responsibleOrganisationId !== null &&
    program.organisationIds.includes(item.responsibleOrganisationId)
      ? item.responsibleOrganisationId
      : program.leadOrganisationId;
  const request = createCommitmentRequest.safeParse({
    title: body.publicTitle,
    description: body.publicDescription,
    source: 'conference',
    sourceId: conferenceId,
    owner: { kind: 'organisation', organisationId: ownerOrganisationId },
    dueOn: item.dueOn,
    visibility: 'public',
    publicVersion: {
      title: body.publicTitle,
      description: body.publicDescription,
      partiesAgreed: true,
    },
  });
  if (!request.success) {
    throw new InvalidError(
      asFormFields(
        request.error.issues.map((issue) => ({
          field: issue.path.join('.'),
          message: issue.message,
        })),
      ),
    );
  }
  const row = await db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(conferenceItems)
      .where(eq(conferenceItems.id, itemId))
      .for('update');
    if (!locked || locked.commitmentId !== null) {
      throw new ConflictError('This item is on the register already.', {
        code: 'already_published',
      });
    }
    const commitment = await createCommitment(context, actor, program.id, request.data, tx).catch(
      (error: unknown) => {
        throw error instanceof InvalidError ? new InvalidError(asFormFields(error.fields)) : error;
      },
    );
    const [published] = await tx
      .update(conferenceItems)
      .set({ commitmentId: commitment.id })
      .where(eq(conferenceItems.id, itemId))
      .returning();
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: program.leadOrganisationId,
        action: 'conference.item_published',
        targetType: 'conference',
        targetId: conferenceId,
        outcome: 'succeeded',
        details: { itemId, commitmentId: commitment.id },
      },
      tx,
    );
    return published ?? locked;
  });
  return agreementItemOf(db, context.cipher, conference, row);
}
