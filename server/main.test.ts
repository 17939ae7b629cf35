import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from './platform/db/test-database.ts';
import { type ServerProcess, spawnServer } from './testing/server-process.ts';

// The server as an operator runs it: a real process, started and stopped with signals. Starting
// one creates its database on disk, which can take most of a minute on a busy machine.
vi.setConfig({ testTimeout: 120_000 });
const started: ServerProcess[] = [];
const databases: TestDatabase[] = [];

async function freshSettings(): Promise<Record<string, string | undefined>> {
  const database = await createTestDatabase();
  databases.push(database);
  return {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'restorativ-main-')),
    DATABASE_URL: database.url,
    REDIS_URL: process.env.REDIS_URL,
  };
}

function start(env: Record<string, string | undefined>): ServerProcess {
  const server = spawnServer(env);
  started.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.stop()));
  await Promise.all(databases.splice(0).map((database) => database.drop()));
});

describe('the server process', () => {
  it('starts, serves, stops cleanly on SIGTERM and keeps its data for the next start', async () => {
    const settings = await freshSettings();
    const first = start(settings);
    const url = await first.listening;
    expect((await fetch(`${url}/ready`)).status).toBe(200);
    const about = await (await fetch(`${url}/api/about`)).json();

    expect(await first.stop()).toBe(0);
    expect(existsSync(join(String(settings.DATA_DIR), 'restorativ.lock'))).toBe(false);

    const second = start(settings);
    const secondUrl = await second.listening;
    expect((await (await fetch(`${secondUrl}/api/about`)).json()).installedAt).toBe(
      about.installedAt,
    );
  });

  it('also stops cleanly on SIGINT (Ctrl+C)', async () => {
    const server = start(await freshSettings());
    await server.listening;
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
  });

  it('stops with one line naming DATABASE_URL when the database cannot be reached', async () => {
    const server = start({ ...(await freshSettings()), DATABASE_URL: 'postgres://bad' });
    expect(await server.exited).toBe(2);
    expect(server.output().trim()).toMatch(
      /^Restorativ cannot start: Setting DATABASE_URL: cannot connect to PostgreSQL at bad:5432 \([^\n]+\)\.$/,
    );
  });

  it('stops with one line naming a bad setting, without a stack trace', async () => {
    const server = start({ ...(await freshSettings()), PORT: 'eighty' });
    expect(await server.exited).toBe(2);
    expect(server.output().trim()).toBe(
      'Restorativ cannot start: Setting PORT must be a whole number from 0 to 65535 (got "eighty").',
    );
  });
});

describe('a second process on the same settings', () => {
  it('is refused on the embedded database, and joins in on PostgreSQL', async () => {
    const settings = await freshSettings();
    const first = start(settings);
    const firstUrl = await first.listening;
    const second = start(settings);
    if (settings.DATABASE_URL) {
      // Several processes behind a load balancer serve one database together.
      const secondUrl = await second.listening;
      const abouts = await Promise.all(
        [firstUrl, secondUrl].map(async (url) => (await fetch(`${url}/api/about`)).json()),
      );
      expect(abouts[0].installedAt).toBe(abouts[1].installedAt);
    } else {
      expect(await second.exited).toBe(2);
      expect(second.output()).toMatch(
        /^Restorativ cannot start: The embedded database in .+ is in use by another Restorativ process \(server, pid \d+/,
      );
    }
    expect((await fetch(`${firstUrl}/ready`)).status).toBe(200);
  });
});
