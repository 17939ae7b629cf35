import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../../server/platform/db/test-database.ts';
import { spawnServer } from '../../server/testing/server-process.ts';

export interface RunningServer {
  /** Base URL with the real port, e.g. http://localhost:43127 */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the real server (`node server/main.ts`) on a free port with a fresh data directory
 * and, when DATABASE_URL is set, a fresh PostgreSQL database. Resolves once it listens.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'restorativ-e2e-'));
  const database = await createTestDatabase();
  const server = spawnServer({
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    REDIS_URL: process.env.REDIS_URL,
    NODE_ENV: 'test',
  });
  const cleanUp = async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await server.listening;
    return {
      url,
      async stop() {
        await server.stop();
        await cleanUp();
      },
    };
  } catch (error) {
    await server.stop();
    await cleanUp();
    throw error;
  }
}
