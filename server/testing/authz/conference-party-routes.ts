import { CONSENT_VERSION } from '../../../shared/conferences/consent.ts';
import { insertParty } from '../../features/conferences/testing.ts';
import {
  consentedParty,
  inAWeek,
  partyCaseFor,
  sharedCase,
  storeOf,
} from './conference-party-cases.ts';
import type { AimedRequest, RouteCheck, RouteKey } from './routes.ts';
import {
  type MatrixActor,
  organisationOf,
  type Side,
  storedProgramTarget,
  type World,
} from './world.ts';

// The routes of a conference's parties, preparation, conference and oversight. A case's team is
// its assigned people who may facilitate in its program, and the program's coordinators: here
// every actor is assigned, so the table's 'conference.facilitate' says who reaches it, and
// anyone else does not find the case (404), since that it exists is confidential. The misconduct
// cases oversight reads are about a police agency none of the actors belongs to: the firewall
// is its own tests' subject (oversight.test.ts). A party's own part is theirs alone: the actor
// is a party to a case of the own program, and to someone else's part they find nothing.

const unknownLinkToken = 'a'.repeat(43);

async function aimAt(
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

/** A team route on a shared case of the side. */
const onCase =
  (kind: 'scheduled' | 'parties' | 'screened', path: string, payload?: object) =>
  async (world: World, side: Side) =>
    aimAt(world, side, await sharedCase(world, side, kind), path, payload);

/** A team route on a fresh party of the side's shared case, consented or not. */
const onNewParty =
  (path: string, consented: boolean, payload?: object) => async (world: World, side: Side) => {
    const conferenceId = await sharedCase(world, side, 'parties');
    const { founderId } = organisationOf(world, side);
    const partyId = consented
      ? await consentedParty(world, conferenceId, 'supporter', founderId)
      : await insertParty(storeOf(world), conferenceId, {
          role: 'harmed',
          name: 'Sam',
          addedBy: founderId,
        });
    return aimAt(world, side, conferenceId, `/parties/${partyId}${path}`, payload);
  };

const asParty = (path: string, consented: boolean, payload?: object) => ({
  async request(world: World, actor: MatrixActor) {
    const conferenceId = await partyCaseFor(world, actor.personId ?? world.bystanderId, consented);
    return { url: `/api/conferences/${conferenceId}${path}`, ...(payload ? { payload } : {}) };
  },
  async otherPersons(world: World) {
    const conferenceId = await partyCaseFor(world, world.bystanderId, consented);
    return { url: `/api/conferences/${conferenceId}${path}`, ...(payload ? { payload } : {}) };
  },
});

const team = { kind: 'table', action: 'conference.facilitate', refusedAs: 404 } as const;
const oversight = { kind: 'table', action: 'conference.oversee', refusedAs: 404 } as const;
const consentBody = { version: CONSENT_VERSION, language: 'en', signature: 'Sam Rivera' };

export const conferencePartyRouteChecks: Record<RouteKey, RouteCheck> = {
  'POST /api/conferences/{id}/parties': {
    ...team,
    answers: 201,
    request: onCase('parties', '/parties', { role: 'harmed', name: 'Sam Rivera' }),
  },
  'POST /api/conferences/{id}/parties/{partyId}/link': {
    ...team,
    answers: 201,
    request: onNewParty('/link', false),
  },
  'POST /api/conferences/{id}/parties/{partyId}/remove': {
    ...team,
    answers: 200,
    request: onNewParty('/remove', false, { reason: 'They moved away.' }),
  },
  'POST /api/conferences/{id}/parties/{partyId}/consent': {
    ...team,
    answers: 200,
    request: onNewParty('/consent', false, consentBody),
  },
  'POST /api/conferences/{id}/parties/{partyId}/withdraw': {
    ...team,
    answers: 200,
    request: onNewParty('/withdraw', true, {}),
  },
  'GET /api/conferences/{id}/records': {
    ...team,
    answers: 200,
    request: onCase('scheduled', '/records'),
  },
  'POST /api/conferences/{id}/records': {
    ...team,
    answers: 201,
    request: onCase('scheduled', '/records', { kind: 'note', body: 'Met the family.' }),
  },
  // Scheduled already: an allowed request moves the conference, which the workflow takes.
  'POST /api/conferences/{id}/schedule': {
    ...team,
    answers: 200,
    request: (world: World, side: Side) =>
      onCase('scheduled', '/schedule', { startsAt: inAWeek(), mode: 'online' })(world, side),
  },
  'GET /api/conferences/{id}/calendar.ics': {
    ...team,
    answers: 200,
    request: onCase('scheduled', '/calendar.ics'),
  },
  'GET /api/conferences/{id}/script': {
    ...team,
    answers: 200,
    request: onCase('scheduled', '/script?language=es'),
  },
  'GET /api/programs/{programId}/conference-sign-offs': {
    kind: 'table',
    action: 'conference.oversee',
    answers: 200,
    request: async (world, side) => {
      const { programId } = organisationOf(world, side);
      return {
        url: `/api/programs/${programId}/conference-sign-offs`,
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
  'GET /api/conferences/{id}/oversight': {
    ...oversight,
    answers: 200,
    request: onCase('screened', '/oversight'),
  },
  // The workflow takes a screening's sign-off again until the case is accepted.
  'POST /api/conferences/{id}/sign-off': {
    ...oversight,
    answers: 200,
    request: onCase('screened', '/sign-off', { stage: 'screening', approved: true }),
  },

  // A real token would make the actor a party; an unknown one is a 400 on the token, to anyone.
  'POST /api/conference-party/preview': {
    kind: 'public',
    answers: 400,
    request: () => ({ url: '/api/conference-party/preview', payload: { token: unknownLinkToken } }),
  },
  'POST /api/conference-party': {
    kind: 'public',
    answers: 400,
    request: () => ({
      url: '/api/conference-party',
      payload: { token: unknownLinkToken, language: 'en' },
    }),
  },
  'GET /api/conferences/mine': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    request: () => ({ url: '/api/conferences/mine' }),
  },
  'GET /api/conferences/{id}/my-part': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    ...asParty('/my-part', false),
  },
  'POST /api/conferences/{id}/my-part/consent': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    ...asParty('/my-part/consent', false, consentBody),
  },
  'POST /api/conferences/{id}/my-part/withdraw': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    ...asParty('/my-part/withdraw', true, { reason: 'Not ready.' }),
  },
};
