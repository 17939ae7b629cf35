import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two projects: fast unit and integration tests beside the code, and browser tests in e2e/.
// They run one after the other (groupOrder), each with every core: run together they only
// slowed each other down. Unit test files share their workers' loaded modules (isolate: false):
// every file builds its own app and database, and loading the code again for each of 120 files
// cost more time than the tests themselves (decision 025).
const cores = Math.max(2, availableParallelism());

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          globalSetup: ['server/testing/global-setup.ts'],
          include: [
            'server/**/*.test.ts',
            'shared/**/*.test.ts',
            'cli/**/*.test.ts',
            'web/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: cores,
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file has its own server and browser: two at a time keep both cores busy.
          maxWorkers: cores,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
