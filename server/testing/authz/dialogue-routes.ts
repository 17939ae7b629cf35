import type { RouteCheck, RouteKey } from './routes.ts';

// The routes of dialogues before the results: planning, joining, taking part and moderating.

export const dialogueRouteChecks: Record<RouteKey, RouteCheck> = {};
