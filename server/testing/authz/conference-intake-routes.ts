import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { CaseSummary } from '../../../shared/conferences/contract.ts';
import { type Actor, decide } from '../../../shared/permissions/decide.ts';
import { isOnTeam } from '../../features/conferences/access.ts';
import { conferenceTeam } from '../../features/conferences/schema.ts';
import { assignToTeam, insertCase } from '../../features/conferences/testing.ts';
import type { AimedRequest, RouteCheck, RouteKey } from './routes.ts';
import { addPerson, organisationOf, type Side, storedProgramTarget, type World } from './world.ts';

// The routes of conference intake. A program's settings, board and staff list are the table's
// to decide on the side's program (403 when it refuses). A case is its team's: every actor is
// put on the team of the case a request aims at, so that the table's 'conference.facilitate'
// says who reads it and takes its steps; those the table refuses find no such case (404), as
// nobody outside the team may learn that a case exists. The team itself is built by the
// program's coordinators, on a case with no actor on its team. The public referral routes are
// asked with a link nobody made: a 400 on the token, to anyone.

const unknownLinkToken = 'a'.repeat(43);

const storeOf = (world: World) => ({
  db: world.test.context.database.db,
  cipher: world.test.context.cipher,
});

/** A new community case of the side's program; with `everyone`, every actor is on its team. */
async function caseOf(world: World, side: Side, team: 'everyone' | 'no actor') {
  const { programId, founderId } = organisationOf(world, side);
  const { conferenceId } = await insertCase(storeOf(world), { programId, harmType: 'theft' });
  const members = team === 'everyone' ? world.actors.flatMap((actor) => actor.personId ?? []) : [];
  if (members.length > 0) {
    await world.test.context.database.db.insert(conferenceTeam).values(
      members.map((personId) => ({
        id: crypto.randomUUID(),
        conferenceId,
        personId,
        role: 'facilitator',
        assignedBy: founderId,
      })),
    );
  }
  return conferenceId;
}

// Reading a case changes nothing, and its team changes leave no actor on it: one case of each
// kind per side serves every actor.
const madeCases = new WeakMap<World, Map<string, string>>();
async function sharedCaseOf(world: World, side: Side, team: 'everyone' | 'no actor') {
  const made = madeCases.get(world) ?? new Map<string, string>();
  madeCases.set(world, made);
  const key = `${side} ${team}`;
  const known = made.get(key) ?? (await caseOf(world, side, team));
  made.set(key, known);
  return known;
}

async function aimAtCase(
  world: World,
  side: Side,
  conferenceId: string,
  path: string,
  payload?: object,
): Promise<AimedRequest> {
  const { programId } = organisationOf(world, side);
  return {
    url: `/api/conferences/${conferenceId}${path}`,
    ...(payload ? { payload } : {}),
    expected: { target: await storedProgramTarget(world.test, programId) },
  };
}

async function aimAtProgram(world: World, side: Side, path: string, payload?: object) {
  const { programId } = organisationOf(world, side);
  return {
    url: `/api/programs/${programId}${path}`,
    ...(payload ? { payload } : {}),
    expected: { target: await storedProgramTarget(world.test, programId) },
  };
}

/**
 * A facilitator of the side's program, whom a coordinator may put on a case team. One per side
 * serves every request: putting them on again, or taking them off after putting them on, is
 * answered as the first time.
 */
const madeFacilitators = new WeakMap<World, Map<Side, string>>();
async function facilitatorOf(world: World, side: Side): Promise<string> {
  const made = madeFacilitators.get(world) ?? new Map<Side, string>();
  madeFacilitators.set(world, made);
  const { organisationId, programId } = organisationOf(world, side);
  const known =
    made.get(side) ??
    (await addPerson(world.test, { organisationId, programId, role: 'facilitator' })).personId;
  made.set(side, known);
  return known;
}

/**
 * The board may show a case to its coordinators, and to the members of its team: anything else
 * it shows is beyond the actor's reach.
 */
async function boardBeyondReach(world: World, programId: string, actor: Actor, body: string) {
  const shown = JSON.parse(body) as CaseSummary[];
  if (shown.length === 0) return [];
  const target = await storedProgramTarget(world.test, programId);
  if (decide(actor, 'conference.coordinate', target).allowed) return [];
  const onTeam = await world.test.context.database.db
    .select({ id: conferenceTeam.conferenceId })
    .from(conferenceTeam)
    .where(
      and(
        eq(conferenceTeam.personId, actor.personId),
        isNull(conferenceTeam.removedAt),
        inArray(
          conferenceTeam.conferenceId,
          shown.map((summary) => summary.id),
        ),
      ),
    );
  const theirs = new Set(onTeam.map((row) => row.id));
  return shown.filter((summary) => !theirs.has(summary.id)).map((summary) => summary.reference);
}

export const conferenceIntakeRouteChecks: Record<RouteKey, RouteCheck> = {
  'GET /api/programs/{programId}/conference-settings': {
    kind: 'table',
    action: 'conference.configure',
    answers: 200,
    request: (world, side) => aimAtProgram(world, side, '/conference-settings'),
  },
  'PUT /api/programs/{programId}/conference-settings': {
    kind: 'table',
    action: 'conference.configure',
    answers: 200,
    request: (world, side) =>
      aimAtProgram(world, side, '/conference-settings', {
        misconduct: false,
        rules: [],
        scriptOrder: 'harmed_first',
      }),
  },
  'POST /api/programs/{programId}/conference-settings/referral-link': {
    kind: 'table',
    action: 'conference.configure',
    answers: 201,
    request: (world, side) => aimAtProgram(world, side, '/conference-settings/referral-link', {}),
  },
  'POST /api/conference-referral/preview': {
    kind: 'public',
    answers: 400,
    request: () => ({
      url: '/api/conference-referral/preview',
      payload: { token: unknownLinkToken },
    }),
  },
  'POST /api/conference-referral': {
    kind: 'public',
    answers: 400,
    request: () => ({
      url: '/api/conference-referral',
      payload: {
        token: unknownLinkToken,
        referrerKind: 'person_harmed',
        referrerName: 'Dana',
        referrerContact: 'dana@example.org',
        incidentSummary: 'An officer was rude at a traffic stop.',
        harmType: 'discourtesy',
        urgency: 'routine',
      },
    }),
  },
  'POST /api/conference-referral/status': {
    kind: 'public',
    answers: 400,
    request: () => ({
      url: '/api/conference-referral/status',
      payload: { token: unknownLinkToken },
    }),
  },
  'GET /api/programs/{programId}/conferences': {
    kind: 'table',
    action: 'conference.facilitate',
    answers: 200,
    request: async (world, side) => {
      const { programId } = organisationOf(world, side);
      // A case on no actor's team: only the program's coordinators see it.
      await sharedCaseOf(world, side, 'everyone');
      await sharedCaseOf(world, side, 'no actor');
      return {
        ...(await aimAtProgram(world, side, '/conferences')),
        shownBeyondReach: (actor, body) => boardBeyondReach(world, programId, actor, body),
      };
    },
  },
  'GET /api/programs/{programId}/conference-people': {
    kind: 'table',
    action: 'conference.coordinate',
    answers: 200,
    request: (world, side) => aimAtProgram(world, side, '/conference-people'),
  },
  'GET /api/conferences/{id}': {
    kind: 'table',
    action: 'conference.facilitate',
    refusedAs: 404,
    answers: 200,
    request: async (world, side) =>
      aimAtCase(world, side, await sharedCaseOf(world, side, 'everyone'), ''),
  },
  'POST /api/conferences/{id}/transitions': {
    kind: 'table',
    action: 'conference.facilitate',
    refusedAs: 404,
    answers: 200,
    request: async (world, side) =>
      aimAtCase(world, side, await caseOf(world, side, 'everyone'), '/transitions', {
        type: 'begin_screening',
      }),
  },
  'POST /api/conferences/{id}/team': {
    kind: 'table',
    action: 'conference.coordinate',
    refusedAs: 404,
    answers: 200,
    request: async (world, side) => {
      const facilitatorId = await facilitatorOf(world, side);
      return aimAtCase(world, side, await sharedCaseOf(world, side, 'no actor'), '/team', {
        personId: facilitatorId,
        role: 'lead',
      });
    },
  },
  'DELETE /api/conferences/{id}/team/{personId}': {
    kind: 'table',
    action: 'conference.coordinate',
    refusedAs: 404,
    answers: 200,
    request: async (world, side) => {
      const conferenceId = await sharedCaseOf(world, side, 'no actor');
      const facilitatorId = await facilitatorOf(world, side);
      const { founderId } = organisationOf(world, side);
      if (!(await isOnTeam(world.test.context.database.db, conferenceId, facilitatorId))) {
        await assignToTeam(storeOf(world), conferenceId, facilitatorId, founderId);
      }
      return aimAtCase(world, side, conferenceId, `/team/${facilitatorId}`);
    },
  },
};
