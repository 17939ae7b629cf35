import type { RouteCheck, RouteKey } from './routes.ts';

// The routes of a dialogue's results: the report, its export, the synthesis and commitments,
// the public results, and importing a Pol.is conversation.

export const dialogueResultRouteChecks: Record<RouteKey, RouteCheck> = {};
