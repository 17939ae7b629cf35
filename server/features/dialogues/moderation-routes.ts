import { moderateBody, reasonBody } from '../../../shared/dialogues/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { blockParticipant } from './block.ts';
import { moderateStatement } from './moderate.ts';
import { moderationQueue } from './moderation.ts';
import { oneDialogue, oneParticipant, oneStatement, tags } from './params.ts';

// Moderation, for whoever manages the dialogue: the queue, a decision on a statement, and
// stopping a participant's part.

export function registerModerationRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  const { db } = context.database;
  app.get(
    '/api/dialogues/:id/moderation',
    {
      schema: {
        summary: 'Statements waiting for a facilitator (held ones first), and those decided',
        tags,
        params: oneDialogue,
      },
    },
    async (request) =>
      moderationQueue(
        { db, cipher: context.cipher },
        await actors.require(request),
        request.params.id,
      ),
  );
  app.post(
    '/api/dialogues/:id/statements/:statementId/moderate',
    {
      schema: {
        summary: 'Accept a statement, or reject or hide it with a reason its author sees',
        tags,
        params: oneStatement,
        body: moderateBody,
      },
    },
    async (request) => {
      const { id, statementId } = request.params;
      return moderateStatement(
        context,
        await actors.require(request),
        id,
        statementId,
        request.body,
      );
    },
  );
  app.post(
    '/api/dialogues/:id/participants/:participantId/block',
    {
      schema: {
        summary:
          "Stop a participant's part: their votes stay, their waiting statements are rejected",
        tags,
        params: oneParticipant,
        body: reasonBody,
      },
    },
    async (request, reply) => {
      const { id, participantId } = request.params;
      await blockParticipant(
        context,
        await actors.require(request),
        id,
        participantId,
        request.body.reason,
      );
      return reply.code(204).send(null);
    },
  );
}
