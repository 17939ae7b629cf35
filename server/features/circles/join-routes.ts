import { joinCircleBody, joinLinkPreviewBody } from '../../../shared/circles/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import { startSessionAfterInvitation } from '../../platform/auth/invited-sign-in.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import type { RateRule } from '../../platform/http/rate-limits.ts';
import { joinByToken, joinSignedIn } from './join.ts';
import { oneCircle, tags } from './params.ts';
import { preJoinFor, previewByToken } from './pre-join.ts';

// Joining a circle: by a join link's or a personal invitation's token (no account needed), or
// signed in. A token is a secret that must not be guessed: the public routes are limited by
// address like the invitation links.
const circleLinkUse: RateRule = { name: 'circle-link', max: 60, perMinutes: 15, by: 'address' };

export function registerJoinRoutes(app: ApiApp, context: AppContext, actors: ActorResolver): void {
  const { db } = context.database;
  app.post(
    '/api/circle-join/preview',
    {
      config: { rateLimits: [circleLinkUse] },
      schema: {
        summary: 'What a join link or a personal invitation opens, before joining',
        tags,
        body: joinLinkPreviewBody,
      },
    },
    async (request) => previewByToken(db, request.body.token, await actors.active(request)),
  );
  app.post(
    '/api/circle-join',
    {
      config: { rateLimits: [circleLinkUse] },
      schema: {
        summary:
          'Agree to the guidelines and take a seat by a token; someone with no account becomes a resident, signed in',
        tags,
        body: joinCircleBody,
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
  app.get(
    '/api/circles/:id/pre-join',
    {
      schema: {
        summary: 'The page before joining, for someone signed in and asked to the circle',
        tags,
        params: oneCircle,
      },
    },
    async (request) => preJoinFor(db, await actors.require(request), request.params.id),
  );
  app.post(
    '/api/circles/:id/join',
    {
      schema: {
        summary: 'Agree to the guidelines and take a seat, signed in',
        tags,
        params: oneCircle,
        body: joinCircleBody,
      },
    },
    async (request) =>
      joinSignedIn(context, await actors.require(request), request.params.id, request.body),
  );
}
