import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { registerDashboardRoutes } from './dashboard-routes.ts';
import { registerSurveyRoutes } from './survey-routes.ts';

// Every route of measurement (shared/measurement/contract.ts lists them): setting up and
// answering surveys, then the figures made of the answers.

export function registerMeasurementRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  registerSurveyRoutes(app, context, actors);
  registerDashboardRoutes(app, context, actors);
}
