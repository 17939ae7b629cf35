import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { registerPeopleRoutes } from './people-routes.ts';
import { registerProgramRoutes } from './program-routes.ts';

export function registerOrganisationRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  registerProgramRoutes(app, context, actors);
  registerPeopleRoutes(app, context, actors);
}
