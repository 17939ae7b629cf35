import { describe, it } from 'vitest';
import { checkPart, setUpMatrixApp } from './testing/authz/matrix.ts';

// The authorisation matrix (server/testing/authz/matrix.ts) on the training routes.

setUpMatrixApp();

describe('the authorisation matrix', () => {
  it(
    'lets each role do what the permission table says on courses, in its own organisation, a partner and another',
    () => checkPart('training'),
    300_000,
  );
});
