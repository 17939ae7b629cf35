import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { membershipSummary } from '../../../shared/organisations/contract.ts';
import type { Role } from '../../../shared/permissions/roles.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/connection.ts';
import { ConflictError, InvalidError, NotFoundError } from '../../platform/errors.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { programTarget } from './programs.ts';
import { memberships, organisations, programs } from './schema.ts';
import { findProgram, isMemberOf } from './service.ts';

// Roles are granted to people already in the organisation (invitations bring new people), and
// revoked by marking them, never deleting them: who held what, and when, stays on record.

type MembershipSummary = z.infer<typeof membershipSummary>;

/** The organisation as a permission target: only roles held organisation-wide reach it. */
const wholeOrganisation = (organisationId: string, personId: string) => ({
  type: 'person',
  id: personId,
  organisationId,
});

async function kindOf(db: Database, organisationId: string): Promise<string | undefined> {
  const [organisation] = await db
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return organisation?.kind;
}

export async function grantRole(
  context: Pick<AppContext, 'mail' | 'config'>,
  db: Database,
  actor: SignedIn,
  organisationId: string,
  personId: string,
  request: { role: Role; programId: string | null },
): Promise<MembershipSummary> {
  const { role, programId } = request;
  const program = programId === null ? undefined : await findProgram(db, programId);
  await authorize(
    db,
    actor,
    'membership.grant',
    programId === null
      ? wholeOrganisation(organisationId, personId)
      : { ...programTarget(programId, program), type: 'person', id: personId, organisationId },
  );
  // Only an organisation admin makes another: a coordinator's reach is their programs.
  if (role === 'org_admin') {
    await authorize(db, actor, 'membership.grant', wholeOrganisation(organisationId, personId));
  }
  if (role === 'org_admin' && programId !== null) {
    throw new InvalidError([
      { field: 'programId', message: 'An admin role is for the whole organisation.' },
    ]);
  }
  if (programId !== null && !program?.organisationIds.includes(organisationId)) {
    throw new InvalidError([
      { field: 'programId', message: 'Choose a program that this organisation runs.' },
    ]);
  }
  if (!(await isMemberOf(db, personId, organisationId))) {
    throw new NotFoundError('There is no such person in this organisation.');
  }
  if (role === 'officer' && (await kindOf(db, organisationId)) !== 'police_agency') {
    throw new InvalidError([{ field: 'role', message: 'Only a police agency has officers.' }]);
  }
  if (role === 'professional_standards' && (await kindOf(db, organisationId)) !== 'police_agency') {
    throw new InvalidError([
      { field: 'role', message: 'Only a police agency has professional standards staff.' },
    ]);
  }
  const membershipId = crypto.randomUUID();
  await db.transaction(async (tx) => {
    // The unique index on active roles answers a double grant, even two at once.
    const [granted] = await tx
      .insert(memberships)
      .values({
        id: membershipId,
        personId,
        organisationId,
        programId,
        role,
        grantedBy: actor.personId,
      })
      .onConflictDoNothing()
      .returning({ id: memberships.id });
    if (!granted) throw new ConflictError('They already hold this role here.');
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId,
        action: 'membership.granted',
        targetType: 'person',
        targetId: personId,
        outcome: 'succeeded',
        details: { membershipId, role, programId },
      },
      tx,
    );
    const [place] = programId
      ? await tx.select({ name: programs.name }).from(programs).where(eq(programs.id, programId))
      : await tx
          .select({ name: organisations.name })
          .from(organisations)
          .where(eq(organisations.id, organisationId));
    const [person] = await tx
      .select({ email: people.email, language: people.language })
      .from(people)
      .where(eq(people.id, personId));
    if (person && place) {
      await context.mail.notify(
        {
          to: person.email,
          template: 'role-granted',
          language: person.language === 'es' ? 'es' : 'en',
          data: { role, placeName: place.name, link: `${context.config.publicUrl}/me` },
        },
        { tx },
      );
    }
  });
  const [named] = programId
    ? await db.select({ name: programs.name }).from(programs).where(eq(programs.id, programId))
    : [];
  return { id: membershipId, role, programId, programName: named?.name ?? null, verifiedAt: null };
}

export async function revokeRole(
  db: Database,
  actor: SignedIn,
  organisationId: string,
  personId: string,
  membershipId: string,
): Promise<void> {
  // Looked up within this organisation and person: an id from elsewhere is never acted on.
  const [membership] = await db
    .select({ role: memberships.role, programId: memberships.programId })
    .from(memberships)
    .where(
      and(
        eq(memberships.id, membershipId),
        eq(memberships.organisationId, organisationId),
        eq(memberships.personId, personId),
        isNull(memberships.revokedAt),
      ),
    );
  const programId = membership?.programId ?? null;
  await authorize(
    db,
    actor,
    'membership.revoke',
    programId === null
      ? wholeOrganisation(organisationId, personId)
      : {
          ...programTarget(programId, await findProgram(db, programId)),
          type: 'person',
          id: personId,
          organisationId,
        },
  );
  if (!membership) throw new NotFoundError('They hold no such role in this organisation.');
  await db.transaction(async (tx) => {
    if (membership.role === 'org_admin') {
      // Locks the organisation's admin roles, so that two admins removing each other at once
      // cannot leave it with none.
      const others = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .innerJoin(people, eq(people.id, memberships.personId))
        .where(
          and(
            eq(memberships.organisationId, organisationId),
            eq(memberships.role, 'org_admin'),
            isNull(memberships.programId),
            isNull(memberships.revokedAt),
            isNull(people.disabledAt),
            ne(memberships.id, membershipId),
          ),
        )
        .for('update', { of: memberships });
      if (others.length === 0) {
        throw new ConflictError(
          'This is the last admin of the organisation: make someone else an admin first.',
        );
      }
    }
    await tx
      .update(memberships)
      .set({ revokedAt: sql`now()` })
      .where(eq(memberships.id, membershipId));
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId,
        action: 'membership.revoked',
        targetType: 'person',
        targetId: personId,
        outcome: 'succeeded',
        details: { membershipId, role: membership.role, programId },
      },
      tx,
    );
  });
}

/** The agency's admin vouches that this person is one of its officers; until then they are not. */
export async function verifyOfficer(
  db: Database,
  actor: SignedIn,
  organisationId: string,
  personId: string,
): Promise<void> {
  await authorize(db, actor, 'officer.verify', wholeOrganisation(organisationId, personId));
  if ((await kindOf(db, organisationId)) !== 'police_agency') {
    throw new ConflictError('Only a police agency verifies officers.');
  }
  const activeOfficerRoles = and(
    eq(memberships.organisationId, organisationId),
    eq(memberships.personId, personId),
    eq(memberships.role, 'officer'),
    isNull(memberships.revokedAt),
  );
  const officerRoles = await db
    .select({ id: memberships.id, verifiedAt: memberships.verifiedAt })
    .from(memberships)
    .where(activeOfficerRoles);
  if (officerRoles.length === 0) {
    throw new NotFoundError('They hold no officer role in this organisation.');
  }
  const unverified = officerRoles.filter((membership) => membership.verifiedAt === null);
  if (unverified.length === 0) throw new ConflictError('They are already verified as an officer.');
  await db.transaction(async (tx) => {
    await tx
      .update(memberships)
      .set({ verifiedAt: sql`now()`, verifiedBy: actor.personId })
      .where(and(activeOfficerRoles, isNull(memberships.verifiedAt)));
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId,
        action: 'officer.verified',
        targetType: 'person',
        targetId: personId,
        outcome: 'succeeded',
        details: { membershipIds: unverified.map((membership) => membership.id) },
      },
      tx,
    );
  });
}
