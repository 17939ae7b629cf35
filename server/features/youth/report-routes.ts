import { z } from 'zod';
import { youthReport } from '../../../shared/youth/report.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { readYouthReport } from './report.ts';

// The youth program's report (shared/youth/report.ts): counts only, small groups hidden.

const inProgram = z.object({ programId: z.uuid('must be a program id') });

export function registerYouthReportRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  app.get(
    '/api/programs/:programId/youth-report',
    {
      schema: {
        summary:
          "A youth program's report in aggregate: counts only, with no figure for a small group",
        tags: ['youth'],
        params: inProgram,
        response: { 200: youthReport },
      },
    },
    async (request) =>
      readYouthReport(context.database.db, await actors.require(request), request.params.programId),
  );
}
