import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import type { CircleRole } from '../../../shared/circles/machine.ts';
import { loadConfig } from '../../config.ts';
import { generateEncryptionKey } from '../../platform/crypto/keys.ts';
import { embeddedDataPath } from '../../platform/db/connection.ts';
import { createTestDatabase } from '../../platform/db/test-database.ts';
import { createLogger } from '../../platform/logger.ts';
import { closeRuntime, databaseTargetOf, openRuntime } from '../../runtime.ts';
import { type ServerProcess, spawnServer } from '../../testing/server-process.ts';
import { type SeededCircle, seedCircle, seedProgram } from './live-fixtures.ts';
import { LIVE_PATH } from './realtime.ts';

// An installation for real server processes: its database (an embedded one in a data directory,
// or a fresh PostgreSQL database), a circle with its people seated and signed in, and the
// settings every process of it shares, secrets included.

export interface Installation {
  env: Record<string, string | undefined>;
  circle: SeededCircle;
  /** Starts one more server process on the installation. */
  start(): ServerProcess;
  /** The live room's address of a process that listens. */
  liveUrlOf(server: ServerProcess): Promise<string>;
  /** Stops every process it started and removes the database. */
  remove(): Promise<void>;
}

/** A migrated embedded database in a new data directory, from the test run's template. */
function preparedDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'restorativ-live-'));
  mkdirSync(embeddedDataPath(dataDir), { recursive: true });
  return dataDir;
}

async function loadTemplate(dataDir: string): Promise<void> {
  const template = new Blob([readFileSync(inject('embeddedTemplate'))]);
  const engine = await PGlite.create(embeddedDataPath(dataDir), { loadDataDir: template });
  await engine.close();
}

export async function seededInstallation(
  people: { name: string; role: CircleRole }[],
  options: { embedded: boolean },
): Promise<Installation> {
  const dataDir = preparedDataDir();
  const database = options.embedded ? undefined : await createTestDatabase();
  if (options.embedded) await loadTemplate(dataDir);
  const env: Record<string, string | undefined> = {
    DATA_DIR: dataDir,
    DATABASE_URL: database?.url ?? '',
    REDIS_URL: options.embedded ? '' : process.env.REDIS_URL,
    AUTH_SECRET: randomBytes(32).toString('base64'),
    ENCRYPTION_KEY: generateEncryptionKey(),
    LOG_LEVEL: 'silent',
  };
  const config = loadConfig({ ...env, NODE_ENV: 'test' });
  const context = await openRuntime(
    config,
    createLogger('silent'),
    databaseTargetOf(config, 'test seed'),
  );
  let circle: SeededCircle;
  try {
    circle = await seedCircle(context, await seedProgram(context), people);
  } finally {
    await closeRuntime(context);
  }
  const started: ServerProcess[] = [];
  return {
    env,
    circle,
    start() {
      const server = spawnServer(env);
      started.push(server);
      return server;
    },
    async liveUrlOf(server) {
      const url = new URL(await server.listening);
      return `ws://127.0.0.1:${url.port}${LIVE_PATH}`;
    },
    async remove() {
      for (const server of started) {
        if (server.child.exitCode === null) server.child.kill('SIGKILL');
      }
      await Promise.all(started.map((server) => server.exited));
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
