import { eq } from 'drizzle-orm';
import { GUIDELINES_VERSION } from '../../../shared/circles/contract.ts';
import type { CircleRole } from '../../../shared/circles/machine.ts';
import { isStaffRole, type Role } from '../../../shared/permissions/roles.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import { memberships, programOrganisations, programs } from '../organisations/schema.ts';
import { createOrganisation, grantMembership } from '../organisations/service.ts';
import { circleParticipants, circles } from './schema.ts';

// Circles with people already seated and signed in, for the live room's tests and benchmark.
// Seats are written directly, as the pre-join step writes them (keepers get theirs the same
// way); sessions are better-auth's own, made as accepting an invitation makes them.

export interface SeededProgram {
  programId: string;
  communityId: string;
  policeId: string;
}

export interface SeatedPerson {
  personId: string;
  participantId: string;
  name: string;
  role: CircleRole;
  /** The session cookie, as a browser sends it. */
  cookie: string;
}

export interface SeededCircle {
  circleId: string;
  programId: string;
  people: SeatedPerson[];
}

export async function seedProgram(
  context: AppContext,
  options: { transcriptRetentionDays?: number } = {},
): Promise<SeededProgram> {
  const { db } = context.database;
  const communityId = await createOrganisation(db, {
    name: 'Eastside Community Trust',
    kind: 'community_organisation',
  });
  const policeId = await createOrganisation(db, {
    name: 'Eastside Police Department',
    kind: 'police_agency',
  });
  const programId = crypto.randomUUID();
  await db.insert(programs).values({
    id: programId,
    name: 'Listening circles',
    leadOrganisationId: communityId,
    transcriptRetentionDays: options.transcriptRetentionDays ?? 30,
  });
  await db.insert(programOrganisations).values([
    { programId, organisationId: communityId },
    { programId, organisationId: policeId },
  ]);
  return { programId, communityId, policeId };
}

/** A session cookie for the person, made by better-auth as after accepting an invitation. */
export async function sessionCookieOf(context: AppContext, personId: string): Promise<string> {
  const { headers } = await context.auth.api.signInAfterInvitation({
    body: { personId },
    headers: new Headers(),
    returnHeaders: true,
  });
  const [cookie = ''] = headers.getSetCookie();
  return cookie.split(';')[0] ?? '';
}

const membershipRole: Record<CircleRole, Role> = {
  keeper: 'facilitator',
  co_keeper: 'facilitator',
  officer: 'officer',
  resident: 'resident',
  other: 'resident',
};

async function addPerson(
  context: AppContext,
  program: SeededProgram,
  person: { name: string; role: CircleRole },
): Promise<{ personId: string; cookie: string }> {
  const { db } = context.database;
  const personId = crypto.randomUUID();
  const role = membershipRole[person.role];
  await db.insert(people).values({
    id: personId,
    name: person.name,
    email: `${personId}@people.example`,
    emailVerified: true,
  });
  await grantMembership(db, {
    personId,
    organisationId: role === 'officer' ? program.policeId : program.communityId,
    ...(role === 'officer' ? {} : { programId: program.programId }),
    role,
  });
  if (role === 'officer') {
    await db
      .update(memberships)
      .set({ verifiedAt: new Date() })
      .where(eq(memberships.personId, personId));
  }
  // Staff have set up their second factor, as they must before doing anything.
  if (isStaffRole(role)) {
    await db.update(people).set({ twoFactorEnabled: true }).where(eq(people.id, personId));
  }
  return { personId, cookie: await sessionCookieOf(context, personId) };
}

/** Seats someone in a circle, as agreeing to its guidelines does; returns their participant id. */
export async function seatPerson(
  context: AppContext,
  seat: { circleId: string; personId: string; displayName: string; role: CircleRole },
): Promise<string> {
  const participantId = crypto.randomUUID();
  await context.database.db.insert(circleParticipants).values({
    id: participantId,
    ...seat,
    language: 'en',
    guidelinesVersion: GUIDELINES_VERSION,
  });
  return participantId;
}

/** A scheduled circle of the program, kept by the first person given, with everyone seated. */
export async function seedCircle(
  context: AppContext,
  program: SeededProgram,
  seated: { name: string; role: CircleRole }[],
): Promise<SeededCircle> {
  const added = [];
  for (const person of seated)
    added.push({ ...person, ...(await addPerson(context, program, person)) });
  const keeper = added[0];
  if (!keeper) throw new Error('A circle needs its keeper.');
  const circleId = crypto.randomUUID();
  await context.database.db.insert(circles).values({
    id: circleId,
    programId: program.programId,
    purpose: 'Traffic stops on Eastside: what happened, and what would help',
    startsAt: new Date(),
    timeZone: 'UTC',
    keeperId: keeper.personId,
    capacity: Math.min(30, Math.max(5, seated.length)),
    language: 'en',
    createdBy: keeper.personId,
  });
  const result: SeatedPerson[] = [];
  for (const person of added) {
    const participantId = await seatPerson(context, {
      circleId,
      personId: person.personId,
      displayName: person.name,
      role: person.role,
    });
    result.push({ ...person, participantId });
  }
  return { circleId, programId: program.programId, people: result };
}
