import {
  addStatementBody,
  reportBody,
  responseBody,
  voteBody,
} from '../../../shared/dialogues/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { addStatement } from './add-statement.ts';
import { myStatements, nextFor } from './next.ts';
import { oneDialogue, oneStatement, tags } from './params.ts';
import { reportStatement } from './report-statement.ts';
import { respondToStatement } from './respond.ts';
import { castVote } from './vote.ts';

// Taking part: the next statement to vote on, one's own statements, writing, voting, reporting
// and an officer's response. Each is limited per participant (limits.ts).

export function registerTakingPartRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  const { db } = context.database;
  app.get(
    '/api/dialogues/:id/next',
    {
      schema: {
        summary: 'The next statement to vote on, one the participant has not seen',
        tags,
        params: oneDialogue,
      },
    },
    async (request) => nextFor(db, await actors.require(request), request.params.id),
  );
  app.get(
    '/api/dialogues/:id/mine',
    {
      schema: {
        summary: "The participant's own statements, with what moderation made of them",
        tags,
        params: oneDialogue,
      },
    },
    async (request) =>
      myStatements(
        { db, cipher: context.cipher },
        await actors.require(request),
        request.params.id,
      ),
  );
  app.post(
    '/api/dialogues/:id/statements',
    {
      schema: {
        summary: 'Add a statement (at most 280 characters)',
        tags,
        params: oneDialogue,
        body: addStatementBody,
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request);
      const added = await addStatement(context, actor, request.params.id, request.body);
      return reply.code(201).send(added);
    },
  );
  app.put(
    '/api/dialogues/:id/statements/:statementId/vote',
    {
      schema: {
        summary: 'Agree, disagree or pass on a statement; voting again changes the vote',
        tags,
        params: oneStatement,
        body: voteBody,
      },
    },
    async (request) => {
      const { id, statementId } = request.params;
      return castVote(context, await actors.require(request), id, statementId, request.body);
    },
  );
  app.post(
    '/api/dialogues/:id/statements/:statementId/report',
    {
      schema: {
        summary: 'Report a statement to the facilitators (once each)',
        tags,
        params: oneStatement,
        body: reportBody,
      },
    },
    async (request, reply) => {
      const { id, statementId } = request.params;
      await reportStatement(context, await actors.require(request), id, statementId, request.body);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/dialogues/:id/statements/:statementId/response',
    {
      schema: {
        summary: "A verified officer's response to a statement; writing again replaces it",
        tags,
        params: oneStatement,
        body: responseBody,
      },
    },
    async (request, reply) => {
      const { id, statementId } = request.params;
      await respondToStatement(
        context,
        await actors.require(request),
        id,
        statementId,
        request.body,
      );
      return reply.code(204).send(null);
    },
  );
}
