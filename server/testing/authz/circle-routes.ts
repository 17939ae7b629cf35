import type { VoiceReport } from '../../../shared/circles/contract.ts';
import {
  insertCircle,
  insertHarvest,
  insertInvitee,
  insertTranscript,
  type TestSeat,
} from '../../features/circles/testing.ts';
import type { RouteCheck, RouteKey } from './routes.ts';
import {
  addPerson,
  type MatrixActor,
  organisationOf,
  type Side,
  storedProgramTarget,
  type World,
} from './world.ts';

// The routes after a circle closes. The circles are the side's program's, kept by the
// organisation's founder, whom no actor is: what the actors may do comes from the table alone
// (managers write the harvest, reporters read equal voice, readers see where a series stands).
// A participant's own answer and the transcript are a seat's own records: the actor sits in the
// circle, and in someone else's circle they find nothing (404).

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
async function aimAtCircle(
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

export const circleRouteChecks: Record<RouteKey, RouteCheck> = {
  'GET /api/circles/{id}/harvest': {
    kind: 'table',
    action: 'circle.manage',
    answers: 200,
    request: (world, side) => aimAtCircle(world, side, '/harvest', 'draft'),
  },
  'PUT /api/circles/{id}/harvest': {
    kind: 'table',
    action: 'circle.manage',
    answers: 200,
    request: (world, side) =>
      aimAtCircle(world, side, '/harvest', 'none', { themes: 'What we heard.' }),
  },
  'POST /api/circles/{id}/harvest/share': {
    kind: 'table',
    action: 'circle.manage',
    answers: 200,
    request: (world, side) => aimAtCircle(world, side, '/harvest/share', 'draft'),
  },
  'POST /api/circles/{id}/harvest/finalise': {
    kind: 'table',
    action: 'circle.manage',
    answers: 200,
    request: (world, side) => aimAtCircle(world, side, '/harvest/finalise', 'approved'),
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
    request: (world, side) => aimAtCircle(world, side, '/voice', 'none'),
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
