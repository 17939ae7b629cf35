import { profileResponse } from '../../../shared/profile/contract.ts';
import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { profileOf } from './service.ts';

export function registerProfileRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  app.get(
    '/api/me',
    {
      schema: {
        summary: 'The person signed in, and their roles',
        tags: ['profile'],
        response: { 200: profileResponse },
      },
    },
    async (request) =>
      profileOf(context.database.db, await actors.require(request, { withoutSecondFactor: true })),
  );
}
