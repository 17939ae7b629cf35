import { youthPrograms } from '../../features/youth/schema.ts';
import { youthSettingsFor } from '../../features/youth/testing.ts';
import type { RouteCheck, RouteKey } from './routes.ts';
import { organisationOf, storedProgramTarget } from './world.ts';

// The youth program's report: the table's 'youth.report', on the side's program made a youth
// program (with its founder as the safeguarding lead) before the request.

export const youthReportRouteChecks: Record<RouteKey, RouteCheck> = {
  'GET /api/programs/{programId}/youth-report': {
    kind: 'table',
    action: 'youth.report',
    answers: 200,
    request: async (world, side) => {
      const { programId, founderId } = organisationOf(world, side);
      await world.test.context.database.db
        .insert(youthPrograms)
        .values({ programId, ...youthSettingsFor(founderId), updatedBy: founderId })
        .onConflictDoNothing();
      return {
        url: `/api/programs/${programId}/youth-report`,
        expected: { target: await storedProgramTarget(world.test, programId) },
      };
    },
  },
};
