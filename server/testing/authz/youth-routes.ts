import { newInvitationToken } from '../../features/invitations/token.ts';
import { sealGuardian } from '../../features/youth/members.ts';
import { youngPeople, youthPrograms } from '../../features/youth/schema.ts';
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
};
