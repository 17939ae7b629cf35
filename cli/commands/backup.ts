import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../../server/config.ts';
import { embeddedDataPath, openDatabase } from '../../server/platform/db/connection.ts';
import { lockDataDir } from '../../server/platform/db/data-dir-lock.ts';

// Backup and restore of the embedded database, as PGlite's own data-directory archive.
// On PostgreSQL, operators use pg_dump and pg_restore (docs/operators.md).

function postgresAdvice(action: 'back it up' | 'restore it'): number {
  console.error(
    `This installation uses PostgreSQL (DATABASE_URL). To ${action}, use PostgreSQL's own ` +
      'tools: pg_dump --format=custom and pg_restore. See docs/operators.md.',
  );
  return 2;
}

function timestamp(): string {
  return new Date()
    .toISOString()
    .replaceAll(':', '-')
    .replace(/\.\d+Z$/, 'Z');
}

export async function backupCommand(config: Config, out: string | undefined): Promise<number> {
  if (config.databaseKind === 'postgresql') return postgresAdvice('back it up');
  if (!existsSync(embeddedDataPath(config.DATA_DIR))) {
    console.error(`There is no embedded database in ${resolve(config.DATA_DIR)} to back up.`);
    return 2;
  }
  const file = resolve(out ?? join('backups', `restorativ-${timestamp()}.tar.gz`));
  const database = await openDatabase({
    kind: 'embedded',
    dataDir: config.DATA_DIR,
    purpose: 'restorativ backup',
  });
  try {
    // biome-ignore lint/style/noNonNullAssertion: an embedded handle always holds its engine.
    const archive = await database.pglite!.dumpDataDir('gzip');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, Buffer.from(await archive.arrayBuffer()), { mode: 0o600 });
  } finally {
    await database.close();
  }
  console.log(`Backed up the embedded database to ${file}`);
  return 0;
}

export async function restoreCommand(
  config: Config,
  file: string | undefined,
  force: boolean,
): Promise<number> {
  if (config.databaseKind === 'postgresql') return postgresAdvice('restore it');
  if (!file) {
    console.error('Name the backup file to restore: restorativ restore FILE');
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`There is no backup file at ${resolve(file)}.`);
    return 2;
  }
  const target = embeddedDataPath(config.DATA_DIR);
  if (existsSync(target) && !force) {
    console.error(
      `${resolve(config.DATA_DIR)} already holds a database. Restoring replaces it; the current ` +
        'one is kept beside it, renamed. Run again with --force to go ahead.',
    );
    return 2;
  }
  const lock = lockDataDir(config.DATA_DIR, 'restorativ restore');
  try {
    let setAside: string | undefined;
    if (existsSync(target)) {
      setAside = `${target}.before-restore-${timestamp()}`;
      renameSync(target, setAside);
    }
    try {
      const restored = await PGlite.create(target, {
        loadDataDir: new Blob([readFileSync(file)]),
      });
      await restored.query('select 1');
      await restored.close();
    } catch (error) {
      rmSync(target, { recursive: true, force: true });
      if (setAside) renameSync(setAside, target);
      throw error;
    }
    console.log(`Restored the embedded database from ${resolve(file)}.`);
    if (setAside) console.log(`The database it replaced is kept in ${setAside}`);
  } finally {
    lock.release();
  }
  return 0;
}
