import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { overdueItems } from './overdue.ts';
import { inProgram, tags } from './params.ts';

// Following agreements across cases: a program's overdue items.

export function registerMonitoringRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  app.get(
    '/api/programs/:programId/conference-overdue',
    {
      schema: {
        summary:
          'Open agreement items past their day: every case for coordinators, their own for facilitators',
        tags,
        params: inProgram,
      },
    },
    async (request) =>
      overdueItems(context, await actors.require(request), request.params.programId),
  );
}
