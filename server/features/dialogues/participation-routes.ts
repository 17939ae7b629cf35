import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { registerJoinRoutes } from './join-routes.ts';
import { registerModerationRoutes } from './moderation-routes.ts';
import { registerPlanningRoutes } from './planning-routes.ts';
import { registerTakingPartRoutes } from './taking-part-routes.ts';

// Every route of a dialogue before its results: planning, joining, taking part, moderating.

export function registerParticipationRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  registerPlanningRoutes(app, context, actors);
  registerJoinRoutes(app, context, actors);
  registerTakingPartRoutes(app, context, actors);
  registerModerationRoutes(app, context, actors);
}
