import { participantRoleOf } from '../../features/dialogues/appearance.ts';
import {
  insertDialogue,
  insertParticipant,
  insertStatement,
  type TestDialogue,
} from '../../features/dialogues/testing.ts';
import type { AimedRequest, RouteCheck, RouteKey } from './routes.ts';
import {
  type MatrixActor,
  organisationOf,
  type Side,
  storedProgramTarget,
  type World,
} from './world.ts';

// The routes of dialogues before the results: planning, joining, taking part and moderating.
// Each request aims at a fresh open dialogue of the side's program, planned by the
// organisation's founder (whom no actor is), so that only the table reaches its management.
// Taking part is a participant's own: the actor takes part in a public dialogue of their
// program and acts there ('self'). An officer's response is the table's 'dialogue.respond':
// every actor takes part in the dialogue of the program they share (not in the other's), and
// only officers of an agency that runs it may answer.

const fresh = () => crypto.randomUUID().slice(0, 8);
const unknownJoinToken = 'a'.repeat(43);
const taking = { displayName: 'Sam', language: 'en', agreeToTakePart: true };

async function freshDialogue(world: World, side: Side, extra: Partial<TestDialogue> = {}) {
  const { programId, founderId } = organisationOf(world, side);
  const db = world.test.context.database.db;
  return insertDialogue(db, { programId, createdBy: founderId, ...extra });
}

/** A fresh dialogue of the side's program, and a request about it. */
async function aimAtDialogue(
  world: World,
  side: Side,
  path: string,
  options: { payload?: object; dialogue?: Partial<TestDialogue> } = {},
): Promise<AimedRequest & { dialogueId: string }> {
  const dialogueId = await freshDialogue(world, side, options.dialogue);
  const { programId } = organisationOf(world, side);
  return {
    dialogueId,
    url: `/api/dialogues/${dialogueId}${path}`,
    ...(options.payload ? { payload: options.payload } : {}),
    expected: { target: await storedProgramTarget(world.test, programId) },
  };
}

/** A public dialogue of the own program in which the actor (or a bystander) takes part. */
async function asParticipant(
  world: World,
  actor: MatrixActor,
  path: (dialogueId: string, statementId: string) => string,
  payload?: object,
) {
  const db = world.test.context.database.db;
  const dialogueId = await freshDialogue(world, 'own', { audience: 'public' });
  const personId = actor.personId ?? world.bystanderId;
  await insertParticipant(db, dialogueId, {
    personId,
    role: await participantRoleOf(db, personId),
  });
  const statementId = await insertStatement(db, dialogueId);
  return {
    url: `/api/dialogues/${dialogueId}${path(dialogueId, statementId)}`,
    ...(payload ? { payload } : {}),
  };
}

const participantRoute = (
  answers: number,
  path: (dialogueId: string, statementId: string) => string,
  payload?: () => object,
): RouteCheck => ({
  kind: 'self',
  evenBeforeSecondFactor: false,
  answers,
  request: (world, actor) => asParticipant(world, actor, path, payload?.()),
});

export const dialogueRouteChecks: Record<RouteKey, RouteCheck> = {
  // A real token would make the actor a participant and could give them a role; an unknown one
  // is a 400 on the token, to anyone.
  'POST /api/dialogue-join/preview': {
    kind: 'public',
    answers: 400,
    request: () => ({ url: '/api/dialogue-join/preview', payload: { token: unknownJoinToken } }),
  },
  'POST /api/dialogue-join': {
    kind: 'public',
    answers: 400,
    request: () => ({
      url: '/api/dialogue-join',
      payload: { token: unknownJoinToken, ...taking },
    }),
  },

  'GET /api/programs/{programId}/dialogues': {
    kind: 'table',
    action: 'dialogue.read',
    answers: 200,
    request: async (world, side) => {
      const { programId } = organisationOf(world, side);
      return {
        url: `/api/programs/${programId}/dialogues`,
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
  'POST /api/programs/{programId}/dialogues': {
    kind: 'table',
    action: 'dialogue.create',
    answers: 201,
    request: async (world, side) => {
      const { programId } = organisationOf(world, side);
      return {
        url: `/api/programs/${programId}/dialogues`,
        payload: {
          title: `Traffic stops ${fresh()}`,
          opensAt: new Date(Date.now() + 86_400_000).toISOString(),
          closesAt: new Date(Date.now() + 15 * 86_400_000).toISOString(),
          audience: 'public',
          moderation: 'before',
          languages: ['en', 'es'],
          seedStatements: ['Stops should be explained at the time.'],
        },
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
  'GET /api/dialogues/{id}': {
    kind: 'table',
    action: 'dialogue.read',
    answers: 200,
    request: (world, side) => aimAtDialogue(world, side, ''),
  },
  'PATCH /api/dialogues/{id}': {
    kind: 'table',
    action: 'dialogue.manage',
    answers: 200,
    request: (world, side) =>
      aimAtDialogue(world, side, '', { payload: { title: `Renamed ${fresh()}` } }),
  },
  'POST /api/dialogues/{id}/close': {
    kind: 'table',
    action: 'dialogue.manage',
    answers: 200,
    request: (world, side) => aimAtDialogue(world, side, '/close'),
  },
  'POST /api/dialogues/{id}/join-link': {
    kind: 'table',
    action: 'dialogue.manage',
    answers: 201,
    request: (world, side) =>
      aimAtDialogue(world, side, '/join-link', { dialogue: { audience: 'public' } }),
  },
  'POST /api/dialogues/{id}/join': {
    kind: 'table',
    action: 'dialogue.take_part',
    answers: 200,
    request: (world, side) => aimAtDialogue(world, side, '/join', { payload: taking }),
  },

  'GET /api/dialogues/{id}/next': participantRoute(200, () => '/next'),
  'GET /api/dialogues/{id}/mine': participantRoute(200, () => '/mine'),
  'POST /api/dialogues/{id}/statements': participantRoute(
    201,
    () => '/statements',
    () => ({ text: `Stops at night worry me ${fresh()}`, language: 'en' }),
  ),
  'PUT /api/dialogues/{id}/statements/{statementId}/vote': participantRoute(
    200,
    (_, statementId) => `/statements/${statementId}/vote`,
    () => ({ vote: 'agree' }),
  ),
  'POST /api/dialogues/{id}/statements/{statementId}/report': participantRoute(
    204,
    (_, statementId) => `/statements/${statementId}/report`,
    () => ({ reason: 'It names someone.' }),
  ),
  'POST /api/dialogues/{id}/statements/{statementId}/response': {
    kind: 'table',
    action: 'dialogue.respond',
    answers: 204,
    request: async (world, side) => {
      const aimed = await aimAtDialogue(world, side, '');
      const db = world.test.context.database.db;
      if (side !== 'other') {
        for (const actor of world.actors) {
          if (!actor.personId) continue;
          const role = await participantRoleOf(db, actor.personId);
          await insertParticipant(db, aimed.dialogueId, { personId: actor.personId, role });
        }
      }
      const statementId = await insertStatement(db, aimed.dialogueId);
      return {
        ...aimed,
        url: `${aimed.url}/statements/${statementId}/response`,
        payload: { text: 'We now explain every stop before asking for papers.' },
      };
    },
  },

  'GET /api/dialogues/{id}/moderation': {
    kind: 'table',
    action: 'dialogue.manage',
    answers: 200,
    request: (world, side) => aimAtDialogue(world, side, '/moderation'),
  },
  'POST /api/dialogues/{id}/statements/{statementId}/moderate': {
    kind: 'table',
    action: 'dialogue.manage',
    answers: 200,
    request: async (world, side) => {
      const aimed = await aimAtDialogue(world, side, '', { dialogue: { moderation: 'before' } });
      const db = world.test.context.database.db;
      const authorId = await insertParticipant(db, aimed.dialogueId, {
        personId: world.bystanderId,
      });
      const statementId = await insertStatement(db, aimed.dialogueId, {
        authorParticipantId: authorId,
        status: 'pending',
      });
      return {
        ...aimed,
        url: `${aimed.url}/statements/${statementId}/moderate`,
        payload: { decision: 'accept' },
      };
    },
  },
  'POST /api/dialogues/{id}/participants/{participantId}/block': {
    kind: 'table',
    action: 'dialogue.manage',
    answers: 204,
    request: async (world, side) => {
      const aimed = await aimAtDialogue(world, side, '');
      const db = world.test.context.database.db;
      const participantId = await insertParticipant(db, aimed.dialogueId, {
        personId: world.bystanderId,
      });
      return {
        ...aimed,
        url: `${aimed.url}/participants/${participantId}/block`,
        payload: { reason: 'Repeated insults.' },
      };
    },
  },
};
