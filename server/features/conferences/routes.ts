import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { registerAgreementRoutes } from './agreement-routes.ts';
import { registerIntakeRoutes } from './intake-routes.ts';
import { registerPartyRoutes } from './party-routes.ts';

// Every route of conferences (shared/conferences/contract.ts lists them), by part of the work.

export function registerConferenceRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  registerIntakeRoutes(app, context, actors);
  registerAgreementRoutes(app, context, actors);
  registerPartyRoutes(app, context, actors);
}
