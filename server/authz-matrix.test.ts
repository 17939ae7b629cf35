import { describe, expect, it } from 'vitest';
import { checkPart, documentedRoutes, setUpMatrixApp } from './testing/authz/matrix.ts';
import { type RouteKey, routeChecks } from './testing/authz/routes.ts';

// The authorisation matrix (server/testing/authz/matrix.ts) on the routes that are neither conferences' nor circles'.

setUpMatrixApp();

describe('the authorisation matrix', () => {
  it('classifies every route of the API, and names no route that is gone', async () => {
    const documented = await documentedRoutes();
    const registered = Object.keys(routeChecks) as RouteKey[];
    expect({
      unclassified: documented.filter((route) => !(route in routeChecks)),
      gone: registered.filter((route) => !documented.includes(route)),
    }).toEqual({ unclassified: [], gone: [] });
  });

  it(
    'lets each role do what the permission table says on the rest, in its own organisation, a partner and another',
    () => checkPart('the rest'),
    300_000,
  );
});
