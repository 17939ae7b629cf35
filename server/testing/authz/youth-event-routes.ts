import { newInvitationToken } from '../../features/invitations/token.ts';
import { youngPeople, youthEvents, youthPrograms } from '../../features/youth/schema.ts';
import { youthSettingsFor } from '../../features/youth/testing.ts';
import type { AimedRequest, RouteCheck, RouteKey } from './routes.ts';
import { addPerson, organisationOf, type Side, storedProgramTarget, type World } from './world.ts';

// The routes of youth program events. The side's program is made a youth program before each
// request; an event's requests aim at a fresh event of it, and attendance at a fresh young adult
// of it, who needs no guardian's consent to be recorded.

async function asYouthProgram(world: World, side: Side) {
  const { programId, founderId } = organisationOf(world, side);
  await world.test.context.database.db
    .insert(youthPrograms)
    .values({ programId, ...youthSettingsFor(founderId), updatedBy: founderId })
    .onConflictDoNothing();
  return { programId, founderId, target: await storedProgramTarget(world.test, programId) };
}

async function aimAtEvent(
  world: World,
  side: Side,
  path: string,
  payload?: (youngPersonId: string) => object,
): Promise<AimedRequest> {
  const { programId, founderId, target } = await asYouthProgram(world, side);
  const { db } = world.test.context.database;
  const id = crypto.randomUUID();
  await db.insert(youthEvents).values({
    id,
    programId,
    title: 'Basketball at the rec centre',
    startsAt: new Date(Date.now() + 86_400_000),
    place: 'Riverside rec centre',
    createdBy: founderId,
  });
  const young = await addPerson(world.test, {
    organisationId: organisationOf(world, side).organisationId,
    programId,
    role: 'youth',
  });
  const youngPersonId = crypto.randomUUID();
  await db.insert(youngPeople).values({
    id: youngPersonId,
    programId,
    personId: young.personId,
    ageBand: '18-20',
    linkTokenHash: newInvitationToken().tokenHash,
    addedBy: founderId,
  });
  return {
    url: `/api/youth-events/${id}${path}`,
    ...(payload ? { payload: payload(youngPersonId) } : {}),
    expected: { target },
  };
}

export const youthEventRouteChecks: Record<RouteKey, RouteCheck> = {
  'GET /api/programs/{programId}/youth-events': {
    kind: 'table',
    action: 'youth.read',
    answers: 200,
    request: async (world, side) => {
      const { programId, target } = await asYouthProgram(world, side);
      return { url: `/api/programs/${programId}/youth-events`, expected: { target } };
    },
  },
  'POST /api/programs/{programId}/youth-events': {
    kind: 'table',
    action: 'youth.manage',
    answers: 201,
    request: async (world, side) => {
      const { programId, target } = await asYouthProgram(world, side);
      return {
        url: `/api/programs/${programId}/youth-events`,
        payload: {
          title: 'Visit to the fire station',
          startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          place: 'Station 4, Main Street',
        },
        expected: { target },
      };
    },
  },
  'GET /api/youth-events/{id}': {
    kind: 'table',
    action: 'youth.read',
    answers: 200,
    request: (world, side) => aimAtEvent(world, side, ''),
  },
  'PUT /api/youth-events/{id}/attendance': {
    kind: 'table',
    action: 'youth.read',
    answers: 200,
    request: (world, side) =>
      aimAtEvent(world, side, '/attendance', (youngPersonId) => ({
        attendance: [{ youngPersonId, present: true }],
      })),
  },
  // Anyone signed in may ask: someone who is no young person of a program finds no events.
  'GET /api/me/youth-events': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    request: () => ({ url: '/api/me/youth-events' }),
  },
};
