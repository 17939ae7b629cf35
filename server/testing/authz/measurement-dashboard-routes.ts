import { dayIn } from '../../../shared/commitments/days.ts';
import type { OrganisationMeasurement } from '../../../shared/measurement/contract.ts';
import { lastEndedQuarter } from '../../../shared/measurement/quarters.ts';
import { decide } from '../../../shared/permissions/decide.ts';
import { measurementSettings } from '../../features/measurement/schema.ts';
import { insertSurvey } from '../../features/measurement/testing.ts';
import { programsRunBy } from '../../features/organisations/service.ts';
import type { AimedRequest, RouteCheck, RouteKey } from './routes.ts';
import { organisationOf, type Side, storedProgramTarget, type World } from './world.ts';

// The routes of the figures made of survey answers: a survey's results ('measurement.read' on
// its program), a program's dashboard, its spreadsheet and
// its printed report ('measurement.read', 'measurement.export' on the side's program); an
// organisation's programs at a glance (listed only as far as the table reaches) and its choice
// of a public page ('measurement.publish'); and the public page, for anyone, once chosen.

async function inProgram(world: World, side: Side, path: string): Promise<AimedRequest> {
  const { programId } = organisationOf(world, side);
  return {
    url: `/api/programs/${programId}/${path}`,
    expected: { target: await storedProgramTarget(world.test, programId) },
  };
}

// A public check's request is built without waiting for the database, so the own organisation's
// public page is chosen beforehand, once per world, by the dashboard's check (the first of these
// routes that the matrix sends).
const published = new WeakSet<World>();
async function publishOnce(world: World): Promise<void> {
  if (published.has(world)) return;
  await world.test.context.database.db
    .insert(measurementSettings)
    .values({ organisationId: organisationOf(world, 'own').organisationId, publicPage: true })
    .onConflictDoNothing();
  published.add(world);
}

/** The organisation's programs: the list shows those whose figures the reader may read. */
async function organisationList(world: World, side: Side): Promise<AimedRequest> {
  const { organisationId } = organisationOf(world, side);
  const runBy = await programsRunBy(world.test.context.database.db, organisationId);
  const targets = await Promise.all(
    runBy.map((program) => storedProgramTarget(world.test, program.id)),
  );
  return {
    url: `/api/organisations/${organisationId}/measurement`,
    expected: { anyOf: [{ organisationId }, ...targets] },
    async shownBeyondReach(actor, body) {
      const listed = JSON.parse(body) as OrganisationMeasurement;
      const beyond: string[] = [];
      for (const program of listed.programs) {
        const target = await storedProgramTarget(world.test, program.programId);
        if (!decide(actor, 'measurement.read', target).allowed) beyond.push(program.name);
      }
      return beyond;
    },
  };
}

export const measurementDashboardRouteChecks: Record<RouteKey, RouteCheck> = {
  'GET /api/programs/{programId}/measurement': {
    kind: 'table',
    action: 'measurement.read',
    answers: 200,
    request: async (world, side) => {
      await publishOnce(world);
      return inProgram(world, side, 'measurement?kind=pulse');
    },
  },
  'GET /api/surveys/{id}/results': {
    kind: 'table',
    action: 'measurement.read',
    answers: 200,
    request: async (world, side) => {
      const { programId, founderId } = organisationOf(world, side);
      const survey = await insertSurvey(world.test.context.database.db, {
        programId,
        createdBy: founderId,
      });
      return {
        url: `/api/surveys/${survey.id}/results`,
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
  'GET /api/programs/{programId}/measurement.csv': {
    kind: 'table',
    action: 'measurement.export',
    answers: 200,
    request: (world, side) => inProgram(world, side, 'measurement.csv?kind=pulse'),
  },
  'GET /api/programs/{programId}/measurement/report.pdf': {
    kind: 'table',
    action: 'measurement.export',
    answers: 200,
    request: (world, side) =>
      inProgram(
        world,
        side,
        `measurement/report.pdf?quarter=${lastEndedQuarter(dayIn('UTC'))}&language=es`,
      ),
  },
  'GET /api/organisations/{organisationId}/measurement': {
    kind: 'table',
    action: 'measurement.read',
    answers: 200,
    request: organisationList,
  },
  'PUT /api/organisations/{organisationId}/measurement/public': {
    kind: 'table',
    action: 'measurement.publish',
    answers: 200,
    request: async (world, side) => {
      const { organisationId } = organisationOf(world, side);
      return {
        url: `/api/organisations/${organisationId}/measurement/public`,
        payload: { publicPage: true },
        expected: { target: { organisationId } },
      };
    },
  },
  'GET /api/public/trust/{organisationId}': {
    kind: 'public',
    answers: 200,
    request: (world) => {
      if (!published.has(world)) throw new Error('the dashboard check publishes a page first');
      return { url: `/api/public/trust/${organisationOf(world, 'own').organisationId}` };
    },
  },
};
