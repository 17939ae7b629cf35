import { asc, eq, inArray } from 'drizzle-orm';
import { dayIn } from '../../../shared/commitments/days.ts';
import type { AgreementItem } from '../../../shared/conferences/contract.ts';
import type { ItemStatus } from '../../../shared/conferences/machine.ts';
import type { ItemKind } from '../../../shared/conferences/names.ts';
import { people } from '../../platform/auth/schema.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { organisations, programs } from '../organisations/schema.ts';
import { behindSince, scheduleOf } from './restitution.ts';
import {
  conferenceInstalments,
  conferenceItems,
  conferenceParties,
  conferencePayments,
  conferencePublicationConsents,
} from './schema.ts';

// Agreement items as the case page and a party's own page show them: the sealed words opened,
// the responsible party or organisation and the verifier named, the restitution's schedule and
// payments, and who agreed to publish each. Whoever calls this has already decided that the
// reader may see the case's agreement.

type Executor = Database | Transaction;
export type ItemRow = typeof conferenceItems.$inferSelect;

/** The contexts the item's words and a party's name are sealed under (docs/decisions/010). */
export const itemDescriptionContext = (itemId: string) => `conference_item:${itemId}`;
export const itemVerificationContext = (itemId: string) => `conference_item_verification:${itemId}`;
export const partyNameContext = (partyId: string) => `conference_party:${partyId}`;

/** Today where the program meets: due days are calendar days there. */
export async function programToday(db: Executor, programId: string): Promise<string> {
  const [program] = await db
    .select({ timeZone: programs.timeZone })
    .from(programs)
    .where(eq(programs.id, programId));
  return dayIn(program?.timeZone ?? 'UTC');
}

/** What was paid towards each restitution item, in cents. */
export async function paidByItem(db: Executor, itemIds: string[]): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .select({ itemId: conferencePayments.itemId, amountCents: conferencePayments.amountCents })
    .from(conferencePayments)
    .where(inArray(conferencePayments.itemId, itemIds));
  const paid = new Map<string, number>();
  for (const row of rows) paid.set(row.itemId, (paid.get(row.itemId) ?? 0) + row.amountCents);
  return paid;
}

/** Whether an open item is late: its day has passed, or a payment due by today is missing. */
export function isOverdue(
  item: Pick<ItemRow, 'status' | 'dueOn' | 'amountCents'>,
  instalments: readonly { dueOn: string; amountCents: number }[],
  paidCents: number,
  today: string,
): boolean {
  if (item.status !== 'open') return false;
  if (item.dueOn < today) return true;
  if (item.amountCents === null) return false;
  return (
    behindSince(scheduleOf(item.amountCents, instalments, item.dueOn), paidCents, today) !== null
  );
}

/** The names of the case's parties, opened; removed parties keep their name on old items. */
export async function partyNamesOf(
  db: Executor,
  cipher: FieldCipher,
  conferenceId: string,
): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: conferenceParties.id, nameSealed: conferenceParties.nameSealed })
    .from(conferenceParties)
    .where(eq(conferenceParties.conferenceId, conferenceId));
  return new Map(
    rows.map((row) => [row.id, cipher.decrypt(row.nameSealed, partyNameContext(row.id))]),
  );
}

async function namesOf(db: Executor, rows: readonly ItemRow[]) {
  const organisationIds = [...new Set(rows.flatMap((row) => row.responsibleOrganisationId ?? []))];
  const verifierIds = [...new Set(rows.flatMap((row) => row.verifierPersonId ?? []))];
  const organisationNames =
    organisationIds.length === 0
      ? []
      : await db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, organisationIds));
  const verifierNames =
    verifierIds.length === 0
      ? []
      : await db
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(inArray(people.id, verifierIds));
  return {
    organisations: new Map(organisationNames.map((row) => [row.id, row.name])),
    verifiers: new Map(verifierNames.map((row) => [row.id, row.name])),
  };
}

async function detailsOf(db: Executor, itemIds: string[]) {
  if (itemIds.length === 0) return { instalments: [], payments: [], consents: [] };
  const instalments = await db
    .select()
    .from(conferenceInstalments)
    .where(inArray(conferenceInstalments.itemId, itemIds))
    .orderBy(asc(conferenceInstalments.dueOn));
  const payments = await db
    .select()
    .from(conferencePayments)
    .where(inArray(conferencePayments.itemId, itemIds))
    .orderBy(asc(conferencePayments.paidOn), asc(conferencePayments.createdAt));
  const consents = await db
    .select()
    .from(conferencePublicationConsents)
    .where(inArray(conferencePublicationConsents.itemId, itemIds))
    .orderBy(asc(conferencePublicationConsents.consentedAt));
  return { instalments, payments, consents };
}

/** Item rows as the API answers them, in the order given. */
export async function agreementItemsFrom(
  db: Executor,
  cipher: FieldCipher,
  rows: readonly ItemRow[],
  today: string,
): Promise<AgreementItem[]> {
  if (rows.length === 0) return [];
  const conferenceIds = [...new Set(rows.map((row) => row.conferenceId))];
  const partyNames = new Map<string, string>();
  for (const conferenceId of conferenceIds) {
    for (const [id, name] of await partyNamesOf(db, cipher, conferenceId)) partyNames.set(id, name);
  }
  const names = await namesOf(db, rows);
  const { instalments, payments, consents } = await detailsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row): AgreementItem => {
    const own = <T extends { itemId: string }>(list: readonly T[]) =>
      list.filter((each) => each.itemId === row.id);
    const schedule = own(instalments).map(({ dueOn, amountCents }) => ({ dueOn, amountCents }));
    const paid = own(payments).map(({ id, paidOn, amountCents }) => ({ id, paidOn, amountCents }));
    const paidCents = paid.reduce((sum, payment) => sum + payment.amountCents, 0);
    return {
      id: row.id,
      kind: row.kind as ItemKind,
      description: cipher.decrypt(row.descriptionSealed, itemDescriptionContext(row.id)),
      responsible: row.responsiblePartyId
        ? {
            kind: 'party',
            partyId: row.responsiblePartyId,
            name: partyNames.get(row.responsiblePartyId) ?? '',
          }
        : {
            kind: 'organisation',
            organisationId: row.responsibleOrganisationId ?? '',
            name: names.organisations.get(row.responsibleOrganisationId ?? '') ?? '',
          },
      dueOn: row.dueOn,
      verification: cipher.decrypt(row.verificationSealed, itemVerificationContext(row.id)),
      verifier: row.verifierPersonId
        ? {
            personId: row.verifierPersonId,
            name: names.verifiers.get(row.verifierPersonId) ?? '',
          }
        : null,
      status: row.status as ItemStatus,
      overdue: isOverdue(row, schedule, paidCents, today),
      restitution:
        row.amountCents === null
          ? null
          : {
              amountCents: row.amountCents,
              currency: row.currency ?? '',
              paidCents,
              instalments: schedule,
              payments: paid,
            },
      meetingAt: row.meetingAt?.toISOString() ?? null,
      publication: {
        consentedPartyIds: own(consents).map((consent) => consent.partyId),
        commitmentId: row.commitmentId,
      },
    };
  });
}

/** Every item of a case's agreement, by due day. */
export async function agreementItemsOf(
  db: Executor,
  cipher: FieldCipher,
  conference: { id: string; programId: string },
): Promise<AgreementItem[]> {
  const rows = await db
    .select()
    .from(conferenceItems)
    .where(eq(conferenceItems.conferenceId, conference.id))
    .orderBy(asc(conferenceItems.dueOn), asc(conferenceItems.createdAt));
  return agreementItemsFrom(db, cipher, rows, await programToday(db, conference.programId));
}

/** One item of a case, as the API answers it. */
export async function agreementItemOf(
  db: Executor,
  cipher: FieldCipher,
  conference: { programId: string },
  row: ItemRow,
): Promise<AgreementItem> {
  const [item] = await agreementItemsFrom(
    db,
    cipher,
    [row],
    await programToday(db, conference.programId),
  );
  if (!item) throw new Error(`item ${row.id} could not be read`);
  return item;
}
