import { addDays, dayIn } from '../../../shared/commitments/days.ts';
import { insertDialogue, type TestDialogue } from '../../features/dialogues/testing.ts';
import type { AimedRequest, RouteCheck, RouteKey } from './routes.ts';
import { organisationOf, type Side, storedProgramTarget, type World } from './world.ts';

// The routes of a dialogue's results: the report, its export, the synthesis and commitments,
// the public results, and importing a Pol.is conversation. Each request aims at a fresh dialogue
// of the side's program, planned by the organisation's founder (whom no actor is), so that only
// the table reaches it: 'dialogue.report' reads the results, 'dialogue.manage' writes the
// synthesis and commitments. The live report's socket is no operation of the HTTP API (it is
// not in the OpenAPI document): live.test.ts checks who may connect.

/** A Pol.is export small enough to import a few hundred times. */
const tinyExport = {
  commentsCsv:
    'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n' +
    '1403058993627,x,0,1,1,0,1,Say the reason for a stop first.\n' +
    '1403058993628,x,1,2,0,1,-1,Spam.\n',
  votesCsv:
    'timestamp,datetime,comment-id,voter-id,vote\n' +
    '1403058993700,x,0,1,1\n' +
    '1403058993800,x,0,2,-1\n' +
    '1403058993900,x,1,1,1\n',
};

async function aimAtDialogue(
  world: World,
  side: Side,
  path: string,
  payload?: object,
  dialogue: Partial<TestDialogue> = {},
): Promise<AimedRequest> {
  const { programId, founderId } = organisationOf(world, side);
  const dialogueId = await insertDialogue(world.test.context.database.db, {
    programId,
    createdBy: founderId,
    ...dialogue,
  });
  return {
    url: `/api/dialogues/${dialogueId}${path}`,
    ...(payload ? { payload } : {}),
    expected: { target: await storedProgramTarget(world.test, programId) },
  };
}

// A public check's request is built without waiting for the database, so the dialogue whose
// results are published is made beforehand, once per world, by the report's check (the first
// of these routes that the matrix sends).
const publishedDialogues = new WeakMap<World, string>();
async function publishDialogueOnce(world: World): Promise<void> {
  if (publishedDialogues.has(world)) return;
  const { programId, founderId } = organisationOf(world, 'own');
  const dialogueId = await insertDialogue(world.test.context.database.db, {
    programId,
    createdBy: founderId,
    resultsPublic: true,
    synthesis: 'Everyone wants a stop to start with its reason.',
  });
  publishedDialogues.set(world, dialogueId);
}

export const dialogueResultRouteChecks: Record<RouteKey, RouteCheck> = {
  'GET /api/dialogues/{id}/report': {
    kind: 'table',
    action: 'dialogue.report',
    answers: 200,
    request: async (world, side) => {
      await publishDialogueOnce(world);
      return aimAtDialogue(world, side, '/report');
    },
  },
  'GET /api/dialogues/{id}/report.csv': {
    kind: 'table',
    action: 'dialogue.report',
    answers: 200,
    request: (world, side) => aimAtDialogue(world, side, '/report.csv'),
  },
  'PUT /api/dialogues/{id}/synthesis': {
    kind: 'table',
    action: 'dialogue.manage',
    answers: 200,
    request: (world, side) =>
      aimAtDialogue(world, side, '/synthesis', {
        synthesis: 'Everyone wants a stop to start with its reason.',
        resultsPublic: true,
      }),
  },
  'POST /api/dialogues/{id}/commitments': {
    kind: 'table',
    action: 'dialogue.manage',
    answers: 201,
    request: (world, side) =>
      aimAtDialogue(world, side, '/commitments', {
        title: 'Start every stop by saying its reason',
        owner: {
          kind: 'organisation',
          organisationId: organisationOf(world, side).organisationId,
          unit: 'Patrol',
        },
        visibility: 'program',
        dueOn: addDays(dayIn(world.test.context.config.TIME_ZONE), 30),
      }),
  },
  'GET /api/public/dialogues/{id}': {
    kind: 'public',
    answers: 200,
    request: (world) => {
      const dialogueId = publishedDialogues.get(world);
      if (!dialogueId) throw new Error('the report check publishes a dialogue first');
      return { url: `/api/public/dialogues/${dialogueId}` };
    },
  },
  'POST /api/programs/{programId}/dialogues/import-polis': {
    kind: 'table',
    action: 'dialogue.create',
    answers: 201,
    request: async (world, side) => {
      const { programId } = organisationOf(world, side);
      return {
        url: `/api/programs/${programId}/dialogues/import-polis`,
        payload: { title: 'An earlier conversation', ...tinyExport },
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
};
