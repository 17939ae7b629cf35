import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Target } from '../../../shared/permissions/decide.ts';
import { type Role, roles } from '../../../shared/permissions/roles.ts';
import { circleInvitees, circles } from '../../features/circles/schema.ts';
import { newJoinLinkToken } from '../../features/circles/token.ts';
import { commitmentEvents, commitments } from '../../features/commitments/schema.ts';
import { invitations } from '../../features/invitations/schema.ts';
import { newInvitationToken } from '../../features/invitations/token.ts';
import {
  memberships,
  programOrganisations,
  programs,
} from '../../features/organisations/schema.ts';
import { createOrganisation, findProgram } from '../../features/organisations/service.ts';
import { people } from '../../platform/auth/schema.ts';
import { addSignedInPerson } from '../people.ts';
import type { TestApp } from '../test-app.ts';

// The world the authorisation matrix walks: two organisations, each running a program, and
// someone signed in for every role of the first one. Records that a request changes are made
// fresh for each request, so that one answer never depends on the one before.

/**
 * Which organisation's record a request aims at: the actor's own; the partner that runs the own
 * organisation's program with it (its records in that shared program); or an unrelated one.
 */
export const sides = ['own', 'partner', 'other'] as const;
export type Side = (typeof sides)[number];

export interface Organisation {
  organisationId: string;
  programId: string;
  /** A person of the organisation who made its records (invitations name who sent them). */
  founderId: string;
}

/** Who sends a request; `personId` is absent for a browser that no one signed in to. */
export interface MatrixActor {
  label: string;
  personId?: string;
  cookie?: string;
  password?: string;
}

export interface World {
  test: TestApp;
  /** A police agency: every signed-in actor holds a role here. */
  own: Organisation;
  /** A community organisation that runs the own organisation's program with it. */
  partner: Organisation;
  /** A community organisation none of the actors belongs to, and that shares nothing. */
  other: Organisation;
  actors: MatrixActor[];
  /** Someone who is none of the actors, for records that belong to another person. */
  bystanderId: string;
  /** A link invitation that is open, for the pages anyone may see. */
  openInvitationToken: string;
  /** A circle's join link that is open, for the page before joining that anyone may see. */
  openCircleJoinToken: string;
}

const uniqueSuffix = () => randomBytes(4).toString('hex');

export const organisationOf = (world: World, side: Side): Organisation => world[side];

/** A person with no password and no session, holding one role. */
export async function addPerson(
  test: TestApp,
  grant: { organisationId: string; role: Role; programId?: string },
): Promise<{ personId: string; membershipId: string }> {
  const { db } = test.context.database;
  const personId = crypto.randomUUID();
  const membershipId = crypto.randomUUID();
  await db.insert(people).values({
    id: personId,
    name: `Person ${uniqueSuffix()}`,
    email: `person-${uniqueSuffix()}-${uniqueSuffix()}@example.org`,
    emailVerified: true,
  });
  await db.insert(memberships).values({ id: membershipId, personId, ...grant });
  return { personId, membershipId };
}

/** An open email invitation, to one program of the organisation or to all of it. */
export async function addInvitation(
  test: TestApp,
  organisation: Organisation,
  programId: string | null,
) {
  const { token, tokenHash } = newInvitationToken();
  const id = crypto.randomUUID();
  await test.context.database.db.insert(invitations).values({
    id,
    organisationId: organisation.organisationId,
    programId,
    role: 'facilitator',
    delivery: 'email',
    email: `invited-${uniqueSuffix()}@example.org`,
    tokenHash,
    language: 'en',
    maxUses: 1,
    expiresAt: new Date(Date.now() + 86_400_000),
    createdBy: organisation.founderId,
  });
  return { id, token };
}

/**
 * A commitment the organisation owns in its program, seen by the people of the program; one
 * marked done waits for a coordinator's verification.
 */
export async function addCommitment(
  test: TestApp,
  organisation: Organisation,
  status: 'planned' | 'done',
): Promise<string> {
  const { db } = test.context.database;
  const id = crypto.randomUUID();
  const dueOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await db.insert(commitments).values({
    id,
    programId: organisation.programId,
    title: `Hold a follow-up circle ${uniqueSuffix()}`,
    source: 'manual',
    ownerOrganisationId: organisation.organisationId,
    visibility: 'program',
    status,
    percent: status === 'done' ? 100 : 0,
    dueOn,
    createdBy: organisation.founderId,
  });
  const by = organisation.founderId;
  await db
    .insert(commitmentEvents)
    .values([
      { commitmentId: id, type: 'created', by, data: { dueOn } },
      ...(status === 'done'
        ? [{ commitmentId: id, type: 'status_changed', by, data: { to: 'done' } }]
        : []),
    ]);
  return id;
}

/**
 * A circle planned in the side's program, kept by a facilitator of it, starting in a week. In
 * the program the actors share (own and partner), every actor is invited to it, so that what a
 * resident may see of it is what the table says; no actor takes part in the other program.
 */
export async function addCircle(
  world: Pick<World, 'test' | 'actors' | 'own' | 'partner' | 'other'>,
  side: Side,
  joinTokenHash: string | null = null,
): Promise<string> {
  const { test } = world;
  const organisation = organisationOf(world as World, side);
  const keeper = await addPerson(test, {
    organisationId: organisation.organisationId,
    programId: organisation.programId,
    role: 'facilitator',
  });
  const id = crypto.randomUUID();
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const { db } = test.context.database;
  await db.insert(circles).values({
    id,
    programId: organisation.programId,
    purpose: `Listening circle ${uniqueSuffix()}`,
    startsAt,
    timeZone: 'UTC',
    keeperId: keeper.personId,
    capacity: 30,
    language: 'en',
    createdBy: organisation.founderId,
    ...(joinTokenHash
      ? { joinTokenHash, joinLinkExpiresAt: new Date(startsAt.getTime() + 90 * 60_000) }
      : {}),
  });
  const invited = side === 'other' ? [] : world.actors.flatMap((actor) => actor.personId ?? []);
  if (invited.length > 0) {
    await db.insert(circleInvitees).values(
      invited.map((personId) => ({
        id: crypto.randomUUID(),
        circleId: id,
        personId,
        language: 'en',
        tokenHash: newJoinLinkToken().tokenHash,
        invitedBy: organisation.founderId,
      })),
    );
  }
  return id;
}

async function addProgram(test: TestApp, name: string, organisationIds: [string, ...string[]]) {
  const { db } = test.context.database;
  const programId = crypto.randomUUID();
  await db.insert(programs).values({ id: programId, name, leadOrganisationId: organisationIds[0] });
  await db
    .insert(programOrganisations)
    .values(organisationIds.map((organisationId) => ({ programId, organisationId })));
  return programId;
}

/** The permission target of a program as it is stored now, with everyone who runs it. */
export async function storedProgramTarget(test: TestApp, programId: string): Promise<Target> {
  const program = await findProgram(test.context.database.db, programId);
  return {
    programId,
    organisationId: program?.leadOrganisationId,
    programOrganisationIds: program?.organisationIds ?? [],
  };
}

// Roles that cannot be held in one program: an admin's reach is the whole organisation.
const organisationOnlyRoles: ReadonlySet<Role> = new Set<Role>(['org_admin']);

export async function buildWorld(test: TestApp): Promise<World> {
  const { db } = test.context.database;
  const agency = await createOrganisation(db, {
    name: 'Eastside Police Department',
    kind: 'police_agency',
  });
  const community = await createOrganisation(db, {
    name: 'Northside Neighbourhood Trust',
    kind: 'community_organisation',
  });
  const youthClub = await createOrganisation(db, {
    name: 'Eastside Youth Club',
    kind: 'community_organisation',
  });
  const own: Organisation = {
    organisationId: agency,
    programId: await addProgram(test, 'Traffic stop listening circles', [agency, youthClub]),
    founderId: (await addPerson(test, { organisationId: agency, role: 'org_admin' })).personId,
  };
  const partner: Organisation = {
    organisationId: youthClub,
    programId: own.programId,
    founderId: (await addPerson(test, { organisationId: youthClub, role: 'org_admin' })).personId,
  };
  const other: Organisation = {
    organisationId: community,
    programId: await addProgram(test, 'Northside youth dialogues', [community]),
    founderId: (await addPerson(test, { organisationId: community, role: 'org_admin' })).personId,
  };

  const actors: MatrixActor[] = [{ label: 'signed out' }];
  for (const role of roles) {
    const atOrganisation = await addSignedInPerson(test, { organisationId: agency, role });
    actors.push({ label: `${role} of the organisation`, ...atOrganisation });
    if (organisationOnlyRoles.has(role)) continue;
    const inProgram = await addSignedInPerson(test, {
      organisationId: agency,
      programId: own.programId,
      role,
    });
    actors.push({ label: `${role} in its program`, ...inProgram });
  }
  // Disabled after signing in: the session they still hold must not work.
  const disabled = await addSignedInPerson(test, { organisationId: agency, role: 'org_admin' });
  await db.update(people).set({ disabledAt: new Date() }).where(eq(people.id, disabled.personId));
  actors.push({ label: 'disabled org_admin', ...disabled });
  // Staff act only once their second factor is set up; until then, only on their own account.
  const withoutSecondFactor = await addSignedInPerson(test, {
    organisationId: agency,
    role: 'org_admin',
  });
  await db
    .update(people)
    .set({ twoFactorEnabled: false })
    .where(eq(people.id, withoutSecondFactor.personId));
  actors.push({ label: 'org_admin without a second factor yet', ...withoutSecondFactor });

  // What the lists must not show to those who coordinate one program only: the people and
  // invitations of the organisation's other program, and of the organisation as a whole.
  const secondProgramId = await addProgram(test, 'Officer training cohort', [agency]);
  await addPerson(test, { organisationId: agency, programId: secondProgramId, role: 'officer' });
  await addInvitation(test, own, secondProgramId);
  await addInvitation(test, own, null);
  const openInvitation = await addInvitation(test, own, own.programId);
  // The partner's own people and invitations in the program they share are the partner's.
  await addPerson(test, {
    organisationId: youthClub,
    programId: own.programId,
    role: 'facilitator',
  });
  await addInvitation(test, partner, own.programId);
  const circleLink = newJoinLinkToken();
  await addCircle({ test, actors, own, partner, other }, 'own', circleLink.tokenHash);
  return {
    test,
    own,
    partner,
    other,
    actors,
    bystanderId: (await addPerson(test, { organisationId: agency, role: 'resident' })).personId,
    openInvitationToken: openInvitation.token,
    openCircleJoinToken: circleLink.token,
  };
}
