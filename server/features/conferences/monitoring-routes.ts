import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { agencyCases } from './agency.ts';
import { exportOutcomes } from './outcomes-export.ts';
import { overdueItems } from './overdue.ts';
import { inOrganisation, inProgram, tags } from './params.ts';

// Following agreements across cases: a program's overdue items, the agency's firewalled view of
// misconduct cases, and the de-identified outcomes for evaluation.

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
  app.get(
    '/api/organisations/:organisationId/conferences',
    {
      schema: {
        summary:
          "An agency's view of the misconduct cases about its officers: decisions, the items it owes, completion; no words of the parties",
        tags,
        params: inOrganisation,
      },
    },
    async (request) =>
      agencyCases(context, await actors.require(request), request.params.organisationId),
  );
  app.get(
    '/api/programs/:programId/conference-outcomes.csv',
    {
      schema: {
        summary:
          'Closed cases as de-identified rows for evaluation: no names, no words, months only',
        tags,
        params: inProgram,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const exported = await exportOutcomes(
        context,
        await actors.require(request),
        request.params.programId,
      );
      return reply
        .header('content-disposition', `attachment; filename="${exported.filename}"`)
        .header('cache-control', 'no-store')
        .type('text/csv; charset=utf-8; header=present')
        .send(exported.csv);
    },
  );
}
