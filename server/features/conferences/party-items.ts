import { asc, eq, inArray } from 'drizzle-orm';
import type { AgreementItem } from '../../../shared/conferences/contract.ts';
import type { ItemStatus } from '../../../shared/conferences/machine.ts';
import type { ItemKind } from '../../../shared/conferences/names.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/connection.ts';
import { organisations } from '../organisations/schema.ts';
import {
  conferenceInstalments,
  conferenceItems,
  conferenceParties,
  conferencePayments,
  conferencePublicationConsents,
} from './schema.ts';
import { itemDescriptionContext, itemVerificationContext, partyNameContext } from './sealed.ts';

// The agreement as a party reads it: every item, who answers for it, by when, how completion is
// verified, and where it stands. The parties made it together at the conference, so each of them
// sees all of it; the rows are written by the agreement's own routes.

const today = () => new Date().toISOString().slice(0, 10);

export async function agreementItems(
  db: Database,
  context: Pick<AppContext, 'cipher'>,
  conferenceId: string,
): Promise<AgreementItem[]> {
  const items = await db
    .select()
    .from(conferenceItems)
    .where(eq(conferenceItems.conferenceId, conferenceId))
    .orderBy(asc(conferenceItems.dueOn), asc(conferenceItems.createdAt));
  if (items.length === 0) return [];
  const itemIds = items.map((item) => item.id);
  const parties = await db
    .select({ id: conferenceParties.id, nameSealed: conferenceParties.nameSealed })
    .from(conferenceParties)
    .where(eq(conferenceParties.conferenceId, conferenceId));
  const partyName = new Map(
    parties.map((party) => [
      party.id,
      context.cipher.decrypt(party.nameSealed, partyNameContext(party.id)),
    ]),
  );
  const organisationIds = items.flatMap((item) => item.responsibleOrganisationId ?? []);
  const verifierIds = items.flatMap((item) => item.verifierPersonId ?? []);
  const organisationName = new Map(
    (organisationIds.length
      ? await db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, organisationIds))
      : []
    ).map((row) => [row.id, row.name]),
  );
  const verifierName = new Map(
    (verifierIds.length
      ? await db
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(inArray(people.id, verifierIds))
      : []
    ).map((row) => [row.id, row.name]),
  );
  const instalments = await db
    .select()
    .from(conferenceInstalments)
    .where(inArray(conferenceInstalments.itemId, itemIds))
    .orderBy(asc(conferenceInstalments.dueOn));
  const payments = await db
    .select()
    .from(conferencePayments)
    .where(inArray(conferencePayments.itemId, itemIds))
    .orderBy(asc(conferencePayments.paidOn));
  const publications = await db
    .select()
    .from(conferencePublicationConsents)
    .where(inArray(conferencePublicationConsents.itemId, itemIds));
  const of = <Row extends { itemId: string }>(rows: Row[], itemId: string) =>
    rows.filter((row) => row.itemId === itemId);

  return items.map((item): AgreementItem => {
    const paid = of(payments, item.id);
    return {
      id: item.id,
      kind: item.kind as ItemKind,
      description: context.cipher.decrypt(item.descriptionSealed, itemDescriptionContext(item.id)),
      responsible: item.responsiblePartyId
        ? {
            kind: 'party',
            partyId: item.responsiblePartyId,
            name: partyName.get(item.responsiblePartyId) ?? '',
          }
        : {
            kind: 'organisation',
            organisationId: item.responsibleOrganisationId ?? '',
            name: organisationName.get(item.responsibleOrganisationId ?? '') ?? '',
          },
      dueOn: item.dueOn,
      verification: context.cipher.decrypt(
        item.verificationSealed,
        itemVerificationContext(item.id),
      ),
      verifier: item.verifierPersonId
        ? { personId: item.verifierPersonId, name: verifierName.get(item.verifierPersonId) ?? '' }
        : null,
      status: item.status as ItemStatus,
      overdue: item.status === 'open' && item.dueOn < today(),
      restitution:
        item.amountCents === null
          ? null
          : {
              amountCents: item.amountCents,
              currency: item.currency ?? '',
              paidCents: paid.reduce((sum, payment) => sum + payment.amountCents, 0),
              instalments: of(instalments, item.id).map(({ dueOn, amountCents }) => ({
                dueOn,
                amountCents,
              })),
              payments: paid.map(({ id, paidOn, amountCents }) => ({ id, paidOn, amountCents })),
            },
      meetingAt: item.meetingAt?.toISOString() ?? null,
      publication: {
        consentedPartyIds: of(publications, item.id).map((row) => row.partyId),
        commitmentId: item.commitmentId,
      },
    };
  });
}
