import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import type { AppContext } from '../platform/context.ts';
import { generateEncryptionKey } from '../platform/crypto/keys.ts';
import type { DatabaseTarget } from '../platform/db/connection.ts';
import { createTestDatabase } from '../platform/db/test-database.ts';
import { createLogger } from '../platform/logger.ts';
import { closeRuntime, openRuntime } from '../runtime.ts';

export interface TestApp {
  app: FastifyInstance;
  context: AppContext;
  close(): Promise<void>;
}

// One generated key per test process: tests never write a development key file.
const testEncryptionKey = generateEncryptionKey();

/** Settings as a test server uses them, on the database and Redis that the test run was given. */
export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    REDIS_URL: process.env.REDIS_URL,
    DATABASE_URL: process.env.DATABASE_URL,
    AUTH_SECRET: randomBytes(32).toString('base64'),
    ENCRYPTION_KEY: testEncryptionKey,
    ...overrides,
  });
}

/** A small stand-in for the built web app, so tests need no front-end build. */
export function fakeWebRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'restorativ-web-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Restorativ</title>');
  return root;
}

/**
 * Builds the whole app in process, on the given settings, on a fresh database: in-memory PGlite, or a new PostgreSQL
 * database when DATABASE_URL is set. Requests go through `app.inject` or a real listener.
 */
export async function startTestApp(
  overrides: Record<string, string | undefined> = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig({ ...overrides, DATABASE_URL: database.url });
  const target: DatabaseTarget = database.url
    ? { kind: 'postgresql', url: database.url, poolSize: 5 }
    : {
        kind: 'embedded-in-memory',
        template: new Blob([readFileSync(inject('embeddedTemplate'))]),
      };
  const context = await openRuntime(config, createLogger(config.LOG_LEVEL), target);
  const app = await buildApp(context, { webRoot: fakeWebRoot() });
  return {
    app,
    context,
    async close() {
      await app.close();
      await closeRuntime(context);
      await database.drop();
    },
  };
}
