import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { supportedLanguages } from '../../../shared/about/contract.ts';
import type {
  AgreementItem,
  CaseParty,
  CaseSummary,
  TimelineEntry,
} from '../../../shared/conferences/contract.ts';
import type { CaseState } from '../../../shared/conferences/machine.ts';
import type { ItemKind, TeamRole } from '../../../shared/conferences/names.ts';
import { people } from '../../platform/auth/schema.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { organisations } from '../organisations/schema.ts';
import type { StoredCaseEvent } from './events.ts';
import {
  conferenceConsents,
  conferenceInstalments,
  conferenceItems,
  conferenceParties,
  conferencePayments,
  conferencePublicationConsents,
  conferenceTeam,
} from './schema.ts';
import { itemDescriptionContext, itemVerificationContext, partyNameContext } from './sealed.ts';

// The parts of a case as its team reads them: the team, the parties with their consent, the
// agreement's items with what was paid, and the timeline. Sealed words are opened here, for the
// case page only; the board and the agency's view are built from plain columns.

type Executor = Database | Transaction;
type Language = (typeof supportedLanguages)[number];
export type TeamMember = CaseSummary['team'][number];

/** The active team of each case, its lead first. */
export async function teamsOf(
  db: Executor,
  conferenceIds: readonly string[],
): Promise<Map<string, TeamMember[]>> {
  const teams = new Map<string, TeamMember[]>();
  if (conferenceIds.length === 0) return teams;
  const rows = await db
    .select({
      conferenceId: conferenceTeam.conferenceId,
      personId: conferenceTeam.personId,
      role: conferenceTeam.role,
      name: people.name,
    })
    .from(conferenceTeam)
    .innerJoin(people, eq(people.id, conferenceTeam.personId))
    .where(
      and(
        inArray(conferenceTeam.conferenceId, [...conferenceIds]),
        isNull(conferenceTeam.removedAt),
      ),
    )
    .orderBy(asc(conferenceTeam.assignedAt), asc(conferenceTeam.id));
  for (const row of rows) {
    const team = teams.get(row.conferenceId) ?? [];
    team.push({ personId: row.personId, name: row.name, role: row.role as TeamRole });
    teams.set(row.conferenceId, team);
  }
  for (const team of teams.values())
    team.sort((a, b) => Number(b.role === 'lead') - Number(a.role === 'lead'));
  return teams;
}

/** The names of these people, for the timeline and the items' verifiers. */
export async function namesOf(db: Executor, personIds: readonly string[]) {
  const ids = [...new Set(personIds.filter((id) => id !== ''))];
  const rows = ids.length
    ? await db
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(inArray(people.id, ids))
    : [];
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Every party ever on the case, their names opened, their consent as the workflow has it. */
export async function partiesOf(
  db: Executor,
  cipher: FieldCipher,
  conferenceId: string,
  state: CaseState,
): Promise<CaseParty[]> {
  const rows = await db
    .select()
    .from(conferenceParties)
    .where(eq(conferenceParties.conferenceId, conferenceId))
    .orderBy(asc(conferenceParties.createdAt), asc(conferenceParties.id));
  const consents = await db
    .select()
    .from(conferenceConsents)
    .where(eq(conferenceConsents.conferenceId, conferenceId))
    .orderBy(desc(conferenceConsents.signedAt));
  return rows.map((row) => {
    const status = state.parties[row.id]?.consent ?? 'none';
    // The consent now in force, or the last one withdrawn.
    const latest = consents.find(
      (consent) =>
        consent.partyId === row.id &&
        (status === 'given' ? consent.withdrawnAt === null : consent.withdrawnAt !== null),
    );
    const consentAt = status === 'given' ? latest?.signedAt : latest?.withdrawnAt;
    return {
      id: row.id,
      role: row.role as CaseParty['role'],
      name: cipher.decrypt(row.nameSealed, partyNameContext(row.id)),
      language: row.language as Language,
      hasAccount: row.personId !== null,
      supportsPartyId: row.supportsPartyId,
      consent: {
        status,
        version: status === 'none' ? null : (latest?.version ?? null),
        at: status === 'none' ? null : (consentAt?.toISOString() ?? null),
      },
      removed: row.removedAt !== null || state.parties[row.id]?.removed === true,
    };
  });
}

/** The restitution schedule and payments of these items. */
async function moneyOf(db: Executor, itemIds: string[]) {
  if (itemIds.length === 0) return { instalments: [], payments: [] };
  const [instalments, payments] = await Promise.all([
    db
      .select()
      .from(conferenceInstalments)
      .where(inArray(conferenceInstalments.itemId, itemIds))
      .orderBy(asc(conferenceInstalments.dueOn)),
    db
      .select()
      .from(conferencePayments)
      .where(inArray(conferencePayments.itemId, itemIds))
      .orderBy(asc(conferencePayments.paidOn), asc(conferencePayments.createdAt)),
  ]);
  return { instalments, payments };
}

/**
 * The agreement's items still on the case (the workflow's fold decides which), with their
 * words opened and what was paid. `today` is the program's calendar day, for overdue.
 */
export async function itemsOf(
  db: Executor,
  cipher: FieldCipher,
  conferenceId: string,
  state: CaseState,
  parties: readonly CaseParty[],
  today: string,
): Promise<AgreementItem[]> {
  const rows = (
    await db
      .select()
      .from(conferenceItems)
      .where(eq(conferenceItems.conferenceId, conferenceId))
      .orderBy(asc(conferenceItems.dueOn), asc(conferenceItems.createdAt))
  ).filter((row) => row.id in state.items);
  if (rows.length === 0) return [];
  const itemIds = rows.map((row) => row.id);
  const organisationIds = rows.flatMap((row) => row.responsibleOrganisationId ?? []);
  const [{ instalments, payments }, published, owners, verifiers] = await Promise.all([
    moneyOf(db, itemIds),
    db
      .select()
      .from(conferencePublicationConsents)
      .where(inArray(conferencePublicationConsents.itemId, itemIds)),
    organisationIds.length
      ? db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, organisationIds))
      : [],
    namesOf(
      db,
      rows.flatMap((row) => row.verifierPersonId ?? []),
    ),
  ]);
  const partyName = new Map(parties.map((party) => [party.id, party.name]));
  const ownerName = new Map(owners.map((owner) => [owner.id, owner.name]));
  return rows.map((row) => {
    const status = state.items[row.id] ?? 'open';
    const paid = payments.filter((payment) => payment.itemId === row.id);
    return {
      id: row.id,
      kind: row.kind as ItemKind,
      description: cipher.decrypt(row.descriptionSealed, itemDescriptionContext(row.id)),
      responsible: row.responsiblePartyId
        ? {
            kind: 'party',
            partyId: row.responsiblePartyId,
            name: partyName.get(row.responsiblePartyId) ?? '',
          }
        : {
            kind: 'organisation',
            organisationId: row.responsibleOrganisationId ?? '',
            name: ownerName.get(row.responsibleOrganisationId ?? '') ?? '',
          },
      dueOn: row.dueOn,
      verification: cipher.decrypt(row.verificationSealed, itemVerificationContext(row.id)),
      verifier: row.verifierPersonId
        ? { personId: row.verifierPersonId, name: verifiers.get(row.verifierPersonId) ?? '' }
        : null,
      status,
      overdue: status === 'open' && row.dueOn < today,
      restitution:
        row.amountCents === null
          ? null
          : {
              amountCents: row.amountCents,
              currency: row.currency ?? '',
              paidCents: paid.reduce((sum, payment) => sum + payment.amountCents, 0),
              instalments: instalments
                .filter((part) => part.itemId === row.id)
                .map((part) => ({ dueOn: part.dueOn, amountCents: part.amountCents })),
              payments: paid.map((payment) => ({
                id: payment.id,
                paidOn: payment.paidOn,
                amountCents: payment.amountCents,
              })),
            },
      meetingAt: row.meetingAt?.toISOString() ?? null,
      publication: {
        consentedPartyIds: published
          .filter((consent) => consent.itemId === row.id)
          .map((consent) => consent.partyId),
        commitmentId: row.commitmentId,
      },
    };
  });
}

/** The events as the case page lists them: who, when, the plain fields, and the words apart. */
export function timelineOf(
  events: readonly StoredCaseEvent[],
  names: ReadonlyMap<string, string>,
): TimelineEntry[] {
  return events.map(({ id, event }) => {
    const { type, at, by, ...fields } = event;
    const { reason, comment, ...data } = fields as Record<string, unknown>;
    const words = [reason, comment].find(
      (value): value is string => typeof value === 'string' && value !== '',
    );
    return {
      id,
      type,
      at,
      byName: by === '' ? null : (names.get(by) ?? null),
      data,
      words: words ?? null,
    };
  });
}
