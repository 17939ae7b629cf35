import { insertInvitation, insertSurvey, surveyBody } from '../../features/measurement/testing.ts';
import type { AimedRequest, RouteCheck, RouteKey } from './routes.ts';
import {
  type MatrixActor,
  organisationOf,
  type Side,
  storedProgramTarget,
  type World,
} from './world.ts';

// The routes of setting up and answering surveys. Each request aims at a fresh survey of the
// side's program, set up by the organisation's founder (whom no actor is), so that only the
// table reaches it. Answering needs no account: a real token would be spent by the first
// actor, so an unknown one is asked, and is not found for anyone. "My surveys" is the
// person's own: a fresh token for an invitation of theirs, none for someone else's.

const unknownToken = 'a'.repeat(43);
const fresh = () => crypto.randomUUID().slice(0, 8);

async function aimAtSurvey(
  world: World,
  side: Side,
  path: string,
  payload?: object,
): Promise<AimedRequest> {
  const { programId, founderId } = organisationOf(world, side);
  const survey = await insertSurvey(world.test.context.database.db, {
    programId,
    createdBy: founderId,
  });
  return {
    url: `/api/surveys/${survey.id}${path}`,
    ...(payload ? { payload } : {}),
    expected: { target: await storedProgramTarget(world.test, programId) },
  };
}

const inProgram = async (world: World, side: Side, payload?: object): Promise<AimedRequest> => {
  const { programId } = organisationOf(world, side);
  return {
    url: `/api/programs/${programId}/surveys`,
    ...(payload ? { payload } : {}),
    expected: { target: await storedProgramTarget(world.test, programId) },
  };
};

/** An open invitation to a survey of the own program, sent to `personId`. */
async function invitationFor(world: World, personId: string): Promise<{ url: string }> {
  const { db } = world.test.context.database;
  const { programId, founderId } = organisationOf(world, 'own');
  const survey = await insertSurvey(db, { programId, createdBy: founderId, kind: 'after_process' });
  const invitation = await insertInvitation(db, survey.id, {
    personId,
    processKind: 'circle',
    processId: `circle-${fresh()}`,
  });
  return { url: `/api/me/surveys/${invitation.id}/token` };
}

export const measurementSurveyRouteChecks: Record<RouteKey, RouteCheck> = {
  'GET /api/programs/{programId}/surveys': {
    kind: 'table',
    action: 'measurement.read',
    answers: 200,
    request: (world, side) => inProgram(world, side),
  },
  'POST /api/programs/{programId}/surveys': {
    kind: 'table',
    action: 'measurement.manage',
    answers: 201,
    request: (world, side) =>
      inProgram(
        world,
        side,
        surveyBody({ title: { en: `Pulse ${fresh()}`, es: `Pulso ${fresh()}` } }),
      ),
  },
  'GET /api/surveys/{id}': {
    kind: 'table',
    action: 'measurement.read',
    answers: 200,
    request: (world, side) => aimAtSurvey(world, side, ''),
  },
  'PATCH /api/surveys/{id}': {
    kind: 'table',
    action: 'measurement.manage',
    answers: 200,
    request: (world, side) =>
      aimAtSurvey(world, side, '', { neighbourhoods: [`Elm Street ${fresh()}`] }),
  },
  'POST /api/surveys/{id}/close': {
    kind: 'table',
    action: 'measurement.manage',
    answers: 200,
    request: (world, side) => aimAtSurvey(world, side, '/close'),
  },
  'GET /api/surveys/{id}/poster.png': {
    kind: 'table',
    action: 'measurement.manage',
    answers: 200,
    request: (world, side) => aimAtSurvey(world, side, '/poster.png'),
  },
  'GET /api/surveys/{id}/poster.pdf': {
    kind: 'table',
    action: 'measurement.manage',
    answers: 200,
    request: (world, side) => aimAtSurvey(world, side, '/poster.pdf'),
  },

  'POST /api/pulse/{slug}/start': {
    kind: 'public',
    answers: 404,
    request: () => ({ url: '/api/pulse/no-such-pulse/start' }),
  },
  'GET /api/survey-answer/{token}': {
    kind: 'public',
    answers: 404,
    request: () => ({ url: `/api/survey-answer/${unknownToken}` }),
  },
  'POST /api/survey-answer/{token}': {
    kind: 'public',
    answers: 404,
    request: () => ({
      url: `/api/survey-answer/${unknownToken}`,
      payload: { language: 'en', scales: { 'respect.dignity': 4 } },
    }),
  },

  'GET /api/me/surveys': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    request: () => ({ url: '/api/me/surveys' }),
  },
  'POST /api/me/surveys/{invitationId}/token': {
    kind: 'self',
    evenBeforeSecondFactor: false,
    answers: 200,
    request: (world, actor: MatrixActor) =>
      invitationFor(world, actor.personId ?? world.bystanderId),
    otherPersons: (world) => invitationFor(world, world.bystanderId),
  },
};
