import { describe, it } from 'vitest';
import { checkPart, setUpMatrixApp } from './testing/authz/matrix.ts';

// The authorisation matrix (server/testing/authz/matrix.ts) on the measurement routes.

setUpMatrixApp();

describe('the authorisation matrix', () => {
  it(
    'lets each role do what the permission table says on surveys and measurement, in its own organisation, a partner and another',
    () => checkPart('measurement'),
    300_000,
  );
});
