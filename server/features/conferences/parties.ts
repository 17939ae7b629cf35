import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AddedParty,
  addPartyBody,
  CaseParty,
  PartyLink,
} from '../../../shared/conferences/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { ConflictError, InvalidError, NotFoundError } from '../../platform/errors.ts';
import { memberships } from '../organisations/schema.ts';
import type { ProgramRunners } from '../organisations/service.ts';
import { type PartyRow, type TeamAccess, teamCase } from './access.ts';
import { withStep } from './command.ts';
import { languageOf } from './party-mail.ts';
import { reseatRoom } from './room.ts';
import { conferenceConsents, conferenceParties } from './schema.ts';
import { partyEmailContext, partyNameContext } from './sealed.ts';
import { newConferenceToken, partyPageFor } from './token.ts';

// The parties to a case, as its team adds and removes them. A party's name and address are
// sealed; someone already here (an officer named as the responsible party) is linked by their
// account, and anyone else gets a personal link, shown once and emailed when there is an
// address, by which they come in with no account.

type Executor = Database | Transaction;
export type AddParty = z.output<typeof addPartyBody>;
export type ConsentRow = typeof conferenceConsents.$inferSelect;

export const NO_SUCH_PARTY = 'There is no such party on this case.';

/** A party's consent as their latest consent row has it. */
export function consentOf(row: ConsentRow | undefined): CaseParty['consent'] {
  if (!row) return { status: 'none', version: null, at: null };
  return row.withdrawnAt
    ? { status: 'withdrawn', version: row.version, at: row.withdrawnAt.toISOString() }
    : { status: 'given', version: row.version, at: row.signedAt.toISOString() };
}

/** The latest consent row of each party of a case (or of the parties asked for). */
export async function latestConsents(
  db: Executor,
  conferenceId: string,
  partyIds?: string[],
): Promise<Map<string, ConsentRow>> {
  const rows = await db
    .select()
    .from(conferenceConsents)
    .where(
      and(
        eq(conferenceConsents.conferenceId, conferenceId),
        partyIds ? inArray(conferenceConsents.partyId, partyIds) : undefined,
      ),
    )
    .orderBy(desc(conferenceConsents.signedAt));
  const latest = new Map<string, ConsentRow>();
  for (const row of rows) if (!latest.has(row.partyId)) latest.set(row.partyId, row);
  return latest;
}

export function casePartyOf(
  context: Pick<AppContext, 'cipher'>,
  party: PartyRow,
  consent: ConsentRow | undefined,
): CaseParty {
  return {
    id: party.id,
    role: party.role as CaseParty['role'],
    name: context.cipher.decrypt(party.nameSealed, partyNameContext(party.id)),
    language: languageOf(party.language),
    hasAccount: party.personId !== null,
    supportsPartyId: party.supportsPartyId,
    consent: consentOf(consent),
    removed: party.removedAt !== null,
  };
}

/** A party still on the case, if there is one by that id. */
export async function findActiveParty(
  db: Executor,
  conferenceId: string,
  partyId: string,
): Promise<PartyRow | undefined> {
  const [party] = await db
    .select()
    .from(conferenceParties)
    .where(
      and(
        eq(conferenceParties.id, partyId),
        eq(conferenceParties.conferenceId, conferenceId),
        isNull(conferenceParties.removedAt),
      ),
    );
  return party;
}

/** A party still on the case, or not found. */
export async function activeParty(
  db: Executor,
  conferenceId: string,
  partyId: string,
): Promise<PartyRow> {
  const party = await findActiveParty(db, conferenceId, partyId);
  if (!party) throw new NotFoundError(NO_SUCH_PARTY);
  return party;
}

/** Whether the person holds a role, now, that reaches the program: someone already here. */
async function takesPartIn(db: Database, program: ProgramRunners, personId: string) {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(memberships.personId, personId),
        isNull(memberships.revokedAt),
        isNull(people.disabledAt),
        inArray(memberships.organisationId, program.organisationIds),
        or(isNull(memberships.programId), eq(memberships.programId, program.id)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

async function checkNewParty(db: Database, access: TeamAccess, body: AddParty): Promise<void> {
  const { conference, program } = access;
  if (body.role === 'supporter' && body.supportsPartyId === null) {
    throw new InvalidError([
      { field: 'supportsPartyId', message: 'Choose the party this person supports.' },
    ]);
  }
  if (body.role !== 'supporter' && body.supportsPartyId !== null) {
    throw new InvalidError([
      { field: 'supportsPartyId', message: 'Only a supporter names whom they support.' },
    ]);
  }
  if (body.supportsPartyId !== null) {
    const supported = await findActiveParty(db, conference.id, body.supportsPartyId);
    if (!supported || supported.role === 'supporter') {
      throw new InvalidError([
        {
          field: 'supportsPartyId',
          message: 'Choose a party of this case who is not a supporter.',
        },
      ]);
    }
  }
  if (body.personId === null) return;
  if (!(await takesPartIn(db, program, body.personId))) {
    throw new InvalidError([
      { field: 'personId', message: 'Choose someone who takes part in this program.' },
    ]);
  }
  const [already] = await db
    .select({ id: conferenceParties.id })
    .from(conferenceParties)
    .where(
      and(
        eq(conferenceParties.conferenceId, conference.id),
        eq(conferenceParties.personId, body.personId),
        isNull(conferenceParties.removedAt),
      ),
    );
  if (already) {
    throw new InvalidError([
      { field: 'personId', message: 'This person is already a party to the case.' },
    ]);
  }
}

/** POST /api/conferences/:id/parties */
export async function addParty(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  body: AddParty,
): Promise<AddedParty> {
  const { db } = context.database;
  const access = await teamCase(db, actor, conferenceId, 'parties');
  await checkNewParty(db, access, body);
  const partyId = crypto.randomUUID();
  // Someone with an account sees the case among their own; anyone else comes in by a link.
  const link = body.personId === null ? newConferenceToken() : null;
  const url = link && partyPageFor(context.config.publicUrl, link.token);
  const command = { type: 'add_party', partyId, role: body.role } as const;
  const party = await withStep(context, actor.personId, conferenceId, command, async (tx) => {
    const [row] = await tx
      .insert(conferenceParties)
      .values({
        id: partyId,
        conferenceId,
        role: body.role,
        nameSealed: context.cipher.encrypt(body.name, partyNameContext(partyId)),
        emailSealed: body.email && context.cipher.encrypt(body.email, partyEmailContext(partyId)),
        language: body.language,
        personId: body.personId,
        supportsPartyId: body.supportsPartyId,
        linkTokenHash: link?.tokenHash ?? null,
        addedBy: actor.personId,
      })
      .returning();
    if (!row) throw new Error('The party row was not written.');
    await reseatRoom(tx, conferenceId);
    if (url && body.email) {
      await context.mail.send(
        {
          to: body.email,
          template: 'conference-party-link',
          language: languageOf(body.language),
          data: { inviterName: actor.name, programName: access.program.name, link: url },
        },
        { tx },
      );
    }
    return row;
  });
  return { party: casePartyOf(context, party, undefined), link: url ? { url } : null };
}

/** POST /api/conferences/:id/parties/:partyId/link: a new link, which ends the one before. */
export async function newPartyLink(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  partyId: string,
): Promise<PartyLink> {
  const { db } = context.database;
  const access = await teamCase(db, actor, conferenceId, 'parties');
  const party = await activeParty(db, conferenceId, partyId);
  if (party.personId) {
    throw new ConflictError(
      'This party has an account: they find the case among their own when they sign in.',
    );
  }
  const { token, tokenHash } = newConferenceToken();
  await db.transaction(async (tx) => {
    await tx
      .update(conferenceParties)
      .set({ linkTokenHash: tokenHash })
      .where(eq(conferenceParties.id, partyId));
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: access.program.leadOrganisationId,
        action: 'conference.party_link_created',
        targetType: 'conference',
        targetId: conferenceId,
        outcome: 'succeeded',
        details: { partyId },
      },
      tx,
    );
  });
  return { url: partyPageFor(context.config.publicUrl, token) };
}

/** POST /api/conferences/:id/parties/:partyId/remove: the party leaves; their records stay. */
export async function removeParty(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  partyId: string,
  reason: string,
): Promise<CaseParty> {
  const { db } = context.database;
  await teamCase(db, actor, conferenceId, 'parties');
  await activeParty(db, conferenceId, partyId);
  if (reason === '') {
    throw new InvalidError([{ field: 'reason', message: 'Say why the party leaves the case.' }]);
  }
  const command = { type: 'remove_party', partyId, reason } as const;
  const removed = await withStep(context, actor.personId, conferenceId, command, async (tx) => {
    const [row] = await tx
      .update(conferenceParties)
      .set({ removedAt: new Date(), linkTokenHash: null })
      .where(eq(conferenceParties.id, partyId))
      .returning();
    if (!row) throw new Error('The party row was not updated.');
    await reseatRoom(tx, conferenceId);
    return row;
  });
  const consents = await latestConsents(db, conferenceId, [partyId]);
  return casePartyOf(context, removed, consents.get(partyId));
}
