import { z } from 'zod';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { disablePerson } from './disable-person.ts';

const personInOrganisation = z.object({
  organisationId: z.uuid('must be an organisation id'),
  personId: z.uuid('must be a person id'),
});

export function registerOrganisationRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  app.post(
    '/api/organisations/:organisationId/people/:personId/disable',
    {
      schema: {
        summary: 'Disable a person: they can no longer sign in, and their sessions end',
        tags: ['organisations'],
        params: personInOrganisation,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request);
      const { organisationId, personId } = request.params;
      await disablePerson(context.database.db, context.auth, actor, organisationId, personId);
      return reply.code(204).send(null);
    },
  );
}
