import { sealConcernBody } from '../../features/youth/concerns.ts';
import { youthConcerns, youthPrograms } from '../../features/youth/schema.ts';
import { youthSettingsFor } from '../../features/youth/testing.ts';
import type { AimedRequest, RouteCheck, RouteKey } from './routes.ts';
import { organisationOf, type Side, storedProgramTarget, type World } from './world.ts';

// The routes of safeguarding concerns. Raising one is the table's: whoever may see the program.
// Reading and acting on them is for the program's safeguarding lead alone, whatever their role:
// the side's program is made a youth program, and its lead is named just before each request.

async function youthProgramLedBy(world: World, side: Side, leadId: string): Promise<void> {
  const { programId, founderId } = organisationOf(world, side);
  const settings = { ...youthSettingsFor(leadId), updatedBy: founderId };
  await world.test.context.database.db
    .insert(youthPrograms)
    .values({ programId, ...settings })
    .onConflictDoUpdate({ target: youthPrograms.programId, set: settings });
}

async function inYouthProgram(world: World, side: Side) {
  const { programId, founderId } = organisationOf(world, side);
  await youthProgramLedBy(world, side, founderId);
  return { programId, target: await storedProgramTarget(world.test, programId) };
}

async function aimAtConcern(world: World, side: Side): Promise<AimedRequest> {
  const { programId, target } = await inYouthProgram(world, side);
  const id = crypto.randomUUID();
  await world.test.context.database.db.insert(youthConcerns).values({
    id,
    programId,
    raisedBy: organisationOf(world, side).founderId,
    body: sealConcernBody(world.test.context, id, 'A mentor asked to meet a young person alone.'),
  });
  return {
    url: `/api/concerns/${id}/actions`,
    payload: { note: 'Called the young person and their guardian.', close: false },
    expected: { target },
  };
}

export const youthConcernRouteChecks: Record<RouteKey, RouteCheck> = {
  'POST /api/programs/{programId}/concerns': {
    kind: 'table',
    action: 'program.read',
    answers: 201,
    request: async (world, side) => {
      const { programId, target } = await inYouthProgram(world, side);
      return {
        url: `/api/programs/${programId}/concerns`,
        payload: { body: 'Someone was shouted at after the last meeting.' },
        expected: { target },
      };
    },
  },
  'GET /api/programs/{programId}/concerns': {
    kind: 'named',
    action: 'youth.read',
    answers: 200,
    name: youthProgramLedBy,
    request: async (world, side) => {
      const { programId, target } = await inYouthProgram(world, side);
      return { url: `/api/programs/${programId}/concerns`, expected: { target } };
    },
  },
  'POST /api/concerns/{id}/actions': {
    kind: 'named',
    action: 'youth.read',
    answers: 200,
    name: youthProgramLedBy,
    request: aimAtConcern,
  },
};
