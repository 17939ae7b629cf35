import type { VoiceReport } from '../../../shared/circles/contract.ts';
import {
  insertCircle,
  insertHarvest,
  insertInvitee,
  insertTranscript,
  type TestSeat,
} from '../../features/circles/testing.ts';
import type { AimedRequest, RouteCheck, RouteKey } from './routes.ts';
import {
  addCircle,
  addPerson,
  type MatrixActor,
  organisationOf,
  type Side,
  storedProgramTarget,
  type World,
} from './world.ts';

// The routes of circles. Before a circle: planning, reading, joining and managing a fresh circle
// of the side's program, planned by the organisation's founder and kept by a facilitator, so
// that only the table's 'circle.manage' reaches its management. After it closes: the circles are
// kept by the founder, whom no actor is: what the actors may do comes from the table alone
// (managers write the harvest, reporters read equal voice, readers see where a series stands).
// A participant's own answer and the transcript are a seat's own records: the actor sits in the
// circle, and in someone else's circle they find nothing (404).

const fresh = () => crypto.randomUUID().slice(0, 8);
const unknownJoinToken = 'a'.repeat(43);

const figures: VoiceReport = {
  officers: { people: 2, turns: 6, heldMs: 240_000 },
  residents: { people: 5, turns: 15, heldMs: 600_000 },
  others: { people: 1, turns: 2, heldMs: 30_000 },
};

async function closedCircleOf(world: World, side: Side, seats: TestSeat[] = []) {
  const { programId, founderId } = organisationOf(world, side);
  const { db } = world.test.context.database;
  return insertCircle(db, { programId, keeperId: founderId, seats, voice: figures });
}

/** A request about a fresh closed circle of the side's program, with its harvest so far. */
async function aimAtClosedCircle(
  world: World,
  side: Side,
  path: string,
  harvest: 'none' | 'draft' | 'approved',
  payload?: object,
) {
  const organisation = organisationOf(world, side);
  const { db } = world.test.context.database;
  const someone = await addPerson(world.test, {
    organisationId: organisation.organisationId,
    programId: organisation.programId,
    role: 'resident',
  });
  const seat: TestSeat = { personId: someone.personId, displayName: 'Jo', role: 'resident' };
  const { circleId, seatOf } = await closedCircleOf(world, side, [seat]);
  if (harvest !== 'none') {
    await insertHarvest(db, world.test.context.cipher, circleId, {
      writtenBy: organisation.founderId,
      status: harvest === 'draft' ? 'draft' : 'shared',
      approvedBy: harvest === 'approved' ? [seatOf.get(someone.personId) ?? ''] : [],
    });
  }
  return {
    url: `/api/circles/${circleId}${path}`,
    ...(payload ? { payload } : {}),
    expected: { target: await storedProgramTarget(world.test, organisation.programId) },
  };
}

/** A closed circle of the own program, the actor seated in it (or a bystander, for others). */
async function seatedIn(world: World, personId: string, what: 'shared harvest' | 'transcript') {
  const { db } = world.test.context.database;
  const seat: TestSeat = { personId, displayName: 'Jo', role: 'resident' };
  const { circleId } = await closedCircleOf(world, 'own', [seat]);
  if (what === 'transcript') {
    await insertTranscript(
      db,
      world.test.context.cipher,
      circleId,
      [],
      new Date(Date.now() + 864e5),
    );
  } else {
    await insertHarvest(db, world.test.context.cipher, circleId, {
      writtenBy: world.own.founderId,
      status: 'shared',
    });
  }
  return circleId;
}

const asSeated = (what: 'shared harvest' | 'transcript', path: string, payload?: object) => ({
  async request(world: World, actor: MatrixActor) {
    const circleId = await seatedIn(world, actor.personId ?? world.bystanderId, what);
    return { url: `/api/circles/${circleId}${path}`, ...(payload ? { payload } : {}) };
  },
  async otherPersons(world: World) {
    const circleId = await seatedIn(world, world.bystanderId, what);
    return { url: `/api/circles/${circleId}${path}`, ...(payload ? { payload } : {}) };
  },
});

// Reading a circle changes nothing, so one circle per side serves every actor: every actor is
// asked to it, as a resident must be to see a circle at all.
const readableCircles = new WeakMap<World, Map<Side, string>>();
async function readableCircleOf(world: World, side: Side): Promise<string> {
  const made = readableCircles.get(world) ?? new Map<Side, string>();
  readableCircles.set(world, made);
  const known = made.get(side);
  if (known) return known;
  const { circleId } = await closedCircleOf(world, side);
  const { founderId } = organisationOf(world, side);
  for (const actor of world.actors) {
    if (actor.personId) {
      await insertInvitee(world.test.context.database.db, circleId, actor.personId, founderId);
    }
  }
  made.set(side, circleId);
  return circleId;
}

/** A fresh circle in the side's program, and a request about it. */
async function aimAtPlannedCircle(
  world: World,
  side: Side,
  path: string,
  payload?: object,
): Promise<AimedRequest> {
  const circleId = await addCircle(world, side);
  const { programId } = organisationOf(world, side);
  return {
    url: `/api/circles/${circleId}${path}`,
    ...(payload ? { payload } : {}),
    expected: { target: await storedProgramTarget(world.test, programId) },
  };
}

export const circleRouteChecks: Record<RouteKey, RouteCheck> = {
  'POST /api/circle-join/preview': {
    kind: 'public',
    answers: 200,
    request: (world) => ({
      url: '/api/circle-join/preview',
      payload: { token: world.openCircleJoinToken },
    }),
  },
  // A real token would seat the actor and could give them a role; an unknown one is a 400 on
  // the token, to anyone.
  'POST /api/circle-join': {
    kind: 'public',
    answers: 400,
    request: () => ({
      url: '/api/circle-join',
      payload: {
        token: unknownJoinToken,
        displayName: 'Sam',
        language: 'en',
        agreeToGuidelines: true,
      },
    }),
  },

  'GET /api/programs/{programId}/circles': {
    kind: 'table',
    action: 'circle.read',
    answers: 200,
    request: async (world, side) => {
      const { programId } = organisationOf(world, side);
      return {
        url: `/api/programs/${programId}/circles`,
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
  'POST /api/programs/{programId}/circles': {
    kind: 'table',
    action: 'circle.create',
    answers: 201,
    request: async (world, side) => {
      const { organisationId, programId } = organisationOf(world, side);
      const keeper = await addPerson(world.test, {
        organisationId,
        programId,
        role: 'facilitator',
      });
      const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 16);
      return {
        url: `/api/programs/${programId}/circles`,
        payload: {
          purpose: `Traffic stops ${fresh()}`,
          startsAtLocal: startsAt,
          timeZone: 'UTC',
          keeperId: keeper.personId,
          capacity: 12,
          language: 'en',
        },
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
  'GET /api/programs/{programId}/circle-people': {
    kind: 'table',
    action: 'circle.create',
    answers: 200,
    request: async (world, side) => {
      const { programId } = organisationOf(world, side);
      return {
        url: `/api/programs/${programId}/circle-people`,
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
  'GET /api/circles/mine': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    request: () => ({ url: '/api/circles/mine' }),
  },
  // Bytes to time before turning on voice, for anyone: a resident with a join link checks before
  // joining, with no session yet. No circle is named; the bytes are random.
  'GET /api/circles/connection-check': {
    kind: 'public',
    answers: 200,
    request: () => ({ url: '/api/circles/connection-check?kb=1' }),
  },
  'GET /api/circles/{id}': {
    kind: 'table',
    action: 'circle.read',
    answers: 200,
    request: (world, side) => aimAtPlannedCircle(world, side, ''),
  },
  'GET /api/circles/{id}/calendar.ics': {
    kind: 'table',
    action: 'circle.read',
    answers: 200,
    request: (world, side) => aimAtPlannedCircle(world, side, '/calendar.ics'),
  },
  'GET /api/circles/{id}/pre-join': {
    kind: 'table',
    action: 'circle.read',
    answers: 200,
    request: (world, side) => aimAtPlannedCircle(world, side, '/pre-join'),
  },
  'POST /api/circles/{id}/join': {
    kind: 'table',
    action: 'circle.read',
    answers: 200,
    request: (world, side) =>
      aimAtPlannedCircle(world, side, '/join', {
        displayName: 'Sam',
        language: 'en',
        agreeToGuidelines: true,
      }),
  },
  // Made by the program's founder and kept by a facilitator: only 'circle.manage' reaches it.
  'POST /api/circles/{id}/cancel': {
    kind: 'table',
    action: 'circle.manage',
    answers: 200,
    request: (world, side) => aimAtPlannedCircle(world, side, '/cancel', {}),
  },
  'POST /api/circles/{id}/invitations': {
    kind: 'table',
    action: 'circle.manage',
    answers: 200,
    request: (world, side) =>
      aimAtPlannedCircle(world, side, '/invitations', { emails: [`asked-${fresh()}@example.org`] }),
  },
  'POST /api/circles/{id}/join-link': {
    kind: 'table',
    action: 'circle.manage',
    answers: 201,
    request: (world, side) => aimAtPlannedCircle(world, side, '/join-link', {}),
  },
  'DELETE /api/circles/{id}/join-link': {
    kind: 'table',
    action: 'circle.manage',
    answers: 204,
    request: (world, side) => aimAtPlannedCircle(world, side, '/join-link'),
  },

  'GET /api/circles/{id}/harvest': {
    kind: 'table',
    action: 'circle.manage',
    answers: 200,
    request: (world, side) => aimAtClosedCircle(world, side, '/harvest', 'draft'),
  },
  'PUT /api/circles/{id}/harvest': {
    kind: 'table',
    action: 'circle.manage',
    answers: 200,
    request: (world, side) =>
      aimAtClosedCircle(world, side, '/harvest', 'none', { themes: 'What we heard.' }),
  },
  'POST /api/circles/{id}/harvest/share': {
    kind: 'table',
    action: 'circle.manage',
    answers: 200,
    request: (world, side) => aimAtClosedCircle(world, side, '/harvest/share', 'draft'),
  },
  'POST /api/circles/{id}/harvest/finalise': {
    kind: 'table',
    action: 'circle.manage',
    answers: 200,
    request: (world, side) => aimAtClosedCircle(world, side, '/harvest/finalise', 'approved'),
  },
  'POST /api/circles/{id}/harvest/reviews': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    ...asSeated('shared harvest', '/harvest/reviews', { decision: 'approve' }),
  },
  'GET /api/circles/{id}/transcript': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    ...asSeated('transcript', '/transcript'),
  },
  'GET /api/circles/{id}/voice': {
    kind: 'table',
    action: 'circle.report',
    answers: 200,
    request: (world, side) => aimAtClosedCircle(world, side, '/voice', 'none'),
  },
  'GET /api/programs/{programId}/circle-voice': {
    kind: 'table',
    action: 'circle.report',
    answers: 200,
    request: async (world, side) => {
      const { programId } = organisationOf(world, side);
      return {
        url: `/api/programs/${programId}/circle-voice`,
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
  'GET /api/circles/{id}/previous': {
    kind: 'table',
    action: 'circle.read',
    answers: 200,
    request: async (world, side) => {
      const { programId } = organisationOf(world, side);
      return {
        url: `/api/circles/${await readableCircleOf(world, side)}/previous`,
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
};
