import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';

export function registerSurveyRoutes(
  _app: ApiApp,
  _context: AppContext,
  _actors: ActorResolver,
): void {}
