import { and, asc, eq } from 'drizzle-orm';
import {
  type AddYoungPersonRequest,
  type AgeBand,
  addYoungPersonRequest,
  bandsWithin,
  isMinorBand,
  type YoungPerson,
} from '../../../shared/youth/contract.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { InvalidError, NotFoundError } from '../../platform/errors.ts';
import type { Language } from '../../platform/mail/templates/index.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { createPersonFromLink } from '../invitations/resident.ts';
import { newInvitationToken } from '../invitations/token.ts';
import { programTarget } from '../organisations/programs.ts';
import { organisations } from '../organisations/schema.ts';
import { findProgram, grantMembershipOnce, type ProgramRunners } from '../organisations/service.ts';
import { commandConsent, consentViewOf, loadConsents, lockYoungPerson } from './consent-store.ts';
import { guardianLinks, youngPeople } from './schema.ts';
import { requireYouthSettings, type YouthProgramRow, youthProgramFor } from './settings.ts';

// The young people of a youth program. Each gets an account that holds only the display name
// they chose, signed in by their own link; a minor's guardian is asked for consent by email
// at once, and the guardian's name and address are kept sealed.

export type YoungPersonRow = typeof youngPeople.$inferSelect;

export interface GuardianContact {
  name: string;
  email: string;
}

const contactContext = (youngPersonId: string) => `young_people.guardian_contact:${youngPersonId}`;

export const sealGuardian = (
  context: AppContext,
  youngPersonId: string,
  guardian: GuardianContact,
) => context.cipher.encrypt(JSON.stringify(guardian), contactContext(youngPersonId));

export function openGuardian(context: AppContext, row: YoungPersonRow): GuardianContact | null {
  if (row.guardianContact === null) return null;
  return JSON.parse(context.cipher.decrypt(row.guardianContact, contactContext(row.id)));
}

export const youthLinkFor = (context: AppContext, token: string) =>
  `${context.config.publicUrl}/youth/join#${token}`;
export const guardianLinkFor = (context: AppContext, token: string) =>
  `${context.config.publicUrl}/consent#${token}`;

/**
 * Asks the young person's guardian for consent to the program's current words: records the
 * request, makes the guardian's link and sends it. An earlier link is kept, so that using it
 * says a newer request replaced it rather than that it is unknown. Returns the guardian's link,
 * or null when there is nothing to ask (a request waits, or a consent is current).
 */
export async function requestConsent(
  context: AppContext,
  tx: Transaction,
  row: YoungPersonRow,
  settings: YouthProgramRow,
  program: ProgramRunners,
  again: boolean,
): Promise<string | null> {
  const guardian = openGuardian(context, row);
  if (!guardian || row.guardianLanguage === null) return null;
  const outcome = await commandConsent(
    tx,
    row.id,
    {
      type: 'request',
      version: settings.consentVersion,
      validDays: settings.consentValidDays,
      at: Date.now(),
    },
    settings.consentVersion,
  );
  if (!outcome.ok) return null;
  const { token, tokenHash } = newInvitationToken();
  await tx
    .insert(guardianLinks)
    .values({ tokenHash, youngPersonId: row.id, requestSeq: outcome.seq });
  const [young] = await tx
    .select({ name: people.name })
    .from(people)
    .where(eq(people.id, row.personId));
  const [lead] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, program.leadOrganisationId));
  await context.mail.send(
    {
      to: guardian.email,
      template: 'youth-consent-request',
      language: row.guardianLanguage as Language,
      data: {
        guardianName: guardian.name,
        youngPersonName: young?.name ?? '',
        programName: program.name,
        organisationName: lead?.name ?? '',
        link: guardianLinkFor(context, token),
        again,
      },
    },
    { tx },
  );
  return guardianLinkFor(context, token);
}

/**
 * After the words guardians agree to changed: each guardian whose consent was given or asked
 * for under an earlier version is asked again. Returns how many were asked.
 */
export async function askGuardiansAgain(
  context: AppContext,
  tx: Transaction,
  program: ProgramRunners,
  settings: YouthProgramRow,
): Promise<number> {
  const rows = await tx
    .select()
    .from(youngPeople)
    .where(eq(youngPeople.programId, program.id))
    .orderBy(asc(youngPeople.id))
    .for('update');
  const consents = await loadConsents(
    tx,
    rows.map((row) => row.id),
  );
  let asked = 0;
  for (const row of rows) {
    const consent = consents.get(row.id);
    const earlier =
      consent &&
      (consent.state.status === 'given' || consent.state.status === 'requested') &&
      consent.state.version !== settings.consentVersion;
    if (!earlier) continue;
    if ((await requestConsent(context, tx, row, settings, program, true)) !== null) asked += 1;
  }
  return asked;
}

function checkBand(settings: YouthProgramRow, band: AgeBand): void {
  if (bandsWithin(settings.minAge, settings.maxAge).includes(band)) return;
  throw new InvalidError([
    {
      field: 'ageBand',
      message: `This program is for ages ${settings.minAge} to ${settings.maxAge}: choose an age band within it.`,
      code: 'outside_range',
    },
  ]);
}

export async function addYoungPerson(
  context: AppContext,
  actor: SignedIn,
  programId: string,
  input: AddYoungPersonRequest,
): Promise<{ youngPerson: YoungPerson; youthLink: string; guardianLink: string | null }> {
  const { db } = context.database;
  const body = addYoungPersonRequest.parse(input);
  const program = await youthProgramFor(db, actor, programId, 'youth.manage');
  const settings = await requireYouthSettings(db, programId);
  checkBand(settings, body.ageBand);
  const minor = isMinorBand(body.ageBand);
  if (minor && body.guardian === null) {
    throw new InvalidError([
      {
        field: 'guardian',
        message:
          "A young person under 18 needs a guardian's consent: give the guardian's name and email.",
        code: 'guardian_required',
      },
    ]);
  }
  const youngPersonId = crypto.randomUUID();
  const { token, tokenHash } = newInvitationToken();
  const guardianLink = await db.transaction(async (tx) => {
    const personId = await createPersonFromLink(tx, {
      email: null,
      name: body.displayName,
      language: body.guardian?.language ?? 'en',
    });
    await grantMembershipOnce(tx, {
      personId,
      organisationId: program.leadOrganisationId,
      programId,
      role: 'youth',
      grantedBy: actor.personId,
    });
    const guardian = minor ? body.guardian : null;
    const [row] = await tx
      .insert(youngPeople)
      .values({
        id: youngPersonId,
        programId,
        personId,
        ageBand: body.ageBand,
        // A young adult's guardian is not kept: they need none.
        guardianContact: guardian
          ? sealGuardian(context, youngPersonId, { name: guardian.name, email: guardian.email })
          : null,
        guardianLanguage: guardian?.language ?? null,
        linkTokenHash: tokenHash,
        addedBy: actor.personId,
      })
      .returning();
    if (!row) throw new Error('The young person was not added');
    const asked = await requestConsent(context, tx, row, settings, program, false);
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: program.leadOrganisationId,
        action: 'youth.young_person_added',
        targetType: 'young_person',
        targetId: youngPersonId,
        outcome: 'succeeded',
        details: { programId, ageBand: body.ageBand, consentRequested: asked !== null },
      },
      tx,
    );
    return asked;
  });
  const [added] = await youngPeopleOf(context, programId, youngPersonId);
  if (!added) throw new Error('The young person was not found after adding');
  return { youngPerson: added, youthLink: youthLinkFor(context, token), guardianLink };
}

async function youngPeopleOf(
  context: AppContext,
  programId: string,
  onlyId?: string,
): Promise<YoungPerson[]> {
  const { db } = context.database;
  const settings = await requireYouthSettings(db, programId);
  const rows = await db
    .select({ row: youngPeople, displayName: people.name })
    .from(youngPeople)
    .innerJoin(people, eq(people.id, youngPeople.personId))
    .where(
      and(eq(youngPeople.programId, programId), onlyId ? eq(youngPeople.id, onlyId) : undefined),
    )
    .orderBy(asc(people.name), asc(youngPeople.id));
  const consents = await loadConsents(
    db,
    rows.map(({ row }) => row.id),
  );
  const now = Date.now();
  return rows.map(({ row, displayName }) => {
    const minor = isMinorBand(row.ageBand as AgeBand);
    const stored = consents.get(row.id);
    const consent = minor && stored ? consentViewOf(stored, now, settings.consentVersion) : null;
    return {
      id: row.id,
      personId: row.personId,
      displayName,
      ageBand: row.ageBand as AgeBand,
      minor,
      guardianName: openGuardian(context, row)?.name ?? null,
      consent,
      mayTakePart: row.leftAt === null && (!minor || consent?.current === true),
      addedAt: row.addedAt.toISOString(),
      leftAt: row.leftAt?.toISOString() ?? null,
    };
  });
}

export async function listYoungPeople(
  context: AppContext,
  actor: SignedIn,
  programId: string,
): Promise<YoungPerson[]> {
  await youthProgramFor(context.database.db, actor, programId, 'youth.read');
  return youngPeopleOf(context, programId);
}

/** The young person's row and program, once the table lets the actor manage them. */
async function managedYoungPerson(db: Database, actor: SignedIn, youngPersonId: string) {
  const [row] = await db.select().from(youngPeople).where(eq(youngPeople.id, youngPersonId));
  const program = row && (await findProgram(db, row.programId));
  await authorize(db, actor, 'youth.manage', {
    ...programTarget(row?.programId ?? '', program),
    type: 'young_person',
    id: youngPersonId,
  });
  if (!row || !program) throw new NotFoundError('There is no such young person.');
  return { row, program };
}

/** A new link for the young person; the old one stops working. */
export async function newYouthLink(
  context: AppContext,
  actor: SignedIn,
  youngPersonId: string,
): Promise<string> {
  const { db } = context.database;
  const { program } = await managedYoungPerson(db, actor, youngPersonId);
  const { token, tokenHash } = newInvitationToken();
  await db.transaction(async (tx) => {
    await tx
      .update(youngPeople)
      .set({ linkTokenHash: tokenHash })
      .where(eq(youngPeople.id, youngPersonId));
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: program.leadOrganisationId,
        action: 'youth.link_renewed',
        targetType: 'young_person',
        targetId: youngPersonId,
        outcome: 'succeeded',
      },
      tx,
    );
  });
  return youthLinkFor(context, token);
}

/** Asks the guardian again, after a decline, a withdrawal or an expiry. */
export async function askConsentAgain(
  context: AppContext,
  actor: SignedIn,
  youngPersonId: string,
): Promise<YoungPerson> {
  const { db } = context.database;
  const { program } = await managedYoungPerson(db, actor, youngPersonId);
  const settings = await requireYouthSettings(db, program.id);
  await db.transaction(async (tx) => {
    const row = await lockYoungPerson(tx, youngPersonId);
    if (!row || row.guardianContact === null) {
      throw new InvalidError([
        { field: '', message: 'A young adult needs no guardian consent.', code: 'not_minor' },
      ]);
    }
    const asked = await requestConsent(context, tx, row, settings, program, true);
    if (asked === null) {
      throw new InvalidError([
        {
          field: '',
          message:
            'There is nothing to ask: a request is waiting for the guardian, or their consent is current.',
          code: 'already_requested',
        },
      ]);
    }
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: program.leadOrganisationId,
        action: 'youth.consent_requested',
        targetType: 'young_person',
        targetId: youngPersonId,
        outcome: 'succeeded',
        details: { consentVersion: settings.consentVersion },
      },
      tx,
    );
  });
  const [view] = await youngPeopleOf(context, program.id, youngPersonId);
  if (!view) throw new NotFoundError('There is no such young person.');
  return view;
}
