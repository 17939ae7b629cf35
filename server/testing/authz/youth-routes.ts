import { eq } from 'drizzle-orm';
import { newInvitationToken } from '../../features/invitations/token.ts';
import { memberships } from '../../features/organisations/schema.ts';
import { sealGuardian } from '../../features/youth/members.ts';
import { mentoringPairs, youngPeople, youthPrograms } from '../../features/youth/schema.ts';
import { youthSettingsFor } from '../../features/youth/testing.ts';
import type { AimedRequest, RouteCheck, RouteKey } from './routes.ts';
import { addPerson, organisationOf, type Side, storedProgramTarget, type World } from './world.ts';

// The routes of youth programs. The side's program is made a youth program (with its founder,
// an administrator, as the safeguarding lead) before each request; requests about one young
// person aim at a fresh one of the side's program, a minor whose guardian has not been asked.

async function asYouthProgram(world: World, side: Side) {
  const { programId, founderId } = organisationOf(world, side);
  await world.test.context.database.db
    .insert(youthPrograms)
    .values({ programId, ...youthSettingsFor(founderId), updatedBy: founderId })
    .onConflictDoNothing();
  return { programId, founderId };
}

async function inYouthProgram(
  world: World,
  side: Side,
  path: string,
  payload?: object,
): Promise<AimedRequest> {
  const { programId } = await asYouthProgram(world, side);
  return {
    url: `/api/programs/${programId}${path}`,
    ...(payload ? { payload } : {}),
    expected: { target: await storedProgramTarget(world.test, programId) },
  };
}

async function aimAtYoungPerson(world: World, side: Side, path: string): Promise<AimedRequest> {
  const { programId, founderId } = await asYouthProgram(world, side);
  const { organisationId } = organisationOf(world, side);
  const { personId } = await addPerson(world.test, { organisationId, programId, role: 'youth' });
  const id = crypto.randomUUID();
  await world.test.context.database.db.insert(youngPeople).values({
    id,
    programId,
    personId,
    ageBand: '14-15',
    guardianContact: sealGuardian(world.test.context, id, {
      name: 'A guardian',
      email: `guardian-${id.slice(0, 8)}@example.org`,
    }),
    guardianLanguage: 'en',
    linkTokenHash: newInvitationToken().tokenHash,
    addedBy: founderId,
  });
  return {
    url: `/api/young-people/${id}${path}`,
    expected: { target: await storedProgramTarget(world.test, programId) },
  };
}

/** A verified officer of the side's program and a young adult of it, ready to be paired. */
async function mentorAndYoungAdult(world: World, side: Side) {
  const { programId, founderId } = await asYouthProgram(world, side);
  const { organisationId } = organisationOf(world, side);
  const { db } = world.test.context.database;
  const officer = await addPerson(world.test, { organisationId, programId, role: 'officer' });
  await db
    .update(memberships)
    .set({ verifiedAt: new Date() })
    .where(eq(memberships.id, officer.membershipId));
  const young = await addPerson(world.test, { organisationId, programId, role: 'youth' });
  const youngPersonId = crypto.randomUUID();
  await db.insert(youngPeople).values({
    id: youngPersonId,
    programId,
    personId: young.personId,
    ageBand: '18-20',
    linkTokenHash: newInvitationToken().tokenHash,
    addedBy: founderId,
  });
  return { programId, founderId, mentorId: officer.personId, youngPersonId };
}

/** A pair of the side's program, whose watchers (its founder, the safeguarding lead) read along. */
async function aimAtPair(
  world: World,
  side: Side,
  path: string,
  payload?: object,
): Promise<AimedRequest> {
  const made = await mentorAndYoungAdult(world, side);
  const id = crypto.randomUUID();
  await world.test.context.database.db.insert(mentoringPairs).values({
    id,
    programId: made.programId,
    mentorId: made.mentorId,
    youngPersonId: made.youngPersonId,
    createdBy: made.founderId,
  });
  return {
    url: `/api/mentoring-pairs/${id}${path}`,
    ...(payload ? { payload } : {}),
    expected: { target: await storedProgramTarget(world.test, made.programId) },
  };
}

const unknownToken = 'c'.repeat(43);

export const youthRouteChecks: Record<RouteKey, RouteCheck> = {
  'GET /api/programs/{programId}/youth': {
    kind: 'table',
    action: 'youth.read',
    answers: 200,
    request: (world, side) => inYouthProgram(world, side, '/youth'),
  },
  'PUT /api/programs/{programId}/youth': {
    kind: 'table',
    action: 'youth.configure',
    answers: 200,
    request: (world, side) =>
      inYouthProgram(
        world,
        side,
        '/youth',
        youthSettingsFor(organisationOf(world, side).founderId),
      ),
  },
  'GET /api/programs/{programId}/young-people': {
    kind: 'table',
    action: 'youth.read',
    answers: 200,
    request: (world, side) => inYouthProgram(world, side, '/young-people'),
  },
  // A young adult: no guardian is asked, so nothing is mailed.
  'POST /api/programs/{programId}/young-people': {
    kind: 'table',
    action: 'youth.manage',
    answers: 201,
    request: (world, side) =>
      inYouthProgram(world, side, '/young-people', { displayName: 'Jo', ageBand: '18-20' }),
  },
  'POST /api/young-people/{id}/link': {
    kind: 'table',
    action: 'youth.manage',
    answers: 200,
    request: (world, side) => aimAtYoungPerson(world, side, '/link'),
  },
  'POST /api/young-people/{id}/leave': {
    kind: 'table',
    action: 'youth.manage',
    answers: 204,
    request: (world, side) => aimAtYoungPerson(world, side, '/leave'),
  },
  'POST /api/young-people/{id}/consent-request': {
    kind: 'table',
    action: 'youth.manage',
    answers: 200,
    request: (world, side) => aimAtYoungPerson(world, side, '/consent-request'),
  },
  // The links are secrets: an unknown one finds nothing, for anyone.
  'GET /api/consent': {
    kind: 'public',
    answers: 404,
    request: () => ({ url: `/api/consent?token=${unknownToken}` }),
  },
  'POST /api/consent': {
    kind: 'public',
    answers: 404,
    request: () => ({ url: '/api/consent', payload: { token: unknownToken, answer: 'give' } }),
  },
  'GET /api/consent/mentoring': {
    kind: 'public',
    answers: 404,
    request: () => ({ url: `/api/consent/mentoring?token=${unknownToken}` }),
  },
  'POST /api/youth/join': {
    kind: 'public',
    answers: 404,
    request: () => ({ url: '/api/youth/join', payload: { token: unknownToken } }),
  },
  'GET /api/me/youth': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    request: () => ({ url: '/api/me/youth' }),
  },
  'GET /api/programs/{programId}/mentoring-pairs': {
    kind: 'table',
    action: 'youth.read',
    answers: 200,
    request: (world, side) => inYouthProgram(world, side, '/mentoring-pairs'),
  },
  'POST /api/programs/{programId}/mentoring-pairs': {
    kind: 'table',
    action: 'youth.manage',
    answers: 201,
    request: async (world, side) => {
      const { mentorId, youngPersonId } = await mentorAndYoungAdult(world, side);
      return inYouthProgram(world, side, '/mentoring-pairs', { mentorId, youngPersonId });
    },
  },
  'GET /api/programs/{programId}/mentors': {
    kind: 'table',
    action: 'youth.manage',
    answers: 200,
    request: (world, side) => inYouthProgram(world, side, '/mentors'),
  },
  'GET /api/me/mentoring': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    request: () => ({ url: '/api/me/mentoring' }),
  },
  // Outside the pair, a pair's existence is not told: refusals find nothing.
  'GET /api/mentoring-pairs/{id}': {
    kind: 'table',
    action: 'youth.manage',
    refusedAs: 404,
    answers: 200,
    request: (world, side) => aimAtPair(world, side, ''),
  },
  'POST /api/mentoring-pairs/{id}/messages': {
    kind: 'table',
    action: 'youth.manage',
    refusedAs: 404,
    answers: 200,
    request: (world, side) => aimAtPair(world, side, '/messages', { body: 'How was the week?' }),
  },
  'POST /api/mentoring-pairs/{id}/meetings': {
    kind: 'table',
    action: 'youth.manage',
    refusedAs: 404,
    answers: 200,
    request: (world, side) =>
      aimAtPair(world, side, '/meetings', {
        metAt: new Date(Date.now() - 3_600_000).toISOString(),
        place: 'Riverside library',
        present: ['A facilitator'],
      }),
  },
};
