import { z } from 'zod';
import {
  concernActionRequest,
  concernResponse,
  concernsList,
  raiseConcernRequest,
  raisedConcern,
} from '../../../shared/youth/concerns-contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { addConcernAction, listConcerns, raiseConcern } from './concerns.ts';

// The routes of safeguarding concerns (shared/youth/concerns-contract.ts).

const tags = ['youth'];
const inProgram = z.object({ programId: z.uuid('must be a program id') });
const oneConcern = z.object({ id: z.uuid('must be a concern id') });

export function registerConcernRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  app.post(
    '/api/programs/:programId/concerns',
    {
      schema: {
        summary:
          'Raise a safeguarding concern: anyone of the program may, and only its safeguarding lead reads it',
        tags,
        params: inProgram,
        body: raiseConcernRequest,
        response: { 201: raisedConcern },
      },
    },
    async (request, reply) => {
      const raised = await raiseConcern(
        context,
        await actors.require(request),
        request.params.programId,
        request.body,
      );
      return reply.code(201).send(raised);
    },
  );
  app.get(
    '/api/programs/:programId/concerns',
    {
      schema: {
        summary: "A youth program's concerns with what was done, for its safeguarding lead alone",
        tags,
        params: inProgram,
        response: { 200: concernsList },
      },
    },
    async (request) =>
      listConcerns(context, await actors.require(request), request.params.programId),
  );
  app.post(
    '/api/concerns/:id/actions',
    {
      schema: {
        summary: 'The safeguarding lead records what was done about a concern, and may close it',
        tags,
        params: oneConcern,
        body: concernActionRequest,
        response: { 200: concernResponse },
      },
    },
    async (request) => ({
      concern: await addConcernAction(
        context,
        await actors.require(request),
        request.params.id,
        request.body,
      ),
    }),
  );
}
