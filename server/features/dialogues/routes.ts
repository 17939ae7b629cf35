import type { ActorResolver } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import { registerParticipationRoutes } from './participation-routes.ts';
import { registerResultRoutes } from './result-routes.ts';

// Every route of dialogues (shared/dialogues/contract.ts lists them), by part of the work.

export function registerDialogueRoutes(
  app: ApiApp,
  context: AppContext,
  actors: ActorResolver,
): void {
  registerParticipationRoutes(app, context, actors);
  registerResultRoutes(app, context, actors);
}
