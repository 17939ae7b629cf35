import { describe, it } from 'vitest';
import { checkPart, setUpMatrixApp } from './testing/authz/matrix.ts';

// The authorisation matrix (server/testing/authz/matrix.ts) on the routes of measurement's
// dashboards, exports and public page.

setUpMatrixApp();

describe('the authorisation matrix', () => {
  it(
    'lets each role read, export and publish measurement figures as the permission table says, in its own organisation, a partner and another',
    () => checkPart('measurement dashboards'),
    300_000,
  );
});
