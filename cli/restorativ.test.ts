import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../server/platform/db/connection.ts';
import { lockDataDir } from '../server/platform/db/data-dir-lock.ts';
import { instanceSettings } from '../server/platform/instance/schema.ts';
import { repositoryRoot } from '../server/platform/paths.ts';

function restorativ(args: string[], env: Record<string, string | undefined> = {}) {
  const result = spawnSync(process.execPath, ['cli/restorativ.ts', ...args], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

// Each test runs the command line as separate processes, each opening the embedded database
// from disk; on a busy two-core machine a test can take a minute.
vi.setConfig({ testTimeout: 120_000 });

const freshDir = (label: string) => mkdtempSync(join(tmpdir(), `restorativ-cli-${label}-`));

async function withEmbedded<T>(
  dataDir: string,
  work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>,
) {
  const database = await openDatabase({ kind: 'embedded', dataDir, purpose: 'test' });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

const readMarker = (dataDir: string) =>
  withEmbedded(dataDir, async (db) => {
    const [row] = await db
      .select()
      .from(instanceSettings)
      .where(eq(instanceSettings.key, 'marker'));
    return row?.value;
  });

const writeMarker = (dataDir: string, value: string) =>
  withEmbedded(dataDir, async (db) => {
    await db
      .insert(instanceSettings)
      .values({ key: 'marker', value })
      .onConflictDoUpdate({ target: instanceSettings.key, set: { value } });
  });

describe('restorativ backup and restore of the embedded database', () => {
  it('gives back, after a restore, exactly what was backed up', async () => {
    const dataDir = freshDir('data');
    const backupFile = join(freshDir('backups'), 'before.tar.gz');
    expect(restorativ(['migrate'], { DATA_DIR: dataDir }).code).toBe(0);
    await writeMarker(dataDir, 'the harvest of circle 12');

    const backup = restorativ(['backup', '--out', backupFile], { DATA_DIR: dataDir });
    expect(backup.code).toBe(0);
    expect(backup.out).toContain(`Backed up the embedded database to ${backupFile}`);

    await writeMarker(dataDir, 'changed after the backup');

    const refused = restorativ(['restore', backupFile], { DATA_DIR: dataDir });
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('already holds a database');
    expect(await readMarker(dataDir)).toBe('changed after the backup');

    const restored = restorativ(['restore', backupFile, '--force'], { DATA_DIR: dataDir });
    expect(restored.code).toBe(0);
    expect(await readMarker(dataDir)).toBe('the harvest of circle 12');
    // Nothing is lost: the database that was replaced is kept beside it.
    expect(readdirSync(dataDir).some((name) => name.startsWith('pglite.before-restore-'))).toBe(
      true,
    );
  });

  it('restores into an empty data directory, as on a new machine', async () => {
    const dataDir = freshDir('source');
    const backupFile = join(freshDir('backups'), 'move.tar.gz');
    restorativ(['migrate'], { DATA_DIR: dataDir });
    await writeMarker(dataDir, 'moved');
    expect(restorativ(['backup', '--out', backupFile], { DATA_DIR: dataDir }).code).toBe(0);

    const newMachine = freshDir('target');
    expect(restorativ(['restore', backupFile], { DATA_DIR: newMachine }).code).toBe(0);
    expect(await readMarker(newMachine)).toBe('moved');
  });

  it('refuses to back up while the server holds the database', () => {
    const dataDir = freshDir('busy');
    restorativ(['migrate'], { DATA_DIR: dataDir });
    const serverLock = lockDataDir(dataDir, 'server');
    try {
      const result = restorativ(['backup', '--out', join(dataDir, 'x.tar.gz')], {
        DATA_DIR: dataDir,
      });
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/in use by another Restorativ process \(server/);
      expect(existsSync(join(dataDir, 'x.tar.gz'))).toBe(false);
    } finally {
      serverLock.release();
    }
  });

  it('says plainly when a backup file does not exist', () => {
    const result = restorativ(['restore', '/nowhere/backup.tar.gz'], {
      DATA_DIR: freshDir('none'),
    });
    expect(result.code).toBe(2);
    expect(result.err).toContain('There is no backup file at /nowhere/backup.tar.gz');
  });

  it('points to pg_dump on PostgreSQL', () => {
    const result = restorativ(['backup'], { DATABASE_URL: 'postgres://db.example/restorativ' });
    expect(result.code).toBe(2);
    expect(result.err).toContain('pg_dump');
  });
});

describe('restorativ doctor', () => {
  it('finds nothing to fix on a fresh installation', () => {
    const result = restorativ(['doctor'], { DATA_DIR: freshDir('doctor') });
    expect(result.code).toBe(0);
    expect(result.out).toContain('✓ Settings: Every setting is valid.');
    expect(result.out).toContain('Nothing to fix.');
  });

  it('names each unreachable service in plain words and fails', () => {
    const result = restorativ(['doctor'], {
      DATABASE_URL: 'postgres://nowhere.invalid/restorativ',
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      /✗ Database: Setting DATABASE_URL: cannot connect to PostgreSQL at nowhere\.invalid:5432/,
    );
    expect(result.out).toMatch(
      /✗ Redis: Setting REDIS_URL: cannot connect to Redis at 127\.0\.0\.1:1 \(connect ECONNREFUSED/,
    );
    expect(result.out).toContain('2 problem(s) to fix.');
  });

  it('names a bad setting', () => {
    const result = restorativ(['doctor'], { PORT: 'x' });
    expect(result.code).toBe(1);
    expect(result.out).toContain('✗ Settings: Setting PORT must be a whole number');
  });
});

describe('restorativ migrate', () => {
  it('brings an empty database up to date, and doctor then agrees', () => {
    const dataDir = freshDir('migrate');
    const result = restorativ(['migrate'], { DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(result.out).toContain('The database is up to date.');
    expect(restorativ(['doctor'], { DATA_DIR: dataDir }).out).toMatch(
      /✓ Database: .* is up to date\./,
    );
  });

  it('answers an unknown command with the usage and status 2', () => {
    const result = restorativ(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Unknown command "frobnicate"');
    expect(result.err).toContain('Usage: restorativ');
  });
});

describe('restorativ init', () => {
  it('creates the first organisation and its admin once, and prints a link to choose a password', () => {
    const dataDir = freshDir('init');
    const args = ['init', '--org', 'Eastside Police Department', '--kind', 'police_agency'];
    const result = restorativ([...args, '--admin-email', 'Rosa@Eastside.example'], {
      DATA_DIR: dataDir,
    });
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'Created Eastside Police Department and its admin, rosa@eastside.example.',
    );
    expect(result.out).toMatch(/http:\/\/localhost:3000\/setup#[\w-]{43}/);

    const again = restorativ([...args, '--admin-email', 'other@eastside.example'], {
      DATA_DIR: dataDir,
    });
    expect(again.code).toBe(2);
    expect(again.err).toContain('Restorativ is already set up');
  });

  it('names what is missing or wrong, and creates nothing', () => {
    const result = restorativ(['init', '--org', 'E', '--kind', 'militia'], {
      DATA_DIR: freshDir('init-bad'),
    });
    expect(result.code).toBe(2);
    expect(result.err).toContain('--org: Give the organisation a name of at least 2 characters.');
    expect(result.err).toContain('--kind must be one of police_agency');
    expect(result.err).toContain('--admin-email must be an email address');
  });
});
