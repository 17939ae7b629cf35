import { createDialogueBody, updateDialogueBody } from '../../../shared/dialogues/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { closeDialogue } from './close.ts';
import { createJoinLink } from './join-link.ts';
import { inProgram, oneDialogue, tags } from './params.ts';
import { createDialogue, updateDialogue } from './plan.ts';
import { listDialogues, readDialogue } from './read.ts';

// A program's dialogues, and one dialogue's page, settings, closing and public link.

export function registerPlanningRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  const { db } = context.database;
  app.get(
    '/api/programs/:programId/dialogues',
    {
      schema: {
        summary: "A program's dialogues that the reader may see",
        tags,
        params: inProgram,
      },
    },
    async (request) => listDialogues(db, await actors.require(request), request.params.programId),
  );
  app.post(
    '/api/programs/:programId/dialogues',
    {
      schema: {
        summary: 'Plan a dialogue, with the statements it opens with',
        tags,
        params: inProgram,
        body: createDialogueBody,
      },
    },
    async (request, reply) => {
      const actor = await actors.require(request);
      const detail = await createDialogue(context, actor, request.params.programId, request.body);
      return reply.code(201).send(detail);
    },
  );
  app.get(
    '/api/dialogues/:id',
    { schema: { summary: 'One dialogue, as the reader may see it', tags, params: oneDialogue } },
    async (request) => readDialogue(db, await actors.require(request), request.params.id),
  );
  app.patch(
    '/api/dialogues/:id',
    {
      schema: {
        summary: "Change a dialogue's topic, dates or moderation",
        tags,
        params: oneDialogue,
        body: updateDialogueBody,
      },
    },
    async (request) =>
      updateDialogue(context, await actors.require(request), request.params.id, request.body),
  );
  app.post(
    '/api/dialogues/:id/close',
    { schema: { summary: 'Close an open dialogue now', tags, params: oneDialogue } },
    async (request) => closeDialogue(context, await actors.require(request), request.params.id),
  );
  app.post(
    '/api/dialogues/:id/join-link',
    {
      schema: {
        summary: "Make a public dialogue's link (shown once; a new one ends the old one)",
        tags,
        params: oneDialogue,
      },
    },
    async (request, reply) => {
      const link = await createJoinLink(context, await actors.require(request), request.params.id);
      return reply.code(201).send(link);
    },
  );
}
