import { joinDialogueBody, joinPreviewBody } from '../../../shared/dialogues/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import { startSessionAfterInvitation } from '../../platform/auth/invited-sign-in.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import type { RateRule } from '../../platform/http/rate-limits.ts';
import { joinByToken, joinSignedIn, previewByToken } from './join.ts';
import { oneDialogue, tags } from './params.ts';

// Joining a dialogue: by a public dialogue's link (no account needed), or signed in. A token is
// a secret that must not be guessed: the public routes are limited by address, as circles' and
// invitations' links are.
const dialogueLinkUse: RateRule = { name: 'dialogue-link', max: 60, perMinutes: 15, by: 'address' };

export function registerJoinRoutes(app: ApiApp, context: AppContext, actors: ActorResolver): void {
  const { db } = context.database;
  app.post(
    '/api/dialogue-join/preview',
    {
      config: { rateLimits: [dialogueLinkUse] },
      schema: {
        summary: "What a public dialogue's link opens, before joining",
        tags,
        body: joinPreviewBody,
      },
    },
    async (request) => previewByToken(db, request.body.token, await actors.active(request)),
  );
  app.post(
    '/api/dialogue-join',
    {
      config: { rateLimits: [dialogueLinkUse] },
      schema: {
        summary:
          'Agree to take part and join by the link; someone with no account becomes a resident, signed in',
        tags,
        body: joinDialogueBody,
      },
    },
    async (request, reply) => {
      const { joined, newPersonId } = await joinByToken(
        context,
        request.body,
        await actors.active(request),
      );
      if (newPersonId) {
        await startSessionAfterInvitation(context.auth, request, reply, newPersonId);
      }
      return joined;
    },
  );
  app.post(
    '/api/dialogues/:id/join',
    {
      schema: {
        summary: 'Agree to take part and join, signed in',
        tags,
        params: oneDialogue,
        body: joinDialogueBody,
      },
    },
    async (request) =>
      joinSignedIn(context, await actors.require(request), request.params.id, request.body),
  );
}
