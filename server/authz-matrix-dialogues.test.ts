import { describe, it } from 'vitest';
import { checkPart, setUpMatrixApp } from './testing/authz/matrix.ts';

// The authorisation matrix (server/testing/authz/matrix.ts) on the dialogues routes.

setUpMatrixApp();

describe('the authorisation matrix', () => {
  it(
    'lets each role do what the permission table says on dialogues, in its own organisation, a partner and another',
    () => checkPart('dialogues'),
    300_000,
  );
});
