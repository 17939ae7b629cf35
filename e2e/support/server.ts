import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../../server/platform/db/test-database.ts';
import { spawnServer } from '../../server/testing/server-process.ts';

export interface RunningServer {
  /** Base URL with the real port, e.g. http://localhost:43127 */
  url: string;
  /** Everything the server printed so far, stdout and stderr together. */
  output(): string;
  /**
   * The one-time first-run link the server prints on an empty database,
   * e.g. http://localhost:43127/setup#<token>. Waits a little for it: it is printed just after
   * the server starts listening.
   */
  setupLink(): Promise<string>;
  stop(): Promise<void>;
}

const SETUP_LINK = /(https?:\/\/\S+?\/setup#[\w-]+)/;

/** Polls the printed text until the setup link shows up, or fails after `timeoutMs`. */
async function waitForSetupLink(output: () => string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const link = SETUP_LINK.exec(output())?.[1];
    if (link) return link;
    if (Date.now() > deadline) {
      throw new Error(`the server printed no setup link within ${timeoutMs} ms:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A port that is free now. The server is given it rather than PORT=0, because it builds the
 * addresses in its emails and its passkeys' origin from PORT before it listens: with 0 they
 * would read http://localhost:0.
 */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The server's settings, for a step that fills its database before it starts. */
export type ServerEnv = Record<string, string | undefined>;

/**
 * Starts the real server (`node server/main.ts`) on a free port with a fresh data directory
 * and, when DATABASE_URL is set, a fresh PostgreSQL database. `prepare` runs first, on the same
 * settings (to fill the database, as `restorativ demo` does). Resolves once it listens.
 */
export async function startServer(
  prepare?: (env: ServerEnv) => Promise<void>,
): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'restorativ-e2e-'));
  const database = await createTestDatabase();
  const env: ServerEnv = {
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    REDIS_URL: process.env.REDIS_URL,
    NODE_ENV: 'test',
  };
  await prepare?.(env);
  const server = spawnServer(env);
  const cleanUp = async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await server.listening;
    return {
      url,
      output: server.output,
      setupLink: () => waitForSetupLink(server.output),
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
